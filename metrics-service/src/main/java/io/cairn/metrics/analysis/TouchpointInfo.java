package io.cairn.metrics.analysis;

import io.cairn.metrics.score.Metric;
import java.util.Map;

/** What the analysis needs to know of a touchpoint (from touchpoint-service). */
public record TouchpointInfo(@jakarta.validation.constraints.NotBlank String id, String name, String stageId, String ownerTeam, Map<Metric, Double> targets,
        Integer importance, boolean importanceDerived) {

    public TouchpointInfo {
        targets = targets == null ? Map.of() : targets;
    }
}
