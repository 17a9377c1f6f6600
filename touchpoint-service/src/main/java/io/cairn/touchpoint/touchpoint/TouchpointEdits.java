package io.cairn.touchpoint.touchpoint;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules of touchpoint content and ordering, as pure functions. */
final class TouchpointEdits {

    private TouchpointEdits() {
    }

    static TouchpointFields create(TouchpointInput in) {
        return merge(new TouchpointFields(null, null, null, null, null, 0, null, null, false, Map.of(), List.of(),
                List.of(), false), in);
    }

    /** {@code current} with the non-null fields of {@code in}. */
    static TouchpointFields merge(TouchpointFields current, TouchpointInput in) {
        boolean derived = in.importanceDerived() != null ? in.importanceDerived() : current.importanceDerived();
        Integer importance = in.importance() != null ? in.importance() : current.importance();
        if (in.importanceDerived() != null && in.importanceDerived()) {
            importance = null;
        } else if (in.importance() != null) {
            derived = false;
        }
        return new TouchpointFields(
                in.name() != null ? in.name().trim() : current.name(),
                text(in.description(), current.description()),
                in.channel() != null ? in.channel() : current.channel(),
                text(in.ownerTeam(), current.ownerTeam()),
                in.dimension() != null ? in.dimension() : current.dimension(),
                in.designedEmotion() != null ? in.designedEmotion() : current.designedEmotion(),
                text(in.expectation(), current.expectation()),
                importance,
                derived,
                in.targets() != null ? targets(in.targets()) : current.targets(),
                in.painPoints() != null ? trimmed(in.painPoints()) : current.painPoints(),
                in.opportunities() != null ? trimmed(in.opportunities()) : current.opportunities(),
                in.momentOfTruth() != null ? in.momentOfTruth() : current.momentOfTruth());
    }

    private static Map<Metric, Double> targets(Map<Metric, Double> targets) {
        Map<Metric, Double> checked = new LinkedHashMap<>();
        targets.forEach((metric, value) -> {
            if (value == null || !metric.accepts(value)) {
                throw ApiException.badRequest(Refusal.of("touchpoint.targetOutOfRange",
                        "Target for {0} must be within {1}", metric, metric.range()));
            }
            checked.put(metric, value);
        });
        return checked;
    }

    private static String text(String value, String current) {
        if (value == null) {
            return current;
        }
        return value.isBlank() ? null : value.trim();
    }

    private static List<String> trimmed(List<String> values) {
        return values.stream().map(String::trim).toList();
    }

    /**
     * The rank that puts an item at {@code position} among {@code ranks} (the sorted ranks of the other
     * items of the stage): halfway between its new neighbours. NaN when they are too close to split,
     * which the caller answers by spreading the stage's ranks out again.
     */
    static double rankAt(List<Double> ranks, int position) {
        int at = Math.min(position, ranks.size());
        if (ranks.isEmpty()) {
            return 1024;
        }
        if (at == 0) {
            return ranks.get(0) - 1024;
        }
        if (at == ranks.size()) {
            return ranks.get(ranks.size() - 1) + 1024;
        }
        double before = ranks.get(at - 1);
        double after = ranks.get(at);
        double middle = before + (after - before) / 2;
        return middle > before && middle < after && after - before > 1e-6 ? middle : Double.NaN;
    }
}
