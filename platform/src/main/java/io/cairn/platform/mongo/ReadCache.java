package io.cairn.platform.mongo;

import com.mongodb.client.model.UpdateOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Answers of reads of some documents, each kept with the version of those documents it was read at and given
 * again only while that is still the current version. The version is a counter in the database (document
 * {@code counterId} of {@code versionCollection}) that every write of those documents increments once it is done (also when it
 * fails half-way), so an answer from here is never older than the last finished write, whichever replica
 * made it. Maps and dashboards read the same documents over and over between two changes; this spares them
 * the query and the mapping each time, for one read of the counter. A kept answer is shared by every reader:
 * it must not be changed.
 */
public final class ReadCache {

    private final MongoTemplate mongo;
    private final String collection;
    private final Document id;
    private final int capacity;
    private final Map<Object, Entry> entries;

    private record Entry(long version, Object value) {
    }

    /** {@code capacity}: answers kept, least recently used ones dropped first; 0 turns the cache off. */
    public ReadCache(MongoTemplate mongo, String versionCollection, String counterId, int capacity) {
        this.mongo = mongo;
        this.collection = versionCollection;
        this.id = new Document("_id", counterId);
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The answer kept for {@code key} if the documents have not changed since; otherwise {@code read}'s, then kept. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> read) {
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

    /** Runs a write of the documents; once it is done (or has failed half-way) every answer read before it is stale. */
    public <T> T write(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            bump();
        }
    }

    /** {@link #write(Supplier)} for a write that answers nothing. */
    public void write(Runnable write) {
        write(() -> {
            write.run();
            return null;
        });
    }

    /** After a write of the documents (finished or failed half-way): every answer read before it is stale. */
    private void bump() {
        mongo.getCollection(collection).updateOne(id, new Document("$inc", new Document("version", 1L)),
                new UpdateOptions().upsert(true));
    }

    private long version() {
        Document current = mongo.getCollection(collection).find(id).first();
        return current == null ? 0 : ((Number) current.get("version")).longValue();
    }
}
