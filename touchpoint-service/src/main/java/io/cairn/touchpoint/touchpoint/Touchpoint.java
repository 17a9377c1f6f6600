package io.cairn.touchpoint.touchpoint;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cairn.platform.revision.Revision;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A moment where the customer meets the company, in one stage of one journey. {@code rank} orders
 * the touchpoints of a stage (moving one rewrites only its own rank). {@code importance} is 1-10, or
 * null with {@code importanceDerived} when key-driver analysis decides it. Versioned like journeys,
 * with the revision of the last change written in the same document write.
 */
@Document("touchpoints")
public record Touchpoint(
        @Id String id,
        String journeyId,
        String stageId,
        String name,
        String description,
        Channel channel,
        String ownerTeam,
        Dimension dimension,
        int designedEmotion,
        String expectation,
        Integer importance,
        boolean importanceDerived,
        Map<Metric, Double> targets,
        List<String> painPoints,
        List<String> opportunities,
        boolean momentOfTruth,
        double rank,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version,
        @JsonIgnore Revision pendingRevision) {

    public static final int MAX_PER_STAGE = 100;

    public Touchpoint {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        painPoints = painPoints == null ? List.of() : List.copyOf(painPoints);
        opportunities = opportunities == null ? List.of() : List.copyOf(opportunities);
    }

    public Touchpoint withPlace(String stageId, double rank) {
        return new Touchpoint(id, journeyId, stageId, name, description, channel, ownerTeam, dimension, designedEmotion,
                expectation, importance, importanceDerived, targets, painPoints, opportunities, momentOfTruth, rank,
                createdAt, createdBy, updatedAt, updatedBy, version, pendingRevision);
    }

    public Touchpoint withContent(TouchpointFields f) {
        return new Touchpoint(id, journeyId, stageId, f.name(), f.description(), f.channel(), f.ownerTeam(),
                f.dimension(), f.designedEmotion(), f.expectation(), f.importance(), f.importanceDerived(),
                f.targets(), f.painPoints(), f.opportunities(), f.momentOfTruth(), rank, createdAt, createdBy,
                updatedAt, updatedBy, version, pendingRevision);
    }

    public TouchpointFields fields() {
        return new TouchpointFields(name, description, channel, ownerTeam, dimension, designedEmotion, expectation,
                importance, importanceDerived, targets, painPoints, opportunities, momentOfTruth);
    }

    /** The next version, changed by {@code actor} at {@code at}. */
    public Touchpoint nextVersion(Instant at, String actor) {
        return new Touchpoint(id, journeyId, stageId, name, description, channel, ownerTeam, dimension, designedEmotion,
                expectation, importance, importanceDerived, targets, painPoints, opportunities, momentOfTruth, rank,
                createdAt, createdBy, at, actor, version + 1, null);
    }

    /** The same touchpoint at another version (a restored one continues its history). */
    public Touchpoint withVersion(long version) {
        return new Touchpoint(id, journeyId, stageId, name, description, channel, ownerTeam, dimension, designedEmotion,
                expectation, importance, importanceDerived, targets, painPoints, opportunities, momentOfTruth, rank,
                createdAt, createdBy, updatedAt, updatedBy, version, null);
    }

    public Touchpoint withPendingRevision(Revision revision) {
        return new Touchpoint(id, journeyId, stageId, name, description, channel, ownerTeam, dimension, designedEmotion,
                expectation, importance, importanceDerived, targets, painPoints, opportunities, momentOfTruth, rank,
                createdAt, createdBy, updatedAt, updatedBy, version, revision);
    }

    /** This touchpoint as a history snapshot: what a user sees, including where it is. */
    public Touchpoint snapshot() {
        return withPendingRevision(null);
    }
}
