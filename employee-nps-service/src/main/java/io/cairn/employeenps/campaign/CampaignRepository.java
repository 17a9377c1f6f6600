package io.cairn.employeenps.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The campaigns, replaced whole with an optimistic version check. */
@Repository
public class CampaignRepository {

    private final MongoTemplate mongo;

    public CampaignRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Campaign insert(Campaign campaign) {
        return mongo.insert(campaign);
    }

    public Optional<Campaign> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Campaign.class));
    }

    /** Newest first. */
    public List<Campaign> findAll() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), Campaign.class);
    }

    public boolean replace(Campaign updated, long version) {
        return mongo.replace(Query.query(Criteria.where("_id").is(updated.id()).and("version").is(version)), updated)
                .getMatchedCount() == 1;
    }

    public void delete(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), Campaign.class);
    }
}
