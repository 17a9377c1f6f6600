package io.cairn.metrics.ingest;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import io.cairn.metrics.aggregate.BucketRepository;
import io.cairn.metrics.touchpoint.JourneyTouchpoints;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listen: stores submissions once (their id is the key) and adds their answers to the buckets. A batch
 * is written to the journal, stored, counted, and taken out of the journal; a batch still in the
 * journal at start-up had its counting interrupted and is re-counted exactly ({@link AggregationRecovery}).
 * Batches are large because the buckets of a batch are written once however many answers they take.
 */
@Service
public class IngestionService {

    static final int BATCH = 5_000;
    static final int MAX_LINE = 1 << 20;
    static final int MAX_REJECTIONS_LISTED = 100;

    private final MongoTemplate mongo;
    private final BucketRepository buckets;
    private final IngestionJournal journal;
    private final org.springframework.beans.factory.ObjectProvider<io.cairn.metrics.alert.AlertEvaluator> alerts;
    private final Validator validator;
    private final JourneyTouchpoints touchpoints;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public IngestionService(MongoTemplate mongo, BucketRepository buckets, IngestionJournal journal, Validator validator,
            JourneyTouchpoints touchpoints, Clock clock,
            org.springframework.beans.factory.ObjectProvider<io.cairn.metrics.alert.AlertEvaluator> alerts) {
        this.mongo = mongo;
        this.buckets = buckets;
        this.journal = journal;
        this.alerts = alerts;
        this.validator = validator;
        this.touchpoints = touchpoints;
        this.clock = clock;
        mongo.indexOps(Submission.class).createIndex(new Index().on("journeyId", org.springframework.data.domain.Sort.Direction.ASC)
                .on("day", org.springframework.data.domain.Sort.Direction.ASC));
    }

    /** One submission (already validated); {@code true} when it was new, {@code false} when received before. */
    public boolean ingest(SubmissionRequest request) {
        Submission submission = SubmissionRules.normalise(request, clock);
        requireKnownTouchpoints(submission);
        return store(List.of(submission)).contains(submission.id());
    }

    /** Refuses a submission that answers a touchpoint its journey does not have (400, nothing stored). */
    private void requireKnownTouchpoints(Submission submission) {
        List<String> answered = submission.answers().stream().map(Submission.Answer::touchpointId).toList();
        Set<String> unknown = touchpoints.unknown(submission.journeyId(), answered);
        if (!unknown.isEmpty()) {
            int index = answered.indexOf(unknown.iterator().next());
            throw ApiException.badRequest(Refusal.of("submission.unknownTouchpoint",
                    "Submission {0}, items[{1}]: journey {2} has no touchpoint {3}",
                    submission.id().substring(submission.journeyId().length() + 1), String.valueOf(index),
                    submission.journeyId(), String.join(", ", unknown)));
        }
    }

