package io.cairn.metrics.ingest;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A CSV import and its progress: rows read of {@code totalRows}, and what became of them. A dry run
 * reports what would be imported and stores nothing. {@code errors} lists up to 1000 row errors.
 */
@Document("imports")
public record ImportJob(@Id String id, String journeyId, boolean dryRun, Status status, long totalRows,
        long processedRows, long accepted, long duplicates, long rejected, List<RowError> errors, String failure,
        String startedBy, Instant startedAt, Instant finishedAt) {

    public enum Status { RUNNING, DONE, FAILED }

    /**
     * Why a row was refused: its number (1 = the first row after the header), the column and the reason, as
     * English text and as a code with the cell's value and what was expected, for clients that word it in
     * their user's language.
     */
    public record RowError(long row, String column, Code code, String value, String expected, String reason) {

        public enum Code { ID_EMPTY, NOT_A_WHOLE_NUMBER, OUTSIDE_SCALE, NO_ANSWERS, NOT_AN_NPS_ANSWER, NOT_A_CATEGORY, NOT_A_DATE, INVALID }
    }

    /** Percent done, for a progress bar. */
    @com.fasterxml.jackson.annotation.JsonProperty("percent")
    public int percent() {
        return totalRows == 0 ? (status == Status.RUNNING ? 0 : 100) : (int) Math.min(100, processedRows * 100 / totalRows);
    }
}
