package io.cairn.gateway.journey;

import java.util.List;

/** GraphQL {@code CreateJourneyInput}; journey-service validates the content. */
public record CreateJourneyInput(String name, String description, String ownerTeam, List<String> tags,
        List<Journey.Persona> personas) {
}
