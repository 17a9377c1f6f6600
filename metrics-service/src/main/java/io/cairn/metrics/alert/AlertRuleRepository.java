package io.cairn.metrics.alert;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The alert rules, by journey. */
@Repository
public class AlertRuleRepository {

    private final MongoTemplate mongo;

    public AlertRuleRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AlertRule.class).createIndex(new Index().on("journeyId", Sort.Direction.ASC).on("type", Sort.Direction.ASC));
    }

    public AlertRule insert(AlertRule rule) {
        return mongo.insert(rule);
    }

    public List<AlertRule> ofJourney(String journeyId) {
        return mongo.find(Query.query(Criteria.where("journeyId").is(journeyId)), AlertRule.class);
    }

    public List<AlertRule> enabled(Collection<String> journeyIds, AlertRule.Type type) {
        return mongo.find(Query.query(Criteria.where("journeyId").in(journeyIds).and("type").is(type).and("enabled").is(true)),
                AlertRule.class);
    }

    /** Journeys that have enabled threshold rules (what the scheduler evaluates). */
    public List<String> journeysWithThresholdRules() {
        return mongo.findDistinct(Query.query(Criteria.where("enabled").is(true).and("type")
                .in(AlertRule.Type.BELOW_TARGET, AlertRule.Type.DROP)), "journeyId", AlertRule.class, String.class);
    }

    public boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), AlertRule.class).getDeletedCount() == 1;
    }
}
