package io.cairn.metrics.aggregate;

import com.mongodb.client.model.UpdateOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Answers of bucket reads, each kept with the version of the buckets it was read at and given again only
 * while that is still the current version. The version is a counter in the database ({@value #COLLECTION})
 * that every write of buckets increments once it is done, so an answer from here is never older than the
 * last finished write, whichever replica made it. Dashboards and maps read the same windows over and
 * over between two batches of answers; this spares them reading hundreds of buckets each time.
 */
final class ReadCache {

    static final String COLLECTION = "bucket_version";
    private static final Document ID = new Document("_id", "buckets");

    private final MongoTemplate mongo;
    private final int capacity;
    private final Map<Object, Entry> entries;

    private record Entry(long version, Object value) {
    }

    /** {@code capacity}: answers kept, least recently used ones dropped first; 0 turns the cache off. */
    ReadCache(MongoTemplate mongo, int capacity) {
        this.mongo = mongo;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The answer kept for {@code key} if the buckets have not changed since; otherwise {@code read}'s, then kept. */
    @SuppressWarnings("unchecked")
    <T> T get(Object key, Supplier<T> read) {
        if (capacity == 0) {
            return read.get();
        }
        // the version is taken before reading: a write finishing meanwhile makes the answer stale, never the reverse
        long version = version();
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && entry.version == version) {
            return (T) entry.value;
        }
        T value = read.get();
        synchronized (entries) {
            entries.put(key, new Entry(version, value));
        }
        return value;
    }

    /** After a write of buckets (finished or failed half-way): every answer read before it is stale. */
    void bump() {
        mongo.getCollection(COLLECTION).updateOne(ID, new Document("$inc", new Document("version", 1L)),
                new UpdateOptions().upsert(true));
    }

    private long version() {
        Document current = mongo.getCollection(COLLECTION).find(ID).first();
        return current == null ? 0 : ((Number) current.get("version")).longValue();
    }
}
