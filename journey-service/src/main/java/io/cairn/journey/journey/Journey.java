package io.cairn.journey.journey;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A customer journey map: who it is for, who owns it, where it stands. {@code version} starts at 1
 * and grows with every applied change (optimistic concurrency).
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
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {

    public Journey {
        personas = personas == null ? List.of() : List.copyOf(personas);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public JourneyId journeyId() {
        return new JourneyId(id);
    }
}
