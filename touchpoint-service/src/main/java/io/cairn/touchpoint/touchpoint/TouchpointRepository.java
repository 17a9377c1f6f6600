package io.cairn.touchpoint.touchpoint;

import io.cairn.platform.mongo.ReadCache;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The touchpoints collection: single-document writes, an index for every query path. The touchpoints of a
 * journey (what every map and every weakness analysis reads) are kept between two writes of any replica
 * ({@link ReadCache}), so a map costs one read of a counter instead of a query and the mapping of each
 * touchpoint.
 */
@Repository
public class TouchpointRepository {

    /** Journey reads kept by default. */
    public static final int READ_CACHE_SIZE = 256;
    private static final Sort MAP_ORDER = Sort.by("journeyId", "stageId", "rank", "_id");

    private final MongoTemplate mongo;
    private final ReadCache cache;

    @Autowired
    public TouchpointRepository(MongoTemplate mongo,
            @Value("${cairn.touchpoints.read-cache-size:" + READ_CACHE_SIZE + "}") int cacheSize) {
        this.mongo = mongo;
        this.cache = new ReadCache(mongo, "touchpoint_version", "touchpoints", cacheSize);
        IndexOperations indexes = mongo.indexOps(Touchpoint.class);
        indexes.createIndex(new Index().on("journeyId", Sort.Direction.ASC).on("stageId", Sort.Direction.ASC)
                .on("rank", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("ownerTeam", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("channel", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("dimension", Sort.Direction.ASC));
    }

    public TouchpointRepository(MongoTemplate mongo) {
        this(mongo, READ_CACHE_SIZE);
    }

    public Touchpoint insert(Touchpoint touchpoint) {
        return cache.write(() -> mongo.insert(touchpoint));
    }

    public void insertAll(List<Touchpoint> touchpoints) {
        cache.write(() -> mongo.insert(touchpoints, Touchpoint.class));
    }

    public Optional<Touchpoint> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Touchpoint.class));
    }

    /** Replaces the touchpoint if it is still at {@code expectedVersion}. */
    public boolean replace(Touchpoint touchpoint, long expectedVersion) {
        return cache.write(() -> mongo.replace(versioned(touchpoint.id(), expectedVersion), touchpoint).getMatchedCount() == 1);
    }

    public boolean delete(String id, long expectedVersion) {
        return cache.write(() -> mongo.remove(versioned(id, expectedVersion), Touchpoint.class).getDeletedCount() == 1);
    }

    /** The touchpoints of one stage, in order. */
    public List<Touchpoint> inStage(String journeyId, String stageId) {
        return mongo.find(Query.query(Criteria.where("journeyId").is(journeyId).and("stageId").is(stageId))
                .with(Sort.by("rank", "_id")), Touchpoint.class);
    }

    /** Every touchpoint of these journeys, by journey, stage and order (a list shared with other readers: read only). */
    public List<Touchpoint> ofJourneys(Collection<String> journeyIds) {
        List<String> key = List.copyOf(new java.util.TreeSet<>(journeyIds));
        return cache.get(key, () -> List.copyOf(mongo.find(Query.query(Criteria.where("journeyId").in(key)).with(MAP_ORDER),
                Touchpoint.class)));
    }

    /** Sets a rank without touching the version: spreading ranks out keeps the order, so it is not an edit. */
    public void setRank(String id, double rank) {
        cache.write(() -> mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("rank", rank), Touchpoint.class));
    }

    public TouchpointPage search(TouchpointSearch search) {
        Criteria criteria = new Criteria();
        if (search.journeyId() != null) {
            criteria.and("journeyId").is(search.journeyId());
        }
        if (search.channel() != null) {
            criteria.and("channel").is(search.channel());
        }
        if (search.dimension() != null) {
            criteria.and("dimension").is(search.dimension());
        }
        if (search.ownerTeam() != null) {
            java.util.List<String> teams = search.ownerTeam().stream().filter(t -> t != null && !t.isBlank())
                    .map(String::trim).toList();
            if (!teams.isEmpty()) {
                criteria.and("ownerTeam").in(teams);
            }
        }
        if (search.text() != null && !search.text().isBlank()) {
            Pattern pattern = Pattern.compile(Pattern.quote(search.text().trim()), Pattern.CASE_INSENSITIVE);
            criteria.orOperator(Criteria.where("name").regex(pattern), Criteria.where("description").regex(pattern));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Touchpoint.class);
        query.with(MAP_ORDER).skip(search.offsetOrDefault()).limit(search.limitOrDefault());
        return new TouchpointPage(mongo.find(query, Touchpoint.class), total, search.offsetOrDefault(),
                search.limitOrDefault());
    }

    private static Query versioned(String id, long version) {
        return Query.query(Criteria.where("_id").is(id).and("version").is(version));
    }
}
