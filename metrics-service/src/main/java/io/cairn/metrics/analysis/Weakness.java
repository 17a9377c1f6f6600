package io.cairn.metrics.analysis;

import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Score;

/**
 * A touchpoint's standing against its target for one metric. {@code gap} = score - target in the
 * metric's unit; {@code severity} = shortfall on the 0-100 scale x importance / 10 (0 unless weak);
 * {@code belowWithConfidence} when even the top of the 95% interval is under the target.
 */
public record Weakness(String touchpointId, String name, String stageId, String ownerTeam, Metric metric,
        Status status, Score score, Double target, Double gap, Integer importance, boolean importanceDerived,
        double severity, boolean belowWithConfidence, KeyDriver.Quadrant quadrant, String reason) {

    public enum Status { WEAK, OK, INSUFFICIENT_DATA, NO_TARGET }
}
