package io.cairn.metrics.aggregate;

import io.cairn.metrics.score.Distribution;
import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Score;
import io.cairn.metrics.score.Scores;
import io.cairn.metrics.score.Segments;
import io.cairn.metrics.score.Window;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Clock;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analyze: scores of touchpoints over a window, read from the buckets (never from the submissions).
 * Window: {@code from}/{@code to} (days, UTC, inclusive) or the last {@code days} days (default 90);
 * segment filter: any number of {@code segment.<attribute>=<value>}.
 */
@RestController
@Validated
public class ScoreController {

    private final BucketRepository buckets;
    private final Clock clock;

    public ScoreController(BucketRepository buckets, Clock clock) {
        this.buckets = buckets;
        this.clock = clock;
    }

    /** Per touchpoint and metric: n, the headline score with its 95% interval, the secondary figure and the answers. */
    @GetMapping("/scores")
    @PreAuthorize("hasRole('VIEWER')")
    List<TouchpointScore> scores(@RequestParam @NotEmpty @Size(max = 500) List<String> touchpointId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer days, @RequestParam Map<String, String> params) {
        Window window = Window.of(from, to, days, clock);
        Map<String, Map<Metric, BucketRepository.Totals>> totals = buckets.totals(touchpointId,
                window.from().toString(), window.to().toString(), Segments.filter(params));
        List<TouchpointScore> result = new ArrayList<>();
        for (String id : touchpointId) {
            totals.getOrDefault(id, Map.of()).forEach((metric, t) ->
                    result.add(TouchpointScore.of(id, metric, window.from().toString(), window.to().toString(), t.distribution())));
        }
        return result;
    }

    /**
     * A set of touchpoints as one (a stage, a channel, a team's): per metric, the answers to all of them pooled, with
     * the same formulas and margins ({@code n} counts answers, so a respondent who rated three of them counts three
     * times); {@code touchpointId} is null.
     */
    @GetMapping("/scores/pooled")
    @PreAuthorize("hasRole('VIEWER')")
    List<TouchpointScore> pooled(@RequestParam @NotEmpty @Size(max = 500) List<String> touchpointId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer days, @RequestParam Map<String, String> params) {
        Window window = Window.of(from, to, days, clock);
        Map<Metric, Distribution> pooled = BucketRepository.pooled(buckets.totals(touchpointId, window.from().toString(),
                window.to().toString(), Segments.filter(params)).values());
        List<TouchpointScore> result = new ArrayList<>();
        pooled.forEach((metric, d) -> result.add(TouchpointScore.of(null, metric, window.from().toString(), window.to().toString(), d)));
        return result;
    }

    /** The same per period ({@code interval} DAY, WEEK starting Monday, or MONTH), oldest first; empty periods are left out. */
    @GetMapping("/scores/series")
    @PreAuthorize("hasRole('VIEWER')")
    List<TouchpointScore> series(@RequestParam @NotEmpty @Size(max = 500) List<String> touchpointId,
            @RequestParam(defaultValue = "WEEK") String interval, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer days,
            @RequestParam Map<String, String> params) {
        Window window = Window.of(from, to, days, clock);
        periodStart(window.from(), interval); // a bad interval is refused even when the window holds no answers
        Map<String, Distribution> periods = new TreeMap<>();
        for (BucketRepository.Row row : buckets.rows(touchpointId, window.from().toString(), window.to().toString(),
                Segments.filter(params))) {
            LocalDate start = periodStart(LocalDate.parse(row.day()), interval);
            String key = row.touchpointId() + "\u0000" + row.metric() + "\u0000" + start;
            periods.merge(key, row.totals().distribution(), Distribution::plus);
        }
        List<TouchpointScore> result = new ArrayList<>();
        periods.forEach((key, distribution) -> {
            String[] parts = key.split("\u0000");
            LocalDate start = LocalDate.parse(parts[2]);
            LocalDate end = periodEnd(start, interval);
            // a period cut by the window says so: its first and last days are the window's
            result.add(TouchpointScore.of(parts[0], Metric.valueOf(parts[1]),
                    (start.isBefore(window.from()) ? window.from() : start).toString(),
                    (end.isAfter(window.to()) ? window.to() : end).toString(), distribution));
        });
        return result;
    }

    /** The same per value of one segment attribute ({@code by}), e.g. per travel class. */
    @GetMapping("/scores/breakdown")
    @PreAuthorize("hasRole('VIEWER')")
    Map<String, List<TouchpointScore>> breakdown(@RequestParam @NotEmpty @Size(max = 100) List<String> touchpointId,
            @RequestParam String by, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer days, @RequestParam Map<String, String> params) {
        Window window = Window.of(from, to, days, clock);
        String attribute = Segments.normalise(by);
        Map<String, Map<String, Distribution>> byValue = new TreeMap<>();
        Map<String, String> filter = new LinkedHashMap<>(Segments.filter(params));
        filter.remove(attribute);
        for (BucketRepository.Row row : buckets.rowsWithSegments(touchpointId, window.from().toString(),
                window.to().toString(), filter)) {
            String value = row.segments().getOrDefault(attribute, "(none)");
            byValue.computeIfAbsent(value, v -> new LinkedHashMap<>())
                    .merge(row.touchpointId() + "\u0000" + row.metric(), row.totals().distribution(), Distribution::plus);
        }
        Map<String, List<TouchpointScore>> result = new LinkedHashMap<>();
        byValue.forEach((value, distributions) -> result.put(value, distributions.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\u0000");
            return TouchpointScore.of(parts[0], Metric.valueOf(parts[1]), window.from().toString(),
                    window.to().toString(), e.getValue());
        }).toList()));
        return result;
    }

    /** A touchpoint's figures for one metric over a window. */
    public record TouchpointScore(String touchpointId, Metric metric, String from, String to, long n, Score score,
            Score secondary, long[] distribution) {

        static TouchpointScore of(String touchpointId, Metric metric, String from, String to, Distribution d) {
            return new TouchpointScore(touchpointId, metric, from, to, d.n(), Scores.headline(d), Scores.secondary(d), d.counts());
        }
    }

    private static LocalDate periodStart(LocalDate day, String interval) {
        return switch (interval.toUpperCase(java.util.Locale.ROOT)) {
            case "DAY" -> day;
            case "WEEK" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "MONTH" -> day.withDayOfMonth(1);
            default -> throw ApiException.badRequest(Refusal.of("scores.interval",
                    "interval must be DAY, WEEK or MONTH"));
        };
    }

    private static LocalDate periodEnd(LocalDate start, String interval) {
        return switch (interval.toUpperCase(java.util.Locale.ROOT)) {
            case "DAY" -> start;
            case "WEEK" -> start.plusDays(6);
            default -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
