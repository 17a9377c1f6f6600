package io.cairn.employeenps.results;

import io.cairn.platform.score.NetPromoter;
import java.util.Arrays;

/**
 * eNPS figures of a group from its answer distribution (0..10), by the {@link NetPromoter} formula.
 */
public record Figures(long n, double enps, double marginOfError, long promoters, long passives, long detractors,
        double promotersPercent, double passivesPercent, double detractorsPercent, long[] distribution) {

    public static Figures of(long[] distribution) {
        long n = Arrays.stream(distribution).sum();
        long detractors = Arrays.stream(distribution, 0, 7).sum();
        long passives = distribution[7] + distribution[8];
        long promoters = distribution[9] + distribution[10];
        if (n == 0) {
            return new Figures(0, 0, 0, 0, 0, 0, 0, 0, 0, distribution.clone());
        }
        return new Figures(n, round(NetPromoter.score(promoters, detractors, n)),
                round(NetPromoter.margin(promoters, detractors, n)), promoters, passives, detractors,
                round(100.0 * promoters / n), round(100.0 * passives / n), round(100.0 * detractors / n), distribution.clone());
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figures f && n == f.n && Arrays.equals(distribution, f.distribution);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(n) * 31 + Arrays.hashCode(distribution);
    }

    @Override
    public String toString() {
        return "Figures[n=" + n + ", enps=" + enps + ", distribution=" + Arrays.toString(distribution) + "]";
    }
}
