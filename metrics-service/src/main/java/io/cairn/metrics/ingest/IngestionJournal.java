package io.cairn.metrics.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Batches whose answers are being counted: an entry is written before a batch is stored and removed
 * once its answers are in the buckets (two writes per batch, none per submission). An entry left
 * behind means the counting of those submissions may be partial.
 */
@Repository
public class IngestionJournal {

    static final String COLLECTION = "ingestion_journal";

    private final MongoTemplate mongo;
    private final Clock clock;

    public IngestionJournal(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Records a batch about to be stored and counted; answers the entry's id. */
    String open(List<String> submissionIds) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", id).append("submissionIds", submissionIds).append("openedAt", clock.instant()),
                COLLECTION);
        return id;
    }

    void close(String entry) {
        mongo.remove(Query.query(Criteria.where("_id").is(entry)), COLLECTION);
    }

    /** Entries left open, each as the ids of its submissions. */
    List<Entry> unfinished() {
        List<Entry> entries = new ArrayList<>();
        for (Document d : mongo.findAll(Document.class, COLLECTION)) {
            entries.add(new Entry(d.getString("_id"), d.getList("submissionIds", String.class)));
        }
        return entries;
    }

    record Entry(String id, List<String> submissionIds) {
    }
}
