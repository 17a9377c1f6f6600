package io.cairn.metrics.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.metrics.aggregate.BucketRepository;
import io.cairn.metrics.score.Correlation;
import io.cairn.metrics.score.Distribution;
import io.cairn.metrics.score.Metric;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A touchpoint's derived importance comes from its key driver only when enough respondents gave both answers. */
class DerivedImportanceTest {

    static final TouchpointInfo WIFI = new TouchpointInfo("wifi", "Wifi", "fly", "digital", Map.of(Metric.CSAT, 80.0), null, true);

    /** 40 answers of 2 (CSAT 0%), with {@code pairs} of them paired with an overall outcome. */
    static BucketRepository.Totals answers(int pairs) {
        int[] scores = new int[40];
        java.util.Arrays.fill(scores, 2);
        Correlation outcome = Correlation.EMPTY;
        for (int i = 0; i < pairs; i++) {
            // scores 1-3 paired with outcomes 0, 5, 10: a perfect correlation
            outcome = outcome.add(1 + i % 3, 5 * (i % 3));
        }
        return new BucketRepository.Totals(Distribution.of(Metric.CSAT, scores), outcome);
    }

    static Weakness weakness(int pairs) {
        BucketRepository.Totals totals = answers(pairs);
        KeyDriver driver = Analysis.keyDrivers(Map.of("wifi", Map.of(Metric.CSAT, totals)), 30).get(0);
        return Analysis.weakness(WIFI, Metric.CSAT, totals, driver, 30);
    }

    @Test
    void aCorrelationOverTooFewPairsWeighsNothing() {
        Weakness fewPairs = weakness(5);
        assertThat(fewPairs.status()).isEqualTo(Weakness.Status.WEAK);
        assertThat(fewPairs.importance()).isNull();
        assertThat(fewPairs.reason()).doesNotContain("importance");
        // without an importance the shortfall counts half: 80 points x 5/10
        assertThat(fewPairs.severity()).isEqualTo(40.0);
    }

    @Test
    void aMeasuredCorrelationGivesTheImportance() {
        Weakness measured = weakness(30);
        assertThat(measured.importance()).isEqualTo(10);
        assertThat(measured.reason()).contains("importance 10 (derived)");
        assertThat(measured.severity()).isEqualTo(80.0);
    }
}
