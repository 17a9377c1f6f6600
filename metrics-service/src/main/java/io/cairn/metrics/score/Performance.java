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

    /** The unit a metric's figure is reported in, for messages. */
    public static String format(Metric metric, double value) {
        return switch (metric) {
            case NPS -> String.format(java.util.Locale.ROOT, "NPS %+.0f", value);
            case CSAT -> String.format(java.util.Locale.ROOT, "CSAT %.1f%%", value);
            case CES -> String.format(java.util.Locale.ROOT, "CES %.2f", value);
        };
    }
}
