package io.cairn.journey.journey;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The journeys collection: single-document writes only, an index for every listing path. */
@Repository
public class JourneyRepository {

    private final MongoTemplate mongo;

    public JourneyRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        IndexOperations indexes = mongo.indexOps(Journey.class);
        indexes.createIndex(new Index().on("updatedAt", Sort.Direction.DESC).on("_id", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("updatedAt", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("tags", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("ownerTeam", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("name", Sort.Direction.ASC));
    }

    public Journey insert(Journey journey) {
        return mongo.insert(journey);
    }

    /** Replaces the journey if it is still at {@code expectedVersion}; false when it is not (or gone). */
    public boolean replace(Journey journey, long expectedVersion) {
        Query current = Query.query(Criteria.where("_id").is(journey.id()).and("version").is(expectedVersion));
        return mongo.replace(current, journey).getMatchedCount() == 1;
    }

    /** Deletes the journey if it is still at {@code expectedVersion}. */
    public boolean delete(JourneyId id, long expectedVersion) {
        Query current = Query.query(Criteria.where("_id").is(id.value()).and("version").is(expectedVersion));
        return mongo.remove(current, Journey.class).getDeletedCount() == 1;
    }

    public Optional<Journey> findById(JourneyId id) {
        return Optional.ofNullable(mongo.findById(id.value(), Journey.class));
    }

    public JourneyPage search(JourneyQuery q) {
        Criteria criteria = new Criteria();
        if (q.status() != null) {
            criteria.and("status").is(q.status());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            criteria.and("tags").is(Tags.normalise(q.tag()));
        }
        if (q.owner() != null && !q.owner().isBlank()) {
            criteria.and("ownerTeam").is(q.owner().trim());
        }
        if (q.text() != null && !q.text().isBlank()) {
            Pattern pattern = Pattern.compile(Pattern.quote(q.text().trim()), Pattern.CASE_INSENSITIVE);
            criteria.orOperator(Criteria.where("name").regex(pattern), Criteria.where("description").regex(pattern));
        }
        String[] sort = q.sortOrDefault().split(",");
        Sort.Direction direction = sort.length > 1 && sort[1].equals("asc") ? Sort.Direction.ASC : Sort.Direction.DESC;
        Query query = Query.query(criteria);
        long total = mongo.count(query, Journey.class);
        query.with(Sort.by(direction, sort[0]).and(Sort.by(Sort.Direction.ASC, "_id")))
                .skip(q.offsetOrDefault())
                .limit(q.limitOrDefault());
        List<Journey> items = mongo.find(query, Journey.class);
        return new JourneyPage(items, total, q.offsetOrDefault(), q.limitOrDefault());
    }
}
