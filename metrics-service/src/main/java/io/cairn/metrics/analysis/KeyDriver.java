package io.cairn.metrics.analysis;

import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Score;

/**
 * How much a touchpoint matters to the overall outcome (Pearson r between its score and the outcome,
 * over the {@code pairs} respondents who gave both) against how well it does ({@code performance},
 * 0-100), and the resulting quadrant.
 */
public record KeyDriver(String touchpointId, Metric metric, Double importance, long pairs, Score score,
        double performance, Quadrant quadrant) {

    public enum Quadrant { FIX_FIRST, KEEP_UP, LOW_PRIORITY, POSSIBLE_OVERKILL, INSUFFICIENT_DATA }
}
