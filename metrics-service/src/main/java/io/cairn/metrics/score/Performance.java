package io.cairn.metrics.score;

/** Figures of different metrics on one 0-100 scale, so they can be ranked together: NPS -100..100, CSAT %, CES 1..7. */
public final class Performance {

    private Performance() {
    }

    public static double normalised(Metric metric, double value) {
        return switch (metric) {
            case NPS -> (value + 100) / 2;
            case CSAT -> value;
            case CES -> (value - 1) / 6 * 100;
        };
    }

    /** A metric's figure with its name, for messages: {@code CSAT 62.5%}. */
    public static String format(Metric metric, double value) {
        return metric + " " + figure(metric, value);
    }

    /** A metric's figure in the unit it is reported in: NPS {@code +12}, CSAT {@code 62.5%}, CES {@code 5.25}. */
    public static String figure(Metric metric, double value) {
        return switch (metric) {
            case NPS -> String.format(java.util.Locale.ROOT, "%+.0f", value);
            case CSAT -> String.format(java.util.Locale.ROOT, "%.1f%%", value);
            case CES -> String.format(java.util.Locale.ROOT, "%.2f", value);
        };
    }
}
