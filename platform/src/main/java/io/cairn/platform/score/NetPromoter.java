package io.cairn.platform.score;

/**
 * The net promoter formula, shared by customer NPS, employee NPS and the dual view: % promoters (9-10)
 * minus % detractors (0-6), -100..100, with the 95% margin of error 1.96 * sqrt((p+ + p- - (p+ - p-)^2) / n),
 * in points. Callers check {@code n > 0}.
 */
public final class NetPromoter {

    /** z of the 95% two-sided normal interval. */
    public static final double Z = 1.959963984540054;

    private NetPromoter() {
    }

    public static double score(long promoters, long detractors, long n) {
        return 100.0 * (promoters - detractors) / n;
    }

    public static double margin(long promoters, long detractors, long n) {
        double plus = (double) promoters / n;
        double minus = (double) detractors / n;
        return 100 * Z * Math.sqrt(Math.max(0, plus + minus - Math.pow(plus - minus, 2)) / n);
    }
}
