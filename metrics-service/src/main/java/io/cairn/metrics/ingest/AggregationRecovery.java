package io.cairn.metrics.ingest;

import io.cairn.metrics.aggregate.BucketRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Before the service takes traffic: submissions stored but not marked counted (the process stopped
 * in between) may or may not be in the buckets. Their touchpoints' buckets of those days are rebuilt
 * from every submission of those days, which is exact either way.
 */
@Component
class AggregationRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AggregationRecovery.class);

    private final MongoTemplate mongo;
    private final BucketRepository buckets;

    AggregationRecovery(MongoTemplate mongo, BucketRepository buckets) {
        this.mongo = mongo;
        this.buckets = buckets;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Submission> pending = mongo.find(Query.query(Criteria.where("aggregated").is(false)), Submission.class);
        if (pending.isEmpty()) {
            return;
        }
        Set<String> affected = new HashSet<>();
        Set<String> days = new HashSet<>();
        for (Submission s : pending) {
            days.add(s.day());
            s.answers().forEach(a -> affected.add(a.touchpointId() + "|" + s.day()));
        }
        affected.forEach(key -> buckets.remove(key.substring(0, key.lastIndexOf('|')), key.substring(key.lastIndexOf('|') + 1)));
        for (String day : days) {
            List<Submission> all = mongo.find(Query.query(Criteria.where("day").is(day)), Submission.class);
            buckets.add(all, (touchpoint, d) -> affected.contains(touchpoint + "|" + d));
        }
        mongo.updateMulti(Query.query(Criteria.where("aggregated").is(false)), Update.update("aggregated", true),
                Submission.class);
        log.warn("Re-counted {} submissions whose counting had been interrupted", pending.size());
    }
}
