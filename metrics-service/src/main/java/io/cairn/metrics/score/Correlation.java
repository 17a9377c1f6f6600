package io.cairn.metrics.score;

/**
 * Running sums of paired answers (a touchpoint score x and the respondent's overall outcome y), from
 * which the Pearson correlation is exact and O(1) to read. Sums add up across days and segments.
 */
public record Correlation(long n, double sumX, double sumY, double sumXX, double sumYY, double sumXY) {

    public static final Correlation EMPTY = new Correlation(0, 0, 0, 0, 0, 0);

    public Correlation add(double x, double y) {
        return new Correlation(n + 1, sumX + x, sumY + y, sumXX + x * x, sumYY + y * y, sumXY + x * y);
    }

    public Correlation plus(Correlation o) {
        return new Correlation(n + o.n, sumX + o.sumX, sumY + o.sumY, sumXX + o.sumXX, sumYY + o.sumYY, sumXY + o.sumXY);
    }

    /** The sums with the opposite sign (exact: scores and outcomes are whole numbers). */
    public Correlation negated() {
        return new Correlation(-n, -sumX, -sumY, -sumXX, -sumYY, -sumXY);
    }

    /** Pearson's r, or NaN when fewer than 3 pairs or either side never varies. */
    public double pearson() {
        if (n < 3) {
            return Double.NaN;
        }
        double covariance = n * sumXY - sumX * sumY;
        double varianceX = n * sumXX - sumX * sumX;
        double varianceY = n * sumYY - sumY * sumY;
        if (varianceX <= 0 || varianceY <= 0) {
            return Double.NaN;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }
}
