package io.cairn.gateway.metrics;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A GraphQL {@code [SegmentInput!]} as attribute -> value, and as a canonical key for batching. */
final class SegmentFilter {

    private SegmentFilter() {
    }

    static Map<String, String> of(List<Map<String, String>> segment) {
        Map<String, String> filter = new TreeMap<>();
        if (segment != null) {
            segment.forEach(entry -> filter.put(entry.get("attribute"), entry.get("value")));
        }
        return filter;
    }

    /** {@code class=business&type=first%20time}: no '|', so it can sit inside a loader key. */
    static String key(Map<String, String> filter) {
        return filter.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    static Map<String, String> parse(String key) {
        Map<String, String> filter = new TreeMap<>();
        if (!key.isEmpty()) {
            for (String pair : key.split("&")) {
                int eq = pair.indexOf('=');
                filter.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return filter;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
