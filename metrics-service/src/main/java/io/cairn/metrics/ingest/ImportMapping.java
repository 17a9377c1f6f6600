package io.cairn.metrics.ingest;

import io.cairn.metrics.score.Metric;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a wide survey export (one row per respondent, one column per touchpoint) becomes submissions.
 *
 * @param idColumn         the respondent id column: the submission id, so a re-import counts nothing twice
 * @param timestampColumn  optional column with the answer time (ISO instant or date); else {@code timestamp}
 * @param timestamp        the time of every row without a timestamp column (default: now)
 * @param segmentColumns   column -> segment attribute (values are normalised: trim, case, separators)
 * @param outcome          optional overall outcome column
 * @param items            column -> touchpoint and metric; {@code zeroMeansNotApplicable} for scales from 1
 * @param delimiter        field separator (default comma)
 */
public record ImportMapping(
        @NotBlank @Size(max = 100) String journeyId,
        @NotBlank String idColumn,
        String timestampColumn,
        Instant timestamp,
        @Size(max = 10) Map<@NotBlank String, @NotBlank @Size(max = 50) String> segmentColumns,
        @Valid OutcomeMapping outcome,
        @NotEmpty @Size(max = 200) List<@Valid ItemMapping> items,
        Character delimiter) {

    /** The outcome column: NPS (0-10 numbers) or SATISFIED (category -> 1 yes / 0 no, e.g. "Satisfied" -> 1). */
    public record OutcomeMapping(@NotBlank String column, @NotNull SubmissionRequest.OutcomeType type,
            Map<String, Integer> values) {
    }

    public record ItemMapping(@NotBlank String column, @NotBlank @Size(max = 100) String touchpointId,
            @NotNull Metric metric, Boolean zeroMeansNotApplicable) {

        public boolean zeroIsNotApplicable() {
            return Boolean.TRUE.equals(zeroMeansNotApplicable);
        }
    }
}
