package io.cairn.metrics.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Evaluates every journey's threshold rules regularly ({@code cairn.alerts.interval}, default 5 minutes). */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "cairn.alerts.scheduled", havingValue = "true", matchIfMissing = true)
class AlertScheduler {

    private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

    private final AlertRuleRepository rules;
    private final AlertEvaluator evaluator;

    AlertScheduler(AlertRuleRepository rules, AlertEvaluator evaluator) {
        this.rules = rules;
        this.evaluator = evaluator;
    }

    @Scheduled(fixedDelayString = "${cairn.alerts.interval:5m}", initialDelayString = "${cairn.alerts.interval:5m}")
    void evaluateAll() {
        for (String journeyId : rules.journeysWithThresholdRules()) {
            try {
                evaluator.evaluate(journeyId);
            } catch (RuntimeException e) {
                log.error("Evaluating the alert rules of journey {} failed", journeyId, e);
            }
        }
    }
}
