package io.cairn.metrics.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.metrics.score.Score;
import org.junit.jupiter.api.Test;

/** When a fall between two windows counts as beyond the margins of error (hand-computed Wilson intervals, n=100). */
class DropRuleTest {

    static Score csat(double value, double low, double high) {
        return new Score("CSAT", value, low, high, (high - low) / 2, 100);
    }

    @Test
    void aFallLargerThanTheMarginOfTheDifferenceCountsEvenWhenTheIntervalsOverlap() {
        // 75% [65.7, 82.5] -> 60% [50.2, 69.1]: 15 > √(8.4² + 9.45²) = 12.64
        assertThat(AlertEvaluator.beyondMargins(csat(75, 65.7, 82.5), csat(60, 50.2, 69.1))).isTrue();
    }

    @Test
    void aFallWithinTheMarginOfTheDifferenceDoesNot() {
        // 75% [65.7, 82.5] -> 64% [54.2, 72.6]: 11 < √(8.4² + 9.2²) = 12.46
        assertThat(AlertEvaluator.beyondMargins(csat(75, 65.7, 82.5), csat(64, 54.2, 72.6))).isFalse();
        // a single answer has no interval: nothing is beyond it
        assertThat(AlertEvaluator.beyondMargins(csat(75, 65.7, 82.5), new Score("CSAT", 0.0, null, null, null, 1))).isFalse();
    }
}
