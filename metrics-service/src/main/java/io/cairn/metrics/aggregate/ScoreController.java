package io.cairn.metrics.aggregate;

import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Score;
import io.cairn.metrics.score.Scores;
import io.cairn.platform.web.ApiException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Analyze: scores of touchpoints over a window, read from the buckets (never from the submissions). */
@RestController
@Validated
public class ScoreController {

    private final BucketRepository buckets;
    private final Clock clock;

    public ScoreController(BucketRepository buckets, Clock clock) {
        this.buckets = buckets;
        this.clock = clock;
    }

    /**
     * Per touchpoint and metric: n and the headline score with its 95% interval, plus the secondary
     * figure (CSAT mean, CES % agreeing). Window: {@code from}/{@code to} (days, inclusive, UTC) or the
     * last {@code days} days; segment filter: {@code segment.<attribute>=<value>} (any number).
     */
    @GetMapping("/scores")
    @PreAuthorize("hasRole('VIEWER')")
    List<TouchpointScore> scores(@RequestParam @NotEmpty @Size(max = 500) List<String> touchpointId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) @Min(1) @Max(3660) Integer days, @RequestParam Map<String, String> params) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = to == null ? today : day("to", to);
        LocalDate start = from != null ? day("from", from) : end.minusDays((days == null ? 90 : days) - 1L);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("from must not be after to");
        }
        Map<String, String> segments = new TreeMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("segment.") && value != null && !value.isBlank()) {
                segments.put(name.substring(8).trim().toLowerCase(Locale.ROOT),
                        value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
            }
        });
        Map<String, Map<Metric, BucketRepository.Totals>> totals =
                buckets.totals(touchpointId, start.toString(), end.toString(), segments);
        List<TouchpointScore> result = new ArrayList<>();
        for (String id : touchpointId) {
            totals.getOrDefault(id, Map.of()).forEach((metric, t) -> result.add(new TouchpointScore(id, metric,
                    start.toString(), end.toString(), t.distribution().n(), Scores.headline(t.distribution()),
                    switch (metric) {
                        case CSAT -> Scores.csatMean(t.distribution());
                        case CES -> Scores.cesAgree(t.distribution());
                        case NPS -> null;
                    }, t.distribution().counts())));
        }
        return result;
    }

    /** A touchpoint's figures for one metric over a window. */
    public record TouchpointScore(String touchpointId, Metric metric, String from, String to, long n, Score score,
            Score secondary, long[] distribution) {
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be a date like 2026-01-31");
        }
    }
}
