package io.cairn.metrics.ingest;

import io.cairn.metrics.score.Metric;
import io.cairn.metrics.score.Segments;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
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

    /**
     * This mapping checked and ready to read rows with: a 0 counts as "not applicable" only on a scale that starts at
     * 1 (on NPS, 0 is an answer: a detractor), and the outcome categories are normalised
     * ({@link #withNormalisedOutcome}).
     */
    public ImportMapping checked() {
        for (ItemMapping item : items) {
            if (item.zeroIsNotApplicable() && item.metric().min() == 0) {
                throw ApiException.badRequest(Refusal.of("import.zeroIsAnAnswer",
                        "The column {0} is {1}, whose scale starts at 0: a 0 there is an answer, so it cannot mean not applicable",
                        item.column(), item.metric().name()));
            }
        }
        return withNormalisedOutcome();
    }

    /**
     * This mapping with its outcome categories normalised as segment values are (so "Satisfied", "SATISFIED"
     * and " satisfied" are one category); refused when a category has two answers or is neither 1 nor 0.
     */
    public ImportMapping withNormalisedOutcome() {
        if (outcome == null || outcome.type() != SubmissionRequest.OutcomeType.SATISFIED) {
            return this;
        }
        if (outcome.values() == null || outcome.values().isEmpty()) {
            throw ApiException.badRequest(Refusal.of("import.outcomeValuesRequired",
                    "The outcome column {0} is satisfied or not: give each of its values 1 (satisfied) or 0 (not), e.g. '{'\"Satisfied\": 1}",
                    outcome.column()));
        }
        Map<String, Integer> categories = new HashMap<>();
        Map<String, String> spelledAs = new HashMap<>();
        outcome.values().forEach((category, flag) -> {
            if (flag == null || flag < 0 || flag > 1) {
                throw ApiException.badRequest(Refusal.of("import.outcomeValueFlag",
                        "The outcome value ''{0}'' must be 1 (satisfied) or 0 (not), not {1}",
                        category, String.valueOf(flag)));
            }
            String key = Segments.normalise(category);
            Integer before = categories.putIfAbsent(key, flag);
            if (before != null && !before.equals(flag)) {
                throw ApiException.badRequest(Refusal.of("import.outcomeSpellings",
                        "The outcome values ''{0}'' and ''{1}'' are one value (case and spaces are ignored) but are given {2} and {3}",
                        spelledAs.get(key), category, String.valueOf(before), String.valueOf(flag)));
            }
            spelledAs.putIfAbsent(key, category);
        });
        if (outcome.otherwise() != null && (outcome.otherwise() < 0 || outcome.otherwise() > 1)) {
            throw ApiException.badRequest(Refusal.of("import.outcomeOtherwise",
                    "The outcome''s otherwise must be 1 (satisfied) or 0 (not), not {0}",
                    String.valueOf(outcome.otherwise())));
        }
        return new ImportMapping(journeyId, idColumn, timestampColumn, timestamp, segmentColumns,
                new OutcomeMapping(outcome.column(), outcome.type(), Map.copyOf(categories), outcome.otherwise()), items, delimiter);
    }

    /**
     * The outcome column: NPS (0-10 numbers) or SATISFIED (category -> 1 yes / 0 no, e.g. "Satisfied" -> 1, and
     * {@code otherwise}, if given, for every other value; without it another value refuses its row).
     */
    public record OutcomeMapping(@NotBlank String column, @NotNull SubmissionRequest.OutcomeType type,
            Map<String, Integer> values, Integer otherwise) {
    }

    public record ItemMapping(@NotBlank String column, @NotBlank @Size(max = 100) String touchpointId,
            @NotNull Metric metric, Boolean zeroMeansNotApplicable) {

        public boolean zeroIsNotApplicable() {
            return Boolean.TRUE.equals(zeroMeansNotApplicable);
        }
    }
}
