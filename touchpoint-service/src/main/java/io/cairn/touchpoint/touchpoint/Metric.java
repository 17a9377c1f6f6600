package io.cairn.touchpoint.touchpoint;

/**
 * The survey metrics a touchpoint can have a target for, with the range of their reported value:
 * NPS -100..100, CSAT % of 4-5 answers 0..100, CES mean 1..7.
 */
public enum Metric {
    NPS(-100, 100), CSAT(0, 100), CES(1, 7);

    private final double min;
    private final double max;

    Metric(double min, double max) {
        this.min = min;
        this.max = max;
    }

    public boolean accepts(double target) {
        return target >= min && target <= max;
    }

    public String range() {
        return (int) min + ".." + (int) max;
    }
}
