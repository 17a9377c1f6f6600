package io.cairn.metrics.ingest;

import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Segments;
import io.cairn.platform.web.ApiException;
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
            throw ApiException.badRequest("Submission " + request.id() + ": at " + at + " is in the future");
        }
        if (request.outcome() != null && request.outcome().type() == SubmissionRequest.OutcomeType.SATISFIED
                && request.outcome().value() > 1) {
            throw ApiException.badRequest("Submission " + request.id() + ": a SATISFIED outcome is 0 (no) or 1 (yes)");
        }
        Set<String> seen = new HashSet<>();
        List<Submission.Answer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            SubmissionRequest.Item item = request.items().get(i);
            Metric metric = item.metric();
            if (!metric.accepts(item.score())) {
                throw ApiException.badRequest("Submission " + request.id() + ", items[" + i + "]: score " + item.score()
                        + " is outside the " + metric + " scale " + metric.min() + "-" + metric.max());
            }
            if (!seen.add(item.touchpointId().trim() + "|" + metric)) {
                throw ApiException.badRequest("Submission " + request.id() + ", items[" + i + "]: touchpoint "
                        + item.touchpointId() + " is answered twice for " + metric);
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
