package io.cairn.metrics.score;

/**
 * The standard CX formulas on a distribution of answers, each with a 95% margin of error:
 * <ul>
 * <li>NPS = % promoters (9-10) - % detractors (0-6), -100..100; margin 1.96·√((p⁺ + p⁻ - (p⁺ - p⁻)²)/n)</li>
 * <li>CSAT = % of answers 4-5 (top-2-box) with a Wilson score interval; also the mean with a normal interval</li>
 * <li>CES = mean of 1-7 with a normal interval from the sample variance; also % of answers 5-7 (Wilson)</li>
 * </ul>
 * Skipped answers never reach a distribution, so they are never in a denominator.
 */
public final class Scores {

    static final double Z = io.cairn.platform.score.NetPromoter.Z;

    public static final String NPS = "NPS: % promoters (9-10) minus % detractors (0-6)";
    public static final String CSAT = "CSAT: % of answers 4-5 on 1-5 (top-2-box)";
    public static final String CSAT_MEAN = "CSAT mean on 1-5";
    public static final String CES = "CES: mean agreement on 1-7 that it was easy";
    public static final String CES_AGREE = "CES: % of answers 5-7";

    private Scores() {
    }

    public static Score nps(Distribution d) {
        require(d, Metric.NPS);
        long n = d.n();
        if (n == 0) {
            return Score.none(NPS);
        }
        double value = io.cairn.platform.score.NetPromoter.score(d.between(9, 10), d.between(0, 6), n);
        double margin = io.cairn.platform.score.NetPromoter.margin(d.between(9, 10), d.between(0, 6), n);
        return new Score(NPS, value, Math.max(-100, value - margin), Math.min(100, value + margin), margin, n);
    }

    public static Score csat(Distribution d) {
        require(d, Metric.CSAT);
        return wilsonPercent(CSAT, d.between(4, 5), d.n());
    }

    public static Score csatMean(Distribution d) {
        require(d, Metric.CSAT);
        return normalMean(CSAT_MEAN, d);
    }

    public static Score ces(Distribution d) {
        require(d, Metric.CES);
        return normalMean(CES, d);
    }

    public static Score cesAgree(Distribution d) {
        require(d, Metric.CES);
        return wilsonPercent(CES_AGREE, d.between(5, 7), d.n());
    }

    /** The headline figure of a metric: NPS, CSAT % or CES mean. */
    public static Score headline(Distribution d) {
        return switch (d.metric()) {
            case NPS -> nps(d);
            case CSAT -> csat(d);
            case CES -> ces(d);
        };
    }

    /** The second figure shown beside the headline: CSAT mean, CES % agreeing (5-7); none for NPS. */
    public static Score secondary(Distribution d) {
        return switch (d.metric()) {
            case CSAT -> csatMean(d);
            case CES -> cesAgree(d);
            case NPS -> null;
        };
    }

    /** A proportion in % with the Wilson score interval, which stays inside 0..100 even for small n. */
    static Score wilsonPercent(String formula, long hits, long n) {
        if (n == 0) {
            return Score.none(formula);
        }
        double p = (double) hits / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        double low = 100 * (centre - half);
        double high = 100 * (centre + half);
        double value = 100 * p;
        return new Score(formula, value, low, high, Math.max(value - low, high - value), n);
    }

    static Score normalMean(String formula, Distribution d) {
        long n = d.n();
        if (n == 0) {
            return Score.none(formula);
        }
        double mean = d.mean();
        double margin = n < 2 ? Double.NaN : Z * Math.sqrt(d.variance() / n);
        return new Score(formula, mean, mean - margin, mean + margin, margin, n);
    }

    private static void require(Distribution d, Metric metric) {
        if (d.metric() != metric) {
            throw new IllegalArgumentException("Expected " + metric + " answers, got " + d.metric());
        }
    }
}
