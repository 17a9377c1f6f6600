package io.cairn.metrics.analysis;

import io.cairn.metrics.aggregate.BucketRepository;
import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Score;
import io.cairn.metrics.score.Scores;
import io.cairn.metrics.score.Segments;
import io.cairn.metrics.score.Window;
import io.cairn.metrics.touchpoint.TouchpointClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Analyze: which touchpoints drive the outcome, and which fall short of their targets. */
@RestController
@Validated
public class AnalysisController {

    private final BucketRepository buckets;
    private final TouchpointClient touchpoints;
    private final Clock clock;

    public AnalysisController(BucketRepository buckets, TouchpointClient touchpoints, Clock clock) {
        this.buckets = buckets;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    /** The segment attributes a journey's answers came with, each with its values: the choices of a segment filter. */
    @GetMapping("/journeys/{journeyId}/segments")
    @PreAuthorize("hasRole('VIEWER')")
    Map<String, List<String>> segments(@PathVariable String journeyId) {
        return buckets.segmentsOf(journeyId);
    }

    /** Key drivers of a journey's outcome, most important first, with their quadrant. */
    @GetMapping("/journeys/{journeyId}/key-drivers")
    @PreAuthorize("hasRole('VIEWER')")
    List<KeyDriver> keyDrivers(@PathVariable String journeyId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer days,
            @RequestParam(defaultValue = "30") @Min(3) @Max(100000) long minPairs, @RequestParam Map<String, String> params) {
        Window window = Window.of(from, to, days, clock);
        return Analysis.keyDrivers(buckets.totalsOfJourney(journeyId, window.from().toString(),
                window.to().toString(), Segments.filter(params)), minPairs);
    }

    /**
     * Per stage of the journey and metric: the answers to all its touchpoints pooled, with the same formulas and
     * margins as a touchpoint's (n counts answers, so a respondent who rated three of the stage's touchpoints
     * counts three times), and how many touchpoints had answers. Stages follow touchpoint-service's stage ids;
     * a stage without answers in the window is left out.
     */
    @GetMapping("/journeys/{journeyId}/stage-scores")
    @PreAuthorize("hasRole('VIEWER')")
    List<StageScore> stageScores(@PathVariable String journeyId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer days,
            @RequestParam Map<String, String> params) {
        return stageScores(journeyId, touchpoints.ofJourney(journeyId), Window.of(from, to, days, clock), params);
    }

    /**
     * The same, over the journey's touchpoints as the caller sends them (the gateway, which has just read them from
     * touchpoint-service for the map): saves asking touchpoint-service again. Only their stages are used here.
     */
    @PostMapping("/journeys/{journeyId}/stage-scores")
    @PreAuthorize("hasRole('VIEWER')")
    List<StageScore> stageScoresOf(@PathVariable String journeyId, @Valid @RequestBody JourneyTouchpointList body,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer days, @RequestParam Map<String, String> params) {
        return stageScores(journeyId, body.touchpoints(), Window.of(from, to, days, clock), params);
    }

    /** The touchpoints of a journey, as touchpoint-service answers them, sent along by the caller. */
    record JourneyTouchpointList(@NotNull @Size(max = 2_000) List<@NotNull TouchpointInfo> touchpoints) {
    }

    private List<StageScore> stageScores(String journeyId, List<TouchpointInfo> infos, Window window, Map<String, String> params) {
        Map<String, Map<Metric, BucketRepository.Totals>> totals = buckets.totalsOfJourney(journeyId,
                window.from().toString(), window.to().toString(), Segments.filter(params));
        Map<String, List<Map<Metric, BucketRepository.Totals>>> byStage = new java.util.LinkedHashMap<>();
        for (TouchpointInfo touchpoint : infos) {
            if (touchpoint.stageId() != null && totals.containsKey(touchpoint.id())) {
                byStage.computeIfAbsent(touchpoint.stageId(), id -> new ArrayList<>()).add(totals.get(touchpoint.id()));
            }
        }
        List<StageScore> result = new ArrayList<>();
        byStage.forEach((stageId, members) -> BucketRepository.pooled(members).forEach((metric, d) -> {
            int answered = (int) members.stream().filter(m -> m.containsKey(metric) && m.get(metric).distribution().n() > 0).count();
            result.add(new StageScore(stageId, answered, metric, window.from().toString(), window.to().toString(), d.n(),
                    Scores.headline(d), Scores.secondary(d), d.counts()));
        }));
        return result;
    }

    /** A stage's pooled figures for one metric over a window (see {@link #stageScores}). */
    record StageScore(String stageId, int touchpoints, Metric metric, String from, String to, long n, Score score,
            Score secondary, long[] distribution) {
    }

    /**
     * Every touchpoint of the journey per metric with a target, weakest first: the score, target, gap, importance
     * (set by the designer, or derived from the key drivers), n and margin, and the reason in words.
     * Touchpoints with fewer than {@code minN} answers are INSUFFICIENT_DATA, never WEAK. A metric answered in the
     * window without a target comes last as NO_TARGET (measured, not rated), so that no answered touchpoint is
     * left out silently.
     */
    @GetMapping("/journeys/{journeyId}/weak-touchpoints")
    @PreAuthorize("hasRole('VIEWER')")
    List<Weakness> weakTouchpoints(@PathVariable String journeyId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer days,
            @RequestParam(defaultValue = "30") @Min(1) @Max(100000) long minN, @RequestParam Map<String, String> params) {
        return weakTouchpoints(journeyId, touchpoints.ofJourney(journeyId), Window.of(from, to, days, clock), minN, params);
    }

    /**
     * The same, over the journey's touchpoints (targets, importance, stages, owners) as the caller sends them (the
     * gateway, which has just read them from touchpoint-service for the map): saves asking touchpoint-service again.
     */
    @PostMapping("/journeys/{journeyId}/weak-touchpoints")
    @PreAuthorize("hasRole('VIEWER')")
    List<Weakness> weakTouchpointsOf(@PathVariable String journeyId, @Valid @RequestBody JourneyTouchpointList body,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer days, @RequestParam(defaultValue = "30") @Min(1) @Max(100000) long minN,
            @RequestParam Map<String, String> params) {
        return weakTouchpoints(journeyId, body.touchpoints(), Window.of(from, to, days, clock), minN, params);
    }

    private List<Weakness> weakTouchpoints(String journeyId, List<TouchpointInfo> infos, Window window, long minN,
            Map<String, String> params) {
        Map<String, Map<Metric, BucketRepository.Totals>> totals = buckets.totalsOfJourney(journeyId,
                window.from().toString(), window.to().toString(), Segments.filter(params));
        Map<String, KeyDriver> drivers = new java.util.HashMap<>();
        Analysis.keyDrivers(totals, minN).forEach(d -> drivers.put(d.touchpointId() + "|" + d.metric(), d));
        List<Weakness> result = new ArrayList<>();
        for (TouchpointInfo touchpoint : infos) {
            Map<Metric, BucketRepository.Totals> answered = totals.getOrDefault(touchpoint.id(), Map.of());
            // every metric with a target, and every metric answered without one (NO_TARGET: measured, not rated)
            java.util.Set<Metric> metrics = java.util.EnumSet.noneOf(Metric.class);
            metrics.addAll(touchpoint.targets().keySet());
            answered.forEach((metric, t) -> {
                if (t.distribution().n() > 0) {
                    metrics.add(metric);
                }
            });
            for (Metric metric : metrics) {
                result.add(Analysis.weakness(touchpoint, metric, answered.get(metric),
                        drivers.get(touchpoint.id() + "|" + metric), minN));
            }
        }
        result.sort(Comparator.comparing((Weakness w) -> w.status() != Weakness.Status.WEAK)
                .thenComparing(Comparator.comparingDouble(Weakness::severity).reversed())
                .thenComparing(w -> w.status() == Weakness.Status.NO_TARGET));
        return result;
    }
}
