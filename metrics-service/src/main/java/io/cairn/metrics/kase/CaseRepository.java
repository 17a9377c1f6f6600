package io.cairn.metrics.kase;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The cases; at most one unresolved case per rule and touchpoint (unique {@code openKey}). */
@Repository
public class CaseRepository {

    private final MongoTemplate mongo;

    public CaseRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(Case.class).createIndex(new Index().on("openKey", Sort.Direction.ASC).unique().sparse());
        mongo.indexOps(Case.class).createIndex(new Index().on("status", Sort.Direction.ASC).on("ownerTeam", Sort.Direction.ASC));
        mongo.indexOps(Case.class).createIndex(new Index().on("journeyId", Sort.Direction.ASC).on("openedAt", Sort.Direction.DESC));
    }

    /** Stores a new case unless one is open for the same rule and touchpoint (the unique open key decides). */
    public boolean insertUnlessOpen(Case fresh) {
        try {
            mongo.insert(fresh);
            return true;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        }
    }

    public Optional<Case> findOpen(String openKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("openKey").is(openKey)), Case.class));
    }

    public Optional<Case> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Case.class));
    }

    /** Replaces the case if it is still at {@code version}. */
    public boolean replace(Case updated, long version) {
        return mongo.replace(Query.query(Criteria.where("_id").is(updated.id()).and("version").is(version)), updated)
                .getMatchedCount() == 1;
    }

    public List<Case> find(Case.Status status, String team, String journeyId, int offset, int limit) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (team != null && !team.isBlank()) {
            criteria.and("ownerTeam").is(team);
        }
        if (journeyId != null && !journeyId.isBlank()) {
            criteria.and("journeyId").is(journeyId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "openedAt")).skip(offset).limit(limit),
                Case.class);
    }

}
