package io.cairn.journey.journey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.cairn.platform.revision.Revision;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer journey map: who it is for, who owns it, its ordered stages. {@code version} starts
 * at 1 and grows with every applied change (optimistic concurrency). {@code pendingRevision}, the
 * record of the change that produced this version, is written in the same document write as the
 * change itself, so no change can lose its revision (it is copied to the history right after).
 */
@Document("journeys")
public record Journey(
        @Id String id,
        String name,
        String description,
        List<Persona> personas,
        String ownerTeam,
        JourneyStatus status,
        List<String> tags,
        List<Stage> stages,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version,
        @JsonIgnore Revision pendingRevision) {

    public static final int MAX_STAGES = 50;

    public Journey {
        personas = personas == null ? List.of() : List.copyOf(personas);
        tags = tags == null ? List.of() : List.copyOf(tags);
        stages = stages == null ? List.of() : List.copyOf(stages);
    }

    public JourneyId journeyId() {
        return new JourneyId(id);
    }

    /** The editable content of {@code other} on this journey's identity and audit fields. */
    public Journey withContentOf(Journey other) {
        return new Journey(id, other.name, other.description, other.personas, other.ownerTeam, other.status,
                other.tags, other.stages, createdAt, createdBy, updatedAt, updatedBy, version, pendingRevision);
    }

    public Journey withName(String name) {
        return new Journey(id, name, description, personas, ownerTeam, status, tags, stages, createdAt, createdBy,
                updatedAt, updatedBy, version, pendingRevision);
    }

    public Journey withDetails(String description, List<Persona> personas, String ownerTeam, List<String> tags) {
        return new Journey(id, name, description, personas, ownerTeam, status, tags, stages, createdAt, createdBy,
                updatedAt, updatedBy, version, pendingRevision);
    }

    public Journey withStatus(JourneyStatus status) {
        return new Journey(id, name, description, personas, ownerTeam, status, tags, stages, createdAt, createdBy,
                updatedAt, updatedBy, version, pendingRevision);
    }

    public Journey withStages(List<Stage> stages) {
        return new Journey(id, name, description, personas, ownerTeam, status, tags, stages, createdAt, createdBy,
                updatedAt, updatedBy, version, pendingRevision);
    }

    /** The next version of this journey, changed by {@code actor} at {@code at}, recorded by {@code revision}. */
    public Journey nextVersion(Instant at, String actor, Revision revision) {
        return new Journey(id, name, description, personas, ownerTeam, status, tags, stages, createdAt, createdBy,
                at, actor, version + 1, revision);
    }

    public Journey withPendingRevision(Revision revision) {
        return new Journey(id, name, description, personas, ownerTeam, status, tags, stages, createdAt, createdBy,
                updatedAt, updatedBy, version, revision);
    }

    /** This journey as a history snapshot (without its own pending revision). */
    public Journey snapshot() {
        return new Journey(id, name, description, personas, ownerTeam, status, tags, stages, createdAt, createdBy,
                updatedAt, updatedBy, version, null);
    }
}
