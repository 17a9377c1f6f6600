package io.cairn.metrics.score;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Segment attributes and category values compare trimmed, case-insensitively, with runs of spaces,
 * hyphens and underscores as one space: "Business " = "BUSINESS", "First-time" = "first time".
 */
public final class Segments {

    private Segments() {
    }

    public static String normalise(String value) {
        return value.trim().replaceAll("[\\s_-]+", " ").toLowerCase(Locale.ROOT);
    }

    public static Map<String, String> normalise(Map<String, String> segments) {
        Map<String, String> normalised = new TreeMap<>();
        if (segments != null) {
            segments.forEach((key, value) -> normalised.put(normalise(key), normalise(value)));
        }
        return normalised;
    }

    /** {@code segment.<attribute>=<value>} request parameters as a filter. */
    public static Map<String, String> filter(Map<String, String> params) {
        Map<String, String> filter = new TreeMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("segment.") && value != null && !value.isBlank()) {
                filter.put(normalise(name.substring(8)), normalise(value));
            }
        });
        return filter;
    }
}
