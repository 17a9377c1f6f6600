package io.cairn.metrics.analysis;

import io.cairn.metrics.aggregate.BucketRepository.Totals;
import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Performance;
import io.cairn.metrics.score.Score;
import io.cairn.metrics.score.Scores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Key drivers, quadrants and weaknesses from aggregated totals: plain functions, no I/O. */
public final class Analysis {

    private Analysis() {
    }

    /**
     * Key drivers, most important first. Quadrants split at the medians of importance and performance
     * over the drivers with enough pairs ({@code minPairs}); the others are INSUFFICIENT_DATA.
     */
    public static List<KeyDriver> keyDrivers(Map<String, Map<Metric, Totals>> totals, long minPairs) {
        List<KeyDriver> drivers = new ArrayList<>();
        totals.forEach((touchpoint, byMetric) -> byMetric.forEach((metric, t) -> {
            Score score = Scores.headline(t.distribution());
            double r = t.outcome().pearson();
            drivers.add(new KeyDriver(touchpoint, metric, Double.isNaN(r) ? null : r, t.outcome().n(), score,
                    score.value() == null ? Double.NaN : Performance.normalised(metric, score.value()), null));
        }));
        List<KeyDriver> measured = drivers.stream()
                .filter(d -> d.importance() != null && d.pairs() >= minPairs && !Double.isNaN(d.performance())).toList();
        double importanceSplit = median(measured.stream().map(KeyDriver::importance).toList());
        double performanceSplit = median(measured.stream().map(KeyDriver::performance).toList());
        return drivers.stream().map(d -> {
            KeyDriver.Quadrant quadrant;
            if (!measured.contains(d)) {
                quadrant = KeyDriver.Quadrant.INSUFFICIENT_DATA;
            } else if (d.importance() >= importanceSplit) {
                quadrant = d.performance() < performanceSplit ? KeyDriver.Quadrant.FIX_FIRST : KeyDriver.Quadrant.KEEP_UP;
            } else {
                quadrant = d.performance() < performanceSplit ? KeyDriver.Quadrant.LOW_PRIORITY
                        : KeyDriver.Quadrant.POSSIBLE_OVERKILL;
            }
            return new KeyDriver(d.touchpointId(), d.metric(), d.importance(), d.pairs(), d.score(), d.performance(), quadrant);
        }).sorted(Comparator.comparing((KeyDriver d) -> d.importance() == null ? Double.NEGATIVE_INFINITY : d.importance())
                .reversed()).toList();
    }

    /** The standing of one touchpoint for one metric against its target. */
    public static Weakness weakness(TouchpointInfo touchpoint, Metric metric, Totals totals, KeyDriver driver, long minN) {
        Score score = totals == null ? Score.none(Scores.headline(io.cairn.metrics.score.Distribution.empty(metric)).formula())
                : Scores.headline(totals.distribution());
        Double target = touchpoint.targets().get(metric);
        boolean derived = touchpoint.importanceDerived() || touchpoint.importance() == null;
        // a correlation over fewer pairs than the key drivers ask for is noise: it weighs nothing
        boolean measured = driver != null && driver.importance() != null
                && driver.quadrant() != KeyDriver.Quadrant.INSUFFICIENT_DATA;
        Integer importance = derived
                ? (measured ? (int) Math.max(1, Math.min(10, Math.round(Math.abs(driver.importance()) * 10))) : null)
                : touchpoint.importance();
        KeyDriver.Quadrant quadrant = driver == null ? null : driver.quadrant();
        if (target == null) {
            return new Weakness(touchpoint.id(), touchpoint.name(), touchpoint.stageId(), touchpoint.ownerTeam(), metric,
                    Weakness.Status.NO_TARGET, score, null, null, importance, derived, 0, false, quadrant,
                    "No " + metric + " target is set for this touchpoint");
        }
        if (score.n() < minN) {
            return new Weakness(touchpoint.id(), touchpoint.name(), touchpoint.stageId(), touchpoint.ownerTeam(), metric,
                    Weakness.Status.INSUFFICIENT_DATA, score, target, null, importance, derived, 0, false, quadrant,
                    String.format(Locale.ROOT, "Insufficient data: %d answers, at least %d are needed", score.n(), minN));
        }
        double gap = score.value() - target;
        double shortfall = Performance.normalised(metric, target) - Performance.normalised(metric, score.value());
        boolean weak = gap < 0;
        double severity = weak ? shortfall * (importance == null ? 5 : importance) / 10.0 : 0;
        boolean confident = score.high() != null && score.high() < target;
        String reason = String.format(Locale.ROOT, "%s (n=%d, ±%s) is %s the target %s by %.1f%s",
                Performance.format(metric, score.value()), score.n(),
                score.margin() == null ? "?" : String.format(Locale.ROOT, "%.1f", score.margin()),
                weak ? "below" : "at or above", Performance.figure(metric, target),
                Math.abs(gap), importance == null ? "" : "; importance " + importance + (derived ? " (derived)" : ""));
        return new Weakness(touchpoint.id(), touchpoint.name(), touchpoint.stageId(), touchpoint.ownerTeam(), metric,
                weak ? Weakness.Status.WEAK : Weakness.Status.OK, score, target, gap, importance, derived, severity,
                confident, quadrant, reason);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
