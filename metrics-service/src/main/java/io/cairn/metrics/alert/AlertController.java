package io.cairn.metrics.alert;

import io.cairn.metrics.kase.Case;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Alert rules of a journey, and their evaluation on demand. */
@RestController
public class AlertController {

    private final AlertRuleRepository rules;
    private final AlertEvaluator evaluator;
    private final Clock clock;

    public AlertController(AlertRuleRepository rules, AlertEvaluator evaluator, Clock clock) {
        this.rules = rules;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @PostMapping("/alert-rules")
    @PreAuthorize("hasRole('ANALYST')")
    @ResponseStatus(HttpStatus.CREATED)
    AlertRule create(@Valid @RequestBody AlertRule.Input input, Authentication user) {
        // a BELOW_TARGET rule without a threshold holds each touchpoint to its own target for the metric
        if (input.type() == AlertRule.Type.DROP && input.dropPoints() == null) {
            throw ApiException.badRequest(Refusal.of("rule.dropPointsRequired", "A DROP rule needs dropPoints"));
        }
        if (input.type() == AlertRule.Type.DETRACTOR_COMMENT && input.metric() == io.cairn.metrics.score.Metric.CES) {
            throw ApiException.badRequest(Refusal.of("rule.noCesDetractors",
                    "Detractors are NPS 0-6 or CSAT 1-2 answers; CES has none"));
        }
        return rules.insert(new AlertRule(UUID.randomUUID().toString(), input.journeyId(), input.touchpointId(),
                input.type(), input.metric(), input.threshold(), input.dropPoints(),
                input.windowDays() == null ? 30 : input.windowDays(), input.minN() == null ? 30 : input.minN(),
                input.slaHours() == null ? 72 : input.slaHours(), input.enabled() == null || input.enabled(),
                user.getName(), clock.instant()));
    }

    @GetMapping("/alert-rules")
    @PreAuthorize("hasRole('VIEWER')")
    List<AlertRule> list(@RequestParam String journeyId) {
        return rules.ofJourney(journeyId);
    }

    @DeleteMapping("/alert-rules/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        if (!rules.delete(id)) {
            throw ApiException.notFound("Alert rule", id);
        }
    }

    /** Evaluates now (the scheduler does it every few minutes); answers the cases opened or found again. */
    @PostMapping("/journeys/{journeyId}/alerts/evaluate")
    @PreAuthorize("hasRole('ANALYST')")
    List<Case> evaluate(@PathVariable String journeyId) {
        return evaluator.evaluate(journeyId);
    }
}
