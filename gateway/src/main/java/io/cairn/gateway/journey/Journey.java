package io.cairn.gateway.journey;

import java.util.List;

/** A journey as journey-service returns it. */
public record Journey(String id, String name, String description, List<Persona> personas, String ownerTeam,
        String status, List<String> tags, List<Stage> stages, String createdAt, String createdBy, String updatedAt,
        String updatedBy, long version) {

    public Journey {
        stages = stages == null ? List.of() : stages;
    }

    public record Persona(String name, String description, List<String> goals, List<String> frustrations) {
    }

    public record Stage(String id, String name, String description, String customerGoal, int designedEmotion) {
    }
}
