package io.cairn.metrics.kase;

import io.cairn.metrics.score.Metric;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A problem to act on, assigned to the team that owns the touchpoint. {@code openKey} (rule and
 * touchpoint) is set while the case is not resolved; a unique index on it makes a second open case
 * for the same rule and touchpoint impossible.
 */
@Document("cases")
public record Case(@Id String id, String openKey, String ruleId, String journeyId, String touchpointId,
        String touchpointName, Metric metric, String ownerTeam, String title, String reason, Status status,
        String resolutionNote, Instant openedAt, Instant dueAt, Instant updatedAt, List<Event> history, long version) {

    public enum Status { OPEN, ACKNOWLEDGED, RESOLVED }

    /** One change of the case: who, when, what. */
    public record Event(Instant at, String actor, String action, String note) {
    }
}
