package io.cairn.metrics.ingest;

import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Segments;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a validated request against the rules bean validation cannot express, and normalises it. */
final class SubmissionRules {

    private SubmissionRules() {
    }

    static Submission normalise(SubmissionRequest request, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant at = request.at() == null ? now : request.at().truncatedTo(ChronoUnit.MILLIS);
        if (at.isAfter(now.plus(Duration.ofDays(1)))) {
            throw ApiException.badRequest(Refusal.of("submission.future",
                    "Submission {0}: at {1} is in the future", request.id(), String.valueOf(at)));
        }
        if (request.outcome() != null && request.outcome().type() == SubmissionRequest.OutcomeType.SATISFIED
                && request.outcome().value() > 1) {
            throw ApiException.badRequest(Refusal.of("submission.satisfiedOutcome",
                    "Submission {0}: a SATISFIED outcome is 0 (no) or 1 (yes)", request.id()));
        }
        Set<String> seen = new HashSet<>();
        List<Submission.Answer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            SubmissionRequest.Item item = request.items().get(i);
            Metric metric = item.metric();
            if (!metric.accepts(item.score())) {
                throw ApiException.badRequest(Refusal.of("submission.outsideScale",
                        "Submission {0}, items[{1}]: score {2} is outside the {3} scale {4}-{5}",
                        request.id(), String.valueOf(i), String.valueOf(item.score()), metric, String.valueOf(metric.min()), String.valueOf(metric.max())));
            }
            if (!seen.add(item.touchpointId().trim() + "|" + metric)) {
                throw ApiException.badRequest(Refusal.of("submission.answeredTwice",
                        "Submission {0}, items[{1}]: touchpoint {2} is answered twice for {3}",
                        request.id(), String.valueOf(i), item.touchpointId(), metric));
            }
            String comment = item.comment() == null || item.comment().isBlank() ? null : item.comment().trim();
            answers.add(new Submission.Answer(item.touchpointId().trim(), metric, item.score(), comment));
        }
        // the idempotency key is scoped to the journey: two exports may both number respondents from 1
        return new Submission(request.journeyId().trim() + ":" + request.id().trim(), request.journeyId().trim(), at,
                at.atZone(ZoneOffset.UTC).toLocalDate().toString(), segments(request.segments()),
                request.outcome() == null ? null : request.outcome().type(),
                request.outcome() == null ? null : request.outcome().value(), answers, now);
    }

    static Map<String, String> segments(Map<String, String> segments) {
        return Segments.normalise(segments);
    }
}
