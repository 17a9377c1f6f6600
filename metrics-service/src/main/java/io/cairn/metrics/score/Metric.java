package io.cairn.metrics.score;

/** The survey metrics and their answer scales. */
public enum Metric {
    /** "How likely are you to recommend…", 0-10. */
    NPS(0, 10),
    /** Satisfaction, 1-5. */
    CSAT(1, 5),
    /** "…made it easy", agreement 1-7. */
    CES(1, 7);

    private final int min;
    private final int max;

    Metric(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }
}
