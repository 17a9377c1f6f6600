package io.cairn.gateway.journey;

/** GraphQL {@code JourneyFilter}. */
public record JourneyFilter(String status, String tag, String ownerTeam, String text) {
}
