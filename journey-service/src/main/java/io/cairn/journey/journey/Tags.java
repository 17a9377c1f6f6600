package io.cairn.journey.journey;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Tags compare as trimmed lower-case text, so "Retail " and "retail" are one tag. */
final class Tags {

    private Tags() {
    }

    static String normalise(String tag) {
        return tag.trim().toLowerCase(Locale.ROOT);
    }

    static List<String> normalise(Collection<String> tags) {
        return tags == null ? List.of() : tags.stream().map(Tags::normalise).filter(t -> !t.isEmpty()).distinct().toList();
    }
}