    /**
     * Newline-delimited JSON, one submission per line, read as a stream (never held whole). Every
     * line stands alone: a bad line is refused with its reason and stores nothing; the others count.
     */
    public IngestResult ingestLines(InputStream body) {
        Tally tally = new Tally();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            long lineNumber = 0;
            String line;
            while ((line = readLine(reader)) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                tally.received++;
                String id = null;
                try {
                    if (line.length() > MAX_LINE) {
                        throw ApiException.badRequest(Refusal.of("ingest.lineTooLong",
                                "line is longer than {0} characters", MAX_LINE));
                    }
                    SubmissionRequest request = json.readValue(line, SubmissionRequest.class);
                    id = request.id();
                    Set<ConstraintViolation<SubmissionRequest>> violations = validator.validate(request);
                    if (!violations.isEmpty()) {
                        throw ApiException.badRequest(violations.stream()
                                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                                .collect(Collectors.joining(", ")));
                    }
                    Submission submission = SubmissionRules.normalise(request, clock);
                    requireKnownTouchpoints(submission);
                    tally.add(submission);
                } catch (JourneyTouchpoints.LookupFailed failed) {
                    // the lines before this one are all taken, so that the client can tell what happened
                    tally.flush();
                    throw stoppedAt(lineNumber, tally.result(tally.received - 1), failed);
                } catch (ApiException | JacksonException | IllegalArgumentException e) {
                    tally.reject(lineNumber, id, reason(e));
                }
                if (tally.batch.size() == BATCH) {
                    tally.flush();
                }
            }
        } catch (IOException e) {
            throw ApiException.badRequest(Refusal.of("ingest.bodyUnreadable",
                    "The request body could not be read: {0}", e.getMessage()));
        }
        tally.flush();
        return tally.result(tally.received);
    }

    /** What a stream did so far, and the batch it has not stored yet. */
    private final class Tally {

        long received;
        long accepted;
        long duplicates;
        long rejected;
        final List<IngestResult.Rejection> rejections = new ArrayList<>();
        final List<Submission> batch = new ArrayList<>(BATCH);
        final Set<String> batchIds = new HashSet<>();

        void add(Submission submission) {
            if (batchIds.add(submission.id())) {
                batch.add(submission);
            } else {
                duplicates++;
            }
        }

        void reject(long lineNumber, String id, String reason) {
            rejected++;
            if (rejections.size() < MAX_REJECTIONS_LISTED) {
                rejections.add(new IngestResult.Rejection(lineNumber, id, reason));
            }
        }

        /** Stores the batch: what was new counts as accepted, the rest as duplicates. */
        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            int stored = store(batch).size();
            accepted += stored;
            duplicates += batch.size() - stored;
            batch.clear();
            batchIds.clear();
        }

        IngestResult result(long linesReceived) {
            return new IngestResult(linesReceived, accepted, duplicates, rejected, rejections);
        }
    }

    /**
     * A stream that stops because touchpoint-service cannot check a line: every line before it was taken (what
     * happened to them is {@code before}), none from it on; re-sending the whole stream is safe, what was stored
     * is not counted twice. The status and code are touchpoint-service's failure's.
     */
    private static ApiException stoppedAt(long lineNumber, IngestResult before, ApiException cause) {
        String why = cause.status().is5xxServerError() ? "touchpoint-service did not answer"
                : "touchpoint-service refused the check: " + cause.getMessage();
        return new ApiException(cause.status(), cause.code(), Refusal.of("ingest.stoppedUnchecked",
                "The touchpoints of line {0} could not be checked ({1}). Every line before it was read: {2} new submissions stored, {3} refused (see rejections); none from it on. Send the stream again: what was stored is not counted twice",
                String.valueOf(lineNumber), why, String.valueOf(before.accepted()), String.valueOf(before.rejected())),
                java.util.Map.of("service", "touchpoint-service", "line", lineNumber, "received", before.received(),
                        "accepted", before.accepted(), "duplicates", before.duplicates(), "rejected", before.rejected(),
                        "rejections", before.rejections()));
    }

    /** Which of these submission ids were received before. */
    Set<String> existing(List<String> ids) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : BucketRepository.chunks(ids)) {
            Query query = Query.query(Criteria.where("_id").in(chunk));
            query.fields().include("_id");
            mongo.find(query, Document.class, mongo.getCollectionName(Submission.class)).forEach(d -> found.add(d.getString("_id")));
        }
        return found;
    }

    /** Journals the batch, inserts what is new, counts it, closes the journal entry; answers the ids that were new. */
    Set<String> store(List<Submission> submissions) {
        String entry = journal.open(submissions.stream().map(Submission::id).toList());
        List<Document> documents = new ArrayList<>();
        for (Submission submission : submissions) {
            Document document = new Document();
            mongo.getConverter().write(submission, document);
            documents.add(document);
        }
        Set<String> duplicates = new HashSet<>();
        // in slices: one message of thousands of documents costs the driver more than several smaller ones
        for (int offset = 0; offset < documents.size(); offset += 1_000) {
            try {
                mongo.getCollection(mongo.getCollectionName(Submission.class)).insertMany(
                        documents.subList(offset, Math.min(documents.size(), offset + 1_000)), new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != 11000) {
                        throw e;
                    }
                    duplicates.add(submissions.get(offset + error.getIndex()).id());
                }
            }
        }
        List<Submission> fresh = submissions.stream().filter(s -> !duplicates.contains(s.id())).toList();
        buckets.add(fresh, (touchpoint, day) -> true);
        journal.close(entry);
        Set<String> ids = fresh.stream().map(Submission::id).collect(Collectors.toSet());
        if (!ids.isEmpty()) {
            // detractors with a comment open follow-up cases; a failure there never loses the answers
            try {
                alerts.ifAvailable(evaluator -> evaluator.checkDetractors(fresh));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(IngestionService.class).error("Detractor follow-up failed", e);
            }
        }
        return ids;
    }

    /** A line, or null at the end; a line longer than the limit is cut there (and then refused). */
    private static String readLine(BufferedReader reader) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        boolean any = false;
        while ((c = reader.read()) != -1) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (line.length() <= MAX_LINE) {
                line.append((char) c);
            }
        }
        if (!any) {
            return null;
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    private static String reason(Exception e) {
        if (e instanceof JacksonException jackson) {
            String message = jackson.getOriginalMessage();
            return "not a valid submission: " + (message == null ? "malformed JSON" : message.lines().findFirst().orElse(""));
        }
        return e.getMessage();
    }
}
