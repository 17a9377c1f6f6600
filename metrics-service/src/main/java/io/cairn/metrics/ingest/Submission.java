package io.cairn.metrics.ingest;

import io.cairn.metrics.score.Metric;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored submission, normalised; its id is {@code <journey id>:<submission id>}. While its answers
 * are being added to the buckets, an {@link IngestionJournal} entry names it, so that counting cut
 * short by a stop is redone exactly at the next start.
 */
@Document("submissions")
public record Submission(@Id String id, String journeyId, Instant at, String day, Map<String, String> segments,
        SubmissionRequest.OutcomeType outcomeType, Integer outcome, List<Answer> answers, Instant receivedAt) {

    public record Answer(String touchpointId, Metric metric, int score, String comment) {
    }

    /** The outcome on a 0-10 scale for correlation: NPS as given, satisfied as 0 or 10. */
    public Double outcomeValue() {
        if (outcome == null || outcomeType == null) {
            return null;
        }
        return outcomeType == SubmissionRequest.OutcomeType.SATISFIED ? outcome * 10.0 : outcome.doubleValue();
    }
}
