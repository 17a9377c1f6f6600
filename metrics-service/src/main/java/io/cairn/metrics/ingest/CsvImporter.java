package io.cairn.metrics.ingest;

import io.cairn.metrics.ingest.ImportJob.RowError.Code;
import io.cairn.metrics.score.Segments;
import io.cairn.metrics.touchpoint.JourneyTouchpoints;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Imports wide survey exports: checks the header against the mapping at once, then reads the file as a
 * stream in the background, row by row (Apache Commons CSV), storing batches through the same path as
 * every other submission. Each row stands alone: a bad row is reported (row, column, reason) and stores
 * nothing. Progress is kept in the job document, so any replica can report it.
 */
@Service
public class CsvImporter {

    private static final Logger log = LoggerFactory.getLogger(CsvImporter.class);
    private static final int MAX_ERRORS = 1000;
    /** Characters one row may take, as a line of bulk NDJSON may. */
    static final int MAX_ROW_CHARS = IngestionService.MAX_LINE;

    private final IngestionService ingestion;
    private final JourneyTouchpoints touchpoints;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "csv-import");
        thread.setDaemon(true);
        return thread;
    });

    public CsvImporter(IngestionService ingestion, JourneyTouchpoints touchpoints, MongoTemplate mongo, Clock clock) {
        this.ingestion = ingestion;
        this.touchpoints = touchpoints;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Starts an import of {@code file} (taken over: deleted when done); answers the job right away. */
    public ImportJob start(Path file, ImportMapping requested, boolean dryRun, String actor) {
        ImportMapping mapping;
        try {
            mapping = refusedBeforeAnyRow(file, requested);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        long total = countRows(file, mapping);
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), mapping.journeyId(), dryRun, ImportJob.Status.RUNNING,
                total, 0, 0, 0, 0, List.of(), null, actor, clock.instant(), null);
        mongo.insert(job);
        workers.submit(() -> run(job, file, mapping));
        return job;
    }

    public ImportJob get(String id) {
        ImportJob job = mongo.findById(id, ImportJob.class);
        if (job == null) {
            throw ApiException.notFound("Import", id);
        }
        return job;
    }

    private void run(ImportJob started, Path file, ImportMapping mapping) {
        Progress progress = new Progress(started);
        List<Submission> batch = new ArrayList<>();
        try (RowLimit reader = open(file);
                CSVParser parser = format(mapping).parse(reader)) {
            Set<String> batchIds = new HashSet<>();
            for (CSVRecord record : parser) {
                reader.rowRead();
                long row = record.getRecordNumber();
                try {
                    Submission submission = SubmissionRules.normalise(toRequest(record, mapping), clock);
                    if (!batchIds.add(submission.id())) {
                        progress.duplicates++;
                    } else {
                        batch.add(submission);
                    }
                } catch (RowException e) {
                    progress.reject(new ImportJob.RowError(row, e.column, e.code, e.value, e.expected, e.getMessage()));
                } catch (ApiException e) {
                    progress.reject(new ImportJob.RowError(row, null, ImportJob.RowError.Code.INVALID, null, null, e.getMessage()));
                }
                progress.processed = row;
                if (batch.size() == IngestionService.BATCH) {
                    flush(batch, started.dryRun(), progress);
                    batchIds.clear();
                    save(progress.job(ImportJob.Status.RUNNING, null, null));
                }
            }
            flush(batch, started.dryRun(), progress);
            save(progress.job(ImportJob.Status.DONE, null, clock.instant()));
        } catch (IOException | java.io.UncheckedIOException e) {
            // the file cannot be read on from here: the rows read before are stored, then the job says where it stopped
            try {
                flush(batch, started.dryRun(), progress);
                failed(progress, e);
            } catch (RuntimeException storing) {
                failed(progress, storing);
            }
        } catch (RuntimeException e) {
            failed(progress, e);
        } finally {
            delete(file);
        }
    }

    private void failed(Progress progress, Exception e) {
        log.error("Import {} failed", progress.started.id(), e);
        save(progress.job(ImportJob.Status.FAILED, "The import stopped at row " + progress.processed + ": " + e.getMessage(),
                clock.instant()));
    }

    private void flush(List<Submission> batch, boolean dryRun, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        if (dryRun) {
            int known = ingestion.existing(batch.stream().map(Submission::id).toList()).size();
            progress.duplicates += known;
            progress.accepted += batch.size() - known;
        } else {
            int stored = ingestion.store(batch).size();
            progress.accepted += stored;
            progress.duplicates += batch.size() - stored;
        }
        batch.clear();
    }

    private SubmissionRequest toRequest(CSVRecord record, ImportMapping mapping) {
        String id = cell(record, mapping.idColumn());
        if (id.isEmpty()) {
            throw new RowException(mapping.idColumn(), Code.ID_EMPTY, "", null, "the id is empty");
        }
        Instant at = mapping.timestamp() == null ? clock.instant() : mapping.timestamp();
        if (mapping.timestampColumn() != null) {
            at = timestamp(cell(record, mapping.timestampColumn()), mapping.timestampColumn());
        }
        Map<String, String> segments = new LinkedHashMap<>();
        if (mapping.segmentColumns() != null) {
            mapping.segmentColumns().forEach((column, attribute) -> {
                String value = cell(record, column);
                if (!value.isEmpty()) {
                    segments.put(attribute, value);
                }
            });
        }
        SubmissionRequest.Outcome outcome = null;
        if (mapping.outcome() != null) {
            outcome = outcome(cell(record, mapping.outcome().column()), mapping.outcome());
        }
        List<SubmissionRequest.Item> items = new ArrayList<>();
        for (ImportMapping.ItemMapping item : mapping.items()) {
            String value = cell(record, item.column());
            if (value.isEmpty()) {
                continue;
            }
            int score;
            try {
                score = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new RowException(item.column(), Code.NOT_A_WHOLE_NUMBER, value, null, "'" + value + "' is not a whole number");
            }
            if (score == 0 && item.zeroIsNotApplicable()) {
                continue;
            }
            if (!item.metric().accepts(score)) {
                String scale = item.metric() + " " + item.metric().min() + "-" + item.metric().max();
                throw new RowException(item.column(), Code.OUTSIDE_SCALE, String.valueOf(score), scale,
                        score + " is outside the " + item.metric() + " scale " + item.metric().min() + "-" + item.metric().max());
            }
            items.add(new SubmissionRequest.Item(item.touchpointId(), item.metric(), score, null));
        }
        if (items.isEmpty()) {
            throw new RowException(null, Code.NO_ANSWERS, null, null, "no answers (every rating is empty or not applicable)");
        }
        return new SubmissionRequest(id, mapping.journeyId(), at, segments, outcome, items);
    }

    private static SubmissionRequest.Outcome outcome(String value, ImportMapping.OutcomeMapping mapping) {
        if (value.isEmpty()) {
            return null;
        }
        if (mapping.type() == SubmissionRequest.OutcomeType.NPS) {
            try {
                int score = Integer.parseInt(value);
                if (score >= 0 && score <= 10) {
                    return new SubmissionRequest.Outcome(mapping.type(), score);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new RowException(mapping.column(), Code.NOT_AN_NPS_ANSWER, value, "0-10", "'" + value + "' is not an NPS answer 0-10");
        }
        // the categories are normalised (ImportMapping.withNormalisedOutcome), the cell is here
        Integer flag = mapping.values().getOrDefault(Segments.normalise(value), mapping.otherwise());
        if (flag == null) {
            String categories = String.join(", ", new TreeSet<>(mapping.values().keySet()));
            throw new RowException(mapping.column(), Code.NOT_A_CATEGORY, value, categories,
                    "'" + value + "' is not one of [" + categories + "]");
        }
        return new SubmissionRequest.Outcome(mapping.type(), flag);
    }

    private static Instant timestamp(String value, String column) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowException(column, Code.NOT_A_DATE, value, "2026-01-31 | 2026-01-31T10:00:00Z",
                    "'" + value + "' is not a date (2026-01-31) or an instant (2026-01-31T10:00:00Z)");
        }
    }

    private static String cell(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).trim() : "";
    }

    private static CSVFormat format(ImportMapping mapping) {
        return CSVFormat.DEFAULT.builder().setDelimiter(mapping.delimiter() == null ? ',' : mapping.delimiter())
                .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
    }

    /**
     * The mapping checked against itself, the file's header and the journey's touchpoints (asked with the importer's
     * token: every row answers the touchpoints the mapping names); a refusal before any row is read.
     */
    private ImportMapping refusedBeforeAnyRow(Path file, ImportMapping requested) {
        ImportMapping mapping = requested.checked();
        List<String> header = header(file, mapping);
        List<String> missing = new ArrayList<>();
        requireColumn(header, mapping.idColumn(), missing);
        if (mapping.timestampColumn() != null) {
            requireColumn(header, mapping.timestampColumn(), missing);
        }
        if (mapping.segmentColumns() != null) {
            mapping.segmentColumns().keySet().forEach(c -> requireColumn(header, c, missing));
        }
        if (mapping.outcome() != null) {
            requireColumn(header, mapping.outcome().column(), missing);
        }
        mapping.items().forEach(item -> requireColumn(header, item.column(), missing));
        if (!missing.isEmpty()) {
            throw ApiException.badRequest(Refusal.of("import.columnsMissing",
                    "The file has no column {0}; its columns are {1}",
                    String.join(", ", missing), String.valueOf(header)));
        }
        Set<String> unknown = touchpoints.unknown(mapping.journeyId(),
                mapping.items().stream().map(i -> i.touchpointId().trim()).toList());
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(Refusal.of("import.unknownTouchpoints",
                    "Journey {0} has no touchpoint {1}: the mapping''s items must name touchpoints of the journey",
                    mapping.journeyId(), String.join(", ", unknown)));
        }
        return mapping;
    }

    private static List<String> header(Path file, ImportMapping mapping) {
        try (Reader reader = open(file);
                CSVParser parser = format(mapping).parse(reader)) {
            return parser.getHeaderNames();
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest(Refusal.of("import.notCsv",
                    "The file is not a CSV with a header row: {0}", e.getMessage()));
        }
    }

    private static void requireColumn(List<String> header, String column, List<String> missing) {
        if (!header.contains(column)) {
            missing.add("'" + column + "'");
        }
    }

    /**
     * The file's text, past a byte-order mark if it starts with one (spreadsheets write one into "CSV UTF-8"; read as
     * text it would become part of the first column's name), rows limited in length.
     */
    private static RowLimit open(Path file) throws IOException {
        java.io.BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return new RowLimit(reader);
    }

    /** The rows below the header as the import will read them (a quoted cell may hold line breaks). */
    private static long countRows(Path file, ImportMapping mapping) {
        long rows = 0;
        try (RowLimit reader = open(file);
                CSVParser parser = format(mapping).parse(reader)) {
            for (CSVRecord ignored : parser) {
                reader.rowRead();
                rows++;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable from some row on: the import stops there and says so; the rows before it count
        }
        return rows;
    }

    /**
     * Stops reading a row that runs on past {@value #MAX_ROW_CHARS} characters (a quote left open swallows the rest of
     * the file into one cell): the parser would hold all of it in memory.
     */
    static final class RowLimit extends java.io.FilterReader {
        private long sinceRow;

        RowLimit(Reader in) {
            super(in);
        }

        /** A row was read whole: the count starts again. */
        void rowRead() {
            sinceRow = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c < 0 ? 0 : 1);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count(Math.max(read, 0));
            return read;
        }

        private void count(int read) throws IOException {
            sinceRow += read;
            if (sinceRow > MAX_ROW_CHARS) {
                throw new IOException("a row runs on past " + MAX_ROW_CHARS + " characters (is a quote left open?)");
            }
        }
    }

    private void save(ImportJob job) {
        mongo.save(job);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}", file, e);
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** A row refused because of one cell. */
    static final class RowException extends RuntimeException {
        final String column;
        final Code code;
        final String value;
        final String expected;

        RowException(String column, Code code, String value, String expected, String reason) {
            super(reason, null, false, false); // one per bad row: no stack trace to fill
            this.column = column;
            this.code = code;
            this.value = value;
            this.expected = expected;
        }
    }

    /** Counts of a running import. */
    private static final class Progress {
        final ImportJob started;
        long processed;
        long accepted;
        long duplicates;
        long rejected;
        final List<ImportJob.RowError> errors = new ArrayList<>();

        Progress(ImportJob started) {
            this.started = started;
        }

        void reject(ImportJob.RowError error) {
            rejected++;
            if (errors.size() < MAX_ERRORS) {
                errors.add(error);
            }
        }

        ImportJob job(ImportJob.Status status, String failure, Instant finishedAt) {
            return new ImportJob(started.id(), started.journeyId(), started.dryRun(), status, started.totalRows(),
                    processed, accepted, duplicates, rejected, List.copyOf(errors), failure, started.startedBy(),
                    started.startedAt(), finishedAt);
        }
    }
}
