package io.cairn.metrics.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.metrics.aggregate.BucketRepository;
import io.cairn.metrics.score.Correlation;
import io.cairn.metrics.score.Distribution;
import io.cairn.metrics.score.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Importance x performance quadrants, split at the medians of the drivers with enough pairs, on hand-made answers
 * whose correlation and CSAT are known: r 1 or 0, CSAT 25% or 75%.
 */
class QuadrantTest {

    /** CSAT answers of 1 and 5, each with an outcome of 0 or 10: {@code [score 1 & 0, score 1 & 10, score 5 & 0, score 5 & 10]}. */
    static BucketRepository.Totals answers(int oneLow, int oneHigh, int fiveLow, int fiveHigh) {
        List<Integer> scores = new ArrayList<>();
        Correlation outcome = Correlation.EMPTY;
        int[][] groups = {{1, 0, oneLow}, {1, 10, oneHigh}, {5, 0, fiveLow}, {5, 10, fiveHigh}};
        for (int[] group : groups) {
            for (int i = 0; i < group[2]; i++) {
                scores.add(group[0]);
                outcome = outcome.add(group[0], group[1]);
            }
        }
        return new BucketRepository.Totals(Distribution.of(Metric.CSAT, scores.stream().mapToInt(Integer::intValue).toArray()), outcome);
    }

    @Test
    void eachTouchpointLandsInTheQuadrantItsImportanceAndPerformanceSay() {
        Map<String, Map<Metric, BucketRepository.Totals>> totals = new LinkedHashMap<>();
        // r = 1 (the low scorers are the unhappy ones), CSAT 25% and 75%
        totals.put("decisive-and-poor", Map.of(Metric.CSAT, answers(30, 0, 0, 10)));
        totals.put("decisive-and-good", Map.of(Metric.CSAT, answers(10, 0, 0, 30)));
        // r = 0 (scores say nothing of the outcome), CSAT 25% and 75%
        totals.put("indifferent-and-poor", Map.of(Metric.CSAT, answers(15, 15, 5, 5)));
        totals.put("indifferent-and-good", Map.of(Metric.CSAT, answers(5, 5, 15, 15)));
        // r = 1 too, but over 10 pairs: neither judged nor counted in the medians
        totals.put("barely-rated", Map.of(Metric.CSAT, answers(5, 0, 0, 5)));

        Map<String, KeyDriver> drivers = new LinkedHashMap<>();
        Analysis.keyDrivers(totals, 30).forEach(d -> drivers.put(d.touchpointId(), d));

        assertThat(drivers.get("decisive-and-poor").importance()).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(drivers.get("indifferent-and-good").importance()).isEqualTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(drivers.get("decisive-and-poor").performance()).isEqualTo(25.0);
        assertThat(drivers.get("decisive-and-poor").quadrant()).isEqualTo(KeyDriver.Quadrant.FIX_FIRST);
        assertThat(drivers.get("decisive-and-good").quadrant()).isEqualTo(KeyDriver.Quadrant.KEEP_UP);
        assertThat(drivers.get("indifferent-and-poor").quadrant()).isEqualTo(KeyDriver.Quadrant.LOW_PRIORITY);
        assertThat(drivers.get("indifferent-and-good").quadrant()).isEqualTo(KeyDriver.Quadrant.POSSIBLE_OVERKILL);
        assertThat(drivers.get("barely-rated").quadrant()).isEqualTo(KeyDriver.Quadrant.INSUFFICIENT_DATA);
        // most important first
        assertThat(new ArrayList<>(drivers.keySet()).subList(0, 2)).containsExactlyInAnyOrder("decisive-and-poor", "decisive-and-good");
    }
}
