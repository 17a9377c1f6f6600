package io.cairn.journey.revision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The history of every journey; a revision's id is {@code <journey id>:<number>}, so recording is idempotent. */
@Repository
public class RevisionRepository {

    private final MongoTemplate mongo;

    public RevisionRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Revision.class).createIndex(new Index()
                .on("journeyId", Sort.Direction.ASC).on("number", Sort.Direction.DESC).unique());
    }

    /** Stores the revision unless it is already there (null is ignored). */
    public void record(Revision revision) {
        if (revision != null) {
            mongo.save(revision);
        }
    }

    public List<Revision> list(String journeyId, int offset, int limit) {
        return mongo.find(byJourney(journeyId).with(Sort.by(Sort.Direction.DESC, "number")).skip(offset).limit(limit),
                Revision.class);
    }

    public long count(String journeyId) {
        return mongo.count(byJourney(journeyId), Revision.class);
    }

    public Optional<Revision> find(String journeyId, long number) {
        return Optional.ofNullable(mongo.findById(Revision.id(journeyId, number), Revision.class));
    }

    public void deleteAll(String journeyId) {
        mongo.remove(byJourney(journeyId), Revision.class);
    }

    private static Query byJourney(String journeyId) {
        return Query.query(Criteria.where("journeyId").is(journeyId));
    }
}
