package io.cairn.metrics.ingest;

import io.cairn.metrics.score.Metric;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One respondent's answers at one time. {@code id} is the idempotency key: a submission sent again
 * (a retry, a re-import) is recognised and never counted twice.
 *
 * @param segments free attributes of the respondent (customer type, class, region): keys and values
 *                 are compared trimmed and case-insensitively
 * @param outcome  optional overall outcome, for key-driver analysis
 */
public record SubmissionRequest(
        @NotBlank @Size(max = 100) String id,
        @NotBlank @Size(max = 100) String journeyId,
        Instant at,
        @Size(max = 10) Map<@NotBlank @Size(max = 50) String, @NotBlank @Size(max = 100) String> segments,
        @Valid Outcome outcome,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid Item> items) {

    /** The overall outcome: an NPS answer 0-10, or satisfied yes (1) / no (0). */
    public record Outcome(@NotNull OutcomeType type, @NotNull @Min(0) @Max(10) Integer value) {
    }

    public enum OutcomeType { NPS, SATISFIED }

    /** One answer about one touchpoint. */
    public record Item(@NotBlank @Size(max = 100) String touchpointId, @NotNull Metric metric, @NotNull Integer score,
            @Size(max = 2000) String comment) {
    }
}
