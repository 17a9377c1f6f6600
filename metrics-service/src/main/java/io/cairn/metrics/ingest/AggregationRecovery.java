package io.cairn.metrics.ingest;

import io.cairn.metrics.aggregate.BucketRepository;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Before the service takes traffic, the buckets are made exact again:
 * <ul>
 * <li>buckets written by an older layout (or none, next to stored submissions) are rebuilt from every
 * submission;</li>
 * <li>a batch left in the {@link IngestionJournal} (the process stopped while counting it) may be in
 * the buckets in part: the buckets of its touchpoints in its months are rebuilt from every submission
 * of those months, which is exact either way.</li>
 * </ul>
 */
@Component
class AggregationRecovery implements ApplicationRunner {

    /** Bumped whenever the bucket documents change shape. */
    static final int LAYOUT = 3;
    private static final String LAYOUT_COLLECTION = "aggregate_layout";
    private static final Logger log = LoggerFactory.getLogger(AggregationRecovery.class);

    private final MongoTemplate mongo;
    private final BucketRepository buckets;
    private final IngestionJournal journal;

    AggregationRecovery(MongoTemplate mongo, BucketRepository buckets, IngestionJournal journal) {
        this.mongo = mongo;
        this.buckets = buckets;
        this.journal = journal;
    }

    @Override
    public void run(ApplicationArguments args) {
        Document layout = mongo.findById("buckets", Document.class, LAYOUT_COLLECTION);
        if (layout == null || layout.getInteger("version", 0) != LAYOUT) {
            rebuildAll();
        } else {
            recountUnfinished();
        }
    }

    private void rebuildAll() {
        List<IngestionJournal.Entry> entries = journal.unfinished();
        buckets.removeAll();
        long counted = 0;
        try (Stream<Submission> all = mongo.stream(new Query(), Submission.class)) {
            List<Submission> batch = new ArrayList<>(IngestionService.BATCH);
            for (Submission s : (Iterable<Submission>) all::iterator) {
                batch.add(s);
                if (batch.size() == IngestionService.BATCH) {
                    buckets.add(batch, (touchpoint, day) -> true);
                    counted += batch.size();
                    batch.clear();
                }
            }
            buckets.add(batch, (touchpoint, day) -> true);
            counted += batch.size();
        }
        entries.forEach(e -> journal.close(e.id()));
        mongo.save(new Document("_id", "buckets").append("version", LAYOUT), LAYOUT_COLLECTION);
        if (counted > 0) {
            log.warn("Rebuilt the buckets (layout {}) from {} stored submissions", LAYOUT, counted);
        }
    }

    private void recountUnfinished() {
        List<IngestionJournal.Entry> entries = journal.unfinished();
        if (entries.isEmpty()) {
            return;
        }
        Set<String> affected = new HashSet<>();
        Set<YearMonth> months = new HashSet<>();
        for (IngestionJournal.Entry entry : entries) {
            for (List<String> ids : BucketRepository.chunks(entry.submissionIds())) {
                for (Submission s : mongo.find(Query.query(Criteria.where("_id").in(ids)), Submission.class)) {
                    YearMonth month = YearMonth.parse(s.day().substring(0, 7));
                    months.add(month);
                    s.answers().forEach(a -> affected.add(a.touchpointId() + "|" + month));
                }
            }
        }
        affected.forEach(key -> buckets.remove(key.substring(0, key.lastIndexOf('|')),
                YearMonth.parse(key.substring(key.lastIndexOf('|') + 1))));
        for (YearMonth month : months) {
            List<Submission> all = mongo.find(Query.query(Criteria.where("day").gte(month.atDay(1).toString())
                    .lte(month.atEndOfMonth().toString())), Submission.class);
            buckets.add(all, (touchpoint, day) -> affected.contains(touchpoint + "|" + day.substring(0, 7)));
        }
        entries.forEach(e -> journal.close(e.id()));
        log.warn("Re-counted the buckets of {} touchpoint months after {} interrupted batches", affected.size(), entries.size());
    }
}
