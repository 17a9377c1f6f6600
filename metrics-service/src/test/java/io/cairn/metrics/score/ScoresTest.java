package io.cairn.metrics.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The formulas against cases computed by hand. */
class ScoresTest {

    @Test
    void npsIsPromotersMinusDetractorsWithItsMargin() {
        // promoters 10,10,9,9,10 (5 of 10), detractors 6,0,5 (3 of 10), passives 8,7
        Score nps = Scores.nps(Distribution.of(Metric.NPS, 10, 10, 9, 8, 7, 6, 0, 5, 9, 10));
        assertThat(nps.value()).isCloseTo(20.0, within(1e-9));
        assertThat(nps.margin()).isCloseTo(54.0325, within(1e-3));
        assertThat(nps.low()).isCloseTo(-34.0325, within(1e-3));
        assertThat(nps.n()).isEqualTo(10);
        assertThat(Scores.nps(Distribution.of(Metric.NPS, 10, 10, 10)).high()).isEqualTo(100.0);
        assertThat(Scores.nps(Distribution.empty(Metric.NPS)).isEmpty()).isTrue();
    }

    @Test
    void csatIsTopTwoBoxWithAWilsonIntervalAndTheMean() {
        Distribution answers = Distribution.of(Metric.CSAT, 5, 4, 4, 3, 2, 5, 1, 4);
        Score csat = Scores.csat(answers);
        assertThat(csat.value()).isCloseTo(62.5, within(1e-9));
        assertThat(csat.low()).isCloseTo(30.5742, within(1e-3));
        assertThat(csat.high()).isCloseTo(86.3156, within(1e-3));
        assertThat(csat.margin()).isCloseTo(62.5 - 30.5742, within(1e-3));
        assertThat(Scores.csatMean(answers).value()).isCloseTo(3.5, within(1e-9));
        // Wilson stays inside the scale where a normal interval would not
        Score allSatisfied = Scores.csat(Distribution.of(Metric.CSAT, 5, 5, 4));
        assertThat(allSatisfied.value()).isEqualTo(100.0);
        assertThat(allSatisfied.high()).isLessThanOrEqualTo(100.0 + 1e-9);
        assertThat(allSatisfied.low()).isGreaterThan(0).isLessThan(100);
    }

    @Test
    void cesIsTheMeanWithANormalIntervalAndTheShareAgreeing() {
        Distribution answers = Distribution.of(Metric.CES, 7, 6, 5, 5, 3);
        Score ces = Scores.ces(answers);
        assertThat(ces.value()).isCloseTo(5.2, within(1e-9));
        assertThat(ces.margin()).isCloseTo(1.30009, within(1e-4));
        assertThat(Scores.cesAgree(answers).value()).isCloseTo(80.0, within(1e-9));
        assertThat(Scores.ces(Distribution.of(Metric.CES, 4)).margin()).isNull();
    }

    @Test
    void distributionsAddUpAndRefuseOtherScales() {
        Distribution a = Distribution.of(Metric.CSAT, 5, 4);
        Distribution b = Distribution.of(Metric.CSAT, 1);
        assertThat(a.plus(b)).isEqualTo(Distribution.of(Metric.CSAT, 5, 4, 1));
        assertThatThrownBy(() -> Distribution.of(Metric.CSAT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.plus(Distribution.of(Metric.CES, 7))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scores.nps(a)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pearsonFromRunningSumsMatchesTheTextbookValue() {
        Correlation sums = Correlation.EMPTY;
        int[][] pairs = {{1, 2}, {2, 4}, {3, 5}, {4, 4}, {5, 5}};
        for (int[] pair : pairs) {
            sums = sums.add(pair[0], pair[1]);
        }
        assertThat(sums.pearson()).isCloseTo(0.7745967, within(1e-6));
        // split and added back, as daily buckets are
        Correlation first = Correlation.EMPTY.add(1, 2).add(2, 4);
        Correlation rest = Correlation.EMPTY.add(3, 5).add(4, 4).add(5, 5);
        assertThat(first.plus(rest).pearson()).isCloseTo(sums.pearson(), within(1e-12));
        assertThat(Correlation.EMPTY.add(1, 1).add(1, 2).add(1, 3).pearson()).isNaN();
    }
}
