package io.cairn.gateway.journey;

/**
 * A change of a journey or of its touchpoints, as seen by a subscriber: the journey as it is now
 * (null when it was deleted), who changed it last and when.
 */
public record JourneyChange(String journeyId, long journeyVersion, String changedBy, String at, Journey journey) {
}
