package io.cairn.metrics.score;

import java.util.Arrays;

/**
 * How many answers each score of a metric's scale received: the form every aggregate is kept in, so
 * distributions of days, segments and touchpoints add up exactly.
 */
public record Distribution(Metric metric, long[] counts) {

    public Distribution {
        if (counts.length != metric.max() + 1) {
            throw new IllegalArgumentException(metric + " needs " + (metric.max() + 1) + " counts");
        }
        counts = counts.clone();
    }

    public static Distribution empty(Metric metric) {
        return new Distribution(metric, new long[metric.max() + 1]);
    }

    /** A distribution of the given answers (tests and imports). */
    public static Distribution of(Metric metric, int... scores) {
        long[] counts = new long[metric.max() + 1];
        for (int score : scores) {
            if (!metric.accepts(score)) {
                throw new IllegalArgumentException(score + " is outside the " + metric + " scale");
            }
            counts[score]++;
        }
        return new Distribution(metric, counts);
    }

    public Distribution plus(Distribution other) {
        if (other.metric != metric) {
            throw new IllegalArgumentException("Cannot add " + other.metric + " answers to " + metric);
        }
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        return new Distribution(metric, sum);
    }

    /** The same counts with the opposite sign, to take a part out of a sum (a month less some days). */
    public Distribution negated() {
        long[] negative = counts.clone();
        for (int i = 0; i < negative.length; i++) {
            negative[i] = -negative[i];
        }
        return new Distribution(metric, negative);
    }

    public long n() {
        return Arrays.stream(counts).sum();
    }

    /** Answers from {@code low} to {@code high}, inclusive. */
    public long between(int low, int high) {
        long total = 0;
        for (int score = low; score <= high; score++) {
            total += counts[score];
        }
        return total;
    }

    public double mean() {
        long n = n();
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int score = 0; score < counts.length; score++) {
            sum += (double) score * counts[score];
        }
        return sum / n;
    }

    /** Sample variance (n - 1 in the denominator). */
    public double variance() {
        long n = n();
        if (n < 2) {
            return Double.NaN;
        }
        double mean = mean();
        double squares = 0;
        for (int score = 0; score < counts.length; score++) {
            squares += counts[score] * (score - mean) * (score - mean);
        }
        return squares / (n - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Distribution d && d.metric == metric && Arrays.equals(d.counts, counts);
    }

    @Override
    public int hashCode() {
        return metric.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return metric + Arrays.toString(counts);
    }
}
