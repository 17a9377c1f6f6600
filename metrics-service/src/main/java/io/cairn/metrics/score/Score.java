package io.cairn.metrics.score;

/**
 * A reported figure with its 95% confidence interval and sample size. {@code value} is in the
 * metric's reporting unit (NPS points, CSAT %, CES mean); {@code low}/{@code high} bound the interval
 * and {@code margin} is its half-width (for asymmetric intervals, the larger half).
 */
public record Score(String formula, double value, double low, double high, double margin, long n) {

    public static Score none(String formula) {
        return new Score(formula, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }

    public boolean isEmpty() {
        return n == 0;
    }
}
