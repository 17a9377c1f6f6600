package io.cairn.gateway.touchpoint;

import java.util.List;
import java.util.Map;

/** A touchpoint as touchpoint-service returns it. */
public record Touchpoint(String id, String journeyId, String stageId, String name, String description,
        String channel, String ownerTeam, String dimension, int designedEmotion, String expectation,
        Integer importance, boolean importanceDerived, Map<String, Double> targets, List<String> painPoints,
        List<String> opportunities, boolean momentOfTruth, String createdAt, String createdBy, String updatedAt,
        String updatedBy, long version) {

    /** GraphQL {@code Target}: a metric and the value the touchpoint should reach. */
    public record Target(String metric, double value) {
    }

    public List<Target> targetList() {
        return targets == null ? List.of()
                : targets.entrySet().stream().map(e -> new Target(e.getKey(), e.getValue())).toList();
    }
}
