package io.cairn.gateway.journey;

import java.util.List;

/** A template summary as journey-service lists it. */
public record JourneyTemplate(String key, String name, String description, List<String> tags, int stageCount,
        int touchpointCount) {
}
