package io.cairn.metrics.score;

/**
 * A reported figure with its 95% confidence interval and sample size. {@code value} is in the
 * metric's reporting unit (NPS points, CSAT %, CES mean); {@code low}/{@code high} bound the interval
 * and {@code margin} is its half-width (for asymmetric intervals, the larger half).
 */
public record Score(String formula, Double value, Double low, Double high, Double margin, long n) {

    /** Undefined figures (no answers; no margin from a single answer) are null, never NaN. */
    public Score {
        value = defined(value);
        low = defined(low);
        high = defined(high);
        margin = defined(margin);
    }

    public static Score none(String formula) {
        return new Score(formula, null, null, null, null, 0);
    }

    private static Double defined(Double x) {
        return x == null || x.isNaN() ? null : x;
    }

    public boolean isEmpty() {
        return n == 0;
    }
}
