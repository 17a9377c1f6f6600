package io.cairn.journey.revision;

import io.cairn.journey.journey.Journey;
import io.cairn.platform.revision.Change;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One applied change of a journey: who, when, what operation, what changed, and the journey as it
 * was afterwards ({@code snapshot}, used to diff and restore). {@code number} equals the journey
 * version the change produced.
 */
@Document("journey_revisions")
public record Revision(@Id String id, String journeyId, long number, String operation, String actor, Instant at,
        List<Change> changes, Journey snapshot) {

    public static String id(String journeyId, long number) {
        return journeyId + ":" + number;
    }

    /** The list entry of this revision: everything but the snapshot. */
    public Summary summary() {
        return new Summary(number, operation, actor, at, changes);
    }

    public record Summary(long number, String operation, String actor, Instant at, List<Change> changes) {
    }
}
