package io.cairn.gateway.journey;

/**
 * One applied change of a journey or of one of its touchpoints, as a subscriber sees it: what was done
 * ({@code operation}, the revision's), to which touchpoint (null: the journey itself), by whom and when, the
 * journey's version after it, and the journey as it is now (null when it was deleted).
 */
public record JourneyChange(String journeyId, long journeyVersion, String changedBy, String at, String operation,
        String touchpointId, Journey journey) {
}
