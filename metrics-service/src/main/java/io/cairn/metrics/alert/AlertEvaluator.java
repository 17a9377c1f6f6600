package io.cairn.metrics.alert;

import io.cairn.metrics.aggregate.BucketRepository;
import io.cairn.metrics.analysis.TouchpointInfo;
import io.cairn.metrics.ingest.Submission;
import io.cairn.metrics.kase.Case;
import io.cairn.metrics.kase.CaseWording;
import io.cairn.metrics.kase.CaseService;
import io.cairn.metrics.score.Distribution;
import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Score;
import io.cairn.metrics.score.Scores;
import io.cairn.metrics.score.Window;
import io.cairn.metrics.touchpoint.TouchpointClient;
import io.cairn.platform.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Checks the rules of a journey against the buckets (and single answers as they arrive) and opens cases. */
@Service
public class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    private final AlertRuleRepository rules;
    private final BucketRepository buckets;
    private final CaseService cases;
    private final TouchpointClient touchpoints;
    private final Clock clock;

    public AlertEvaluator(AlertRuleRepository rules, BucketRepository buckets, CaseService cases,
            TouchpointClient touchpoints, Clock clock) {
        this.rules = rules;
        this.buckets = buckets;
        this.cases = cases;
        this.touchpoints = touchpoints;
        this.clock = clock;
    }

    /** Evaluates the journey's BELOW_TARGET and DROP rules now; answers the cases they opened or found again. */
    public List<Case> evaluate(String journeyId) {
        Map<String, TouchpointInfo> info = touchpointInfo(journeyId);
        List<Case> found = new ArrayList<>();
        for (AlertRule rule : rules.ofJourney(journeyId)) {
            if (!rule.enabled() || rule.type() == AlertRule.Type.DETRACTOR_COMMENT) {
                continue;
            }
            Window window = Window.of(null, null, rule.windowDays(), clock);
            Map<String, Distribution> current = distributions(rule, window);
            Map<String, Distribution> previous = rule.type() == AlertRule.Type.DROP ? distributions(rule, window.previous()) : Map.of();
            current.forEach((touchpointId, distribution) -> {
                Score now = Scores.headline(distribution);
                if (now.n() < rule.minN()) {
                    return;
                }
                String name = info.containsKey(touchpointId) ? info.get(touchpointId).name() : touchpointId;
                Double threshold = rule.type() == AlertRule.Type.BELOW_TARGET ? threshold(rule, info.get(touchpointId)) : null;
                if (threshold != null && now.value() < threshold) {
                    found.add(open(rule, touchpointId, info.get(touchpointId), name,
                            Case.Finding.belowTarget(now.value(), now.n(), now.margin(), threshold, rule.windowDays())));
                }
                Distribution before = previous.get(touchpointId);
                if (rule.type() == AlertRule.Type.DROP && before != null) {
                    Score then = Scores.headline(before);
                    if (then.n() >= rule.minN() && then.value() - now.value() >= rule.dropPoints()
                            && beyondMargins(then, now)) {
                        found.add(open(rule, touchpointId, info.get(touchpointId), name,
                                Case.Finding.drop(now.value(), now.n(), then.value(), then.n(), rule.windowDays())));
                    }
                }
            });
        }
        return found;
    }

    /** A detractor with a comment (NPS 0-6, CSAT 1-2) opens a follow-up case where a rule asks for it. */
    public void checkDetractors(List<Submission> submissions) {
        Set<String> journeys = submissions.stream().map(Submission::journeyId).collect(Collectors.toSet());
        List<AlertRule> detractorRules = rules.enabled(journeys, AlertRule.Type.DETRACTOR_COMMENT);
        if (detractorRules.isEmpty()) {
            return;
        }
        for (Submission s : submissions) {
            for (Submission.Answer answer : s.answers()) {
                boolean detractor = answer.metric() == Metric.NPS ? answer.score() <= 6
                        : answer.metric() == Metric.CSAT && answer.score() <= 2;
                if (!detractor || answer.comment() == null) {
                    continue;
                }
                for (AlertRule rule : detractorRules) {
                    if (rule.journeyId().equals(s.journeyId()) && rule.metric() == answer.metric()
                            && (rule.touchpointId() == null || rule.touchpointId().equals(answer.touchpointId()))) {
                        TouchpointInfo touchpoint = touchpointInfo(s.journeyId()).get(answer.touchpointId());
                        String name = touchpoint == null ? answer.touchpointId() : touchpoint.name();
                        open(rule, answer.touchpointId(), touchpoint, name,
                                Case.Finding.detractor(answer.score(), answer.comment(), s.at()));
                    }
                }
            }
        }
    }

    /**
     * What a BELOW_TARGET rule holds a touchpoint to: its own threshold, or else the touchpoint's target for the
     * metric (none, when the touchpoint has no target or touchpoint-service could not say: nothing to judge).
     */
    static Double threshold(AlertRule rule, TouchpointInfo touchpoint) {
        if (rule.threshold() != null) {
            return rule.threshold();
        }
        return touchpoint == null ? null : touchpoint.targets().get(rule.metric());
    }

    private Map<String, Distribution> distributions(AlertRule rule, Window window) {
        Map<String, Distribution> distributions = new java.util.HashMap<>();
        buckets.totalsOfJourney(rule.journeyId(), window.from().toString(), window.to().toString(), Map.of())
                .forEach((touchpointId, perMetric) -> {
                    BucketRepository.Totals totals = perMetric.get(rule.metric());
                    if (totals != null && (rule.touchpointId() == null || rule.touchpointId().equals(touchpointId))) {
                        distributions.put(touchpointId, totals.distribution());
                    }
                });
        return distributions;
    }

    /** Owners and names from touchpoint-service; without it cases are still opened (unassigned). */
    private Map<String, TouchpointInfo> touchpointInfo(String journeyId) {
        try {
            return touchpoints.ofJourney(journeyId).stream().collect(Collectors.toMap(TouchpointInfo::id, Function.identity(), (a, b) -> a));
        } catch (ApiException e) {
            log.warn("Touchpoint owners of journey {} unavailable: {}", journeyId, e.getMessage());
            return Map.of();
        }
    }

    /** Opens (or adds to) the case of {@code finding}, its title and reason in English. */
    private Case open(AlertRule rule, String touchpointId, TouchpointInfo touchpoint, String name, Case.Finding finding) {
        return cases.open(rule, touchpointId, touchpoint, CaseWording.title(name, rule.metric(), finding, Locale.ENGLISH),
                CaseWording.reason(rule.metric(), finding, Locale.ENGLISH), finding);
    }

    /**
     * Whether a fall from {@code then} to {@code now} is beyond the margins of error: larger than the 95% margin
     * of the difference of two independent estimates, √(m₁² + m₂²), each m half its interval's width.
     */
    static boolean beyondMargins(Score then, Score now) {
        if (then.low() == null || then.high() == null || now.low() == null || now.high() == null) {
            return false;
        }
        double before = (then.high() - then.low()) / 2;
        double after = (now.high() - now.low()) / 2;
        return then.value() - now.value() > Math.sqrt(before * before + after * after);
    }

}
