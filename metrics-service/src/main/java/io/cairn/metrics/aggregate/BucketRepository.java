package io.cairn.metrics.aggregate;

import io.cairn.metrics.ingest.Submission;
import io.cairn.metrics.score.Correlation;
import io.cairn.metrics.score.Distribution;
import io.cairn.metrics.score.Metric;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Pre-aggregated answers (bucket pattern): per touchpoint, metric, day and segment combination, the
 * count of each score and the running sums for correlation with the overall outcome. Each answer is
 * added twice: to its segment combination's bucket and to the day's all-respondents bucket
 * ({@code segmentKey "*"}), so unfiltered reads touch one bucket per touchpoint and day.
 */
@Repository
public class BucketRepository {

    public static final String COLLECTION = "buckets";
    public static final String ALL = "*";

    private final MongoTemplate mongo;

    public BucketRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("touchpointId", Sort.Direction.ASC)
                .on("segmentKey", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("journeyId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    }

    /** Adds the answers of {@code submissions} (those {@code include} accepts) with one bulk write of increments. */
    public void add(Collection<Submission> submissions, BiPredicate<String, String> include) {
        Map<String, Increment> increments = new LinkedHashMap<>();
        for (Submission s : submissions) {
            String segmentKey = segmentKey(s.segments());
            Double outcome = s.outcomeValue();
            for (Submission.Answer answer : s.answers()) {
                if (!include.test(answer.touchpointId(), s.day())) {
                    continue;
                }
                for (String key : List.of(segmentKey, ALL)) {
                    String id = s.journeyId() + "|" + answer.touchpointId() + "|" + answer.metric() + "|" + s.day() + "|" + key;
                    increments.computeIfAbsent(id, x -> new Increment(answer.touchpointId(), s.journeyId(),
                            answer.metric(), s.day(), key, key.equals(ALL) ? Map.of() : s.segments()))
                            .add(answer.score(), outcome);
                }
            }
        }
        if (increments.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        increments.forEach((id, inc) -> bulk.upsert(Query.query(Criteria.where("_id").is(id)), inc.update()));
        bulk.execute();
    }

    /** Removes the buckets of these touchpoints on these days (before they are counted again). */
    public void remove(String touchpointId, String day) {
        mongo.remove(Query.query(Criteria.where("touchpointId").is(touchpointId).and("day").is(day)), COLLECTION);
    }

    /**
     * The summed answers per touchpoint and metric over {@code fromDay..toDay}, for respondents whose
     * segments include every entry of {@code segmentFilter} (empty: everyone).
     */
    public Map<String, Map<Metric, Totals>> totals(Collection<String> touchpointIds, String fromDay, String toDay,
            Map<String, String> segmentFilter) {
        return sum(rows(touchpointIds, fromDay, toDay, segmentFilter));
    }

    /** The buckets of the window one by one (per day and, with a segment filter, per segment combination). */
    public List<Row> rows(Collection<String> touchpointIds, String fromDay, String toDay, Map<String, String> segmentFilter) {
        return rows(Criteria.where("touchpointId").in(touchpointIds), fromDay, toDay, segmentFilter);
    }

    /** The segment-combination buckets (never the all-respondents ones), for breakdowns by an attribute. */
    public List<Row> rowsWithSegments(Collection<String> touchpointIds, String fromDay, String toDay,
            Map<String, String> segmentFilter) {
        Criteria criteria = Criteria.where("touchpointId").in(touchpointIds).and("day").gte(fromDay).lte(toDay)
                .and("segmentKey").ne(ALL);
        segmentFilter.forEach((key, value) -> criteria.and("segments." + key).is(value));
        return read(criteria);
    }

    /** The buckets of every touchpoint of a journey in the window. */
    public List<Row> rowsOfJourney(String journeyId, String fromDay, String toDay, Map<String, String> segmentFilter) {
        return rows(Criteria.where("journeyId").is(journeyId), fromDay, toDay, segmentFilter);
    }

    /** Sums rows per touchpoint and metric. */
    public static Map<String, Map<Metric, Totals>> sum(List<Row> rows) {
        Map<String, Map<Metric, Totals>> totals = new LinkedHashMap<>();
        for (Row row : rows) {
            totals.computeIfAbsent(row.touchpointId(), id -> new LinkedHashMap<>()).merge(row.metric(), row.totals(), Totals::plus);
        }
        return totals;
    }

    private List<Row> rows(Criteria scope, String fromDay, String toDay, Map<String, String> segmentFilter) {
        Criteria criteria = scope.and("day").gte(fromDay).lte(toDay);
        if (segmentFilter.isEmpty()) {
            criteria.and("segmentKey").is(ALL);
        } else {
            criteria.and("segmentKey").ne(ALL);
            segmentFilter.forEach((key, value) -> criteria.and("segments." + key).is(value));
        }
        return read(criteria);
    }

    private List<Row> read(Criteria criteria) {
        List<Row> rows = new java.util.ArrayList<>();
        for (Document bucket : mongo.find(Query.query(criteria), Document.class, COLLECTION)) {
            Metric metric = Metric.valueOf(bucket.getString("metric"));
            long[] counts = new long[metric.max() + 1];
            for (int score = metric.min(); score <= metric.max(); score++) {
                counts[score] = number(bucket, "s" + score).longValue();
            }
            Correlation sums = new Correlation(number(bucket, "cn").longValue(), number(bucket, "cx").doubleValue(),
                    number(bucket, "cy").doubleValue(), number(bucket, "cxx").doubleValue(),
                    number(bucket, "cyy").doubleValue(), number(bucket, "cxy").doubleValue());
            @SuppressWarnings("unchecked")
            Map<String, String> segments = bucket.get("segments", Map.class);
            rows.add(new Row(bucket.getString("touchpointId"), metric, bucket.getString("day"),
                    segments == null ? Map.of() : segments, new Totals(new Distribution(metric, counts), sums)));
        }
        return rows;
    }

    /** One bucket as read. */
    public record Row(String touchpointId, Metric metric, String day, Map<String, String> segments, Totals totals) {
    }

    private static Number number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number n ? n : 0;
    }

    /** {@code class=business;type=personal}: the canonical key of a segment combination. */
    static String segmentKey(Map<String, String> segments) {
        return segments.isEmpty() ? "-" : segments.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    /** Answers and correlation sums of one bucket. */
    public record Totals(Distribution distribution, Correlation outcome) {

        public Totals plus(Totals other) {
            return new Totals(distribution.plus(other.distribution), outcome.plus(other.outcome));
        }
    }

    private static final class Increment {
        private final String touchpointId;
        private final String journeyId;
        private final Metric metric;
        private final String day;
        private final String segmentKey;
        private final Map<String, String> segments;
        private final long[] counts;
        private Correlation sums = Correlation.EMPTY;

        Increment(String touchpointId, String journeyId, Metric metric, String day, String segmentKey,
                Map<String, String> segments) {
            this.touchpointId = touchpointId;
            this.journeyId = journeyId;
            this.metric = metric;
            this.day = day;
            this.segmentKey = segmentKey;
            this.segments = segments;
            this.counts = new long[metric.max() + 1];
        }

        void add(int score, Double outcome) {
            counts[score]++;
            if (outcome != null) {
                sums = sums.add(score, outcome);
            }
        }

        Update update() {
            Update update = new Update()
                    .setOnInsert("touchpointId", touchpointId).setOnInsert("journeyId", journeyId)
                    .setOnInsert("metric", metric.name()).setOnInsert("day", day)
                    .setOnInsert("segmentKey", segmentKey).setOnInsert("segments", segments);
            for (int score = 0; score < counts.length; score++) {
                if (counts[score] > 0) {
                    update.inc("s" + score, counts[score]);
                }
            }
            if (sums.n() > 0) {
                update.inc("cn", sums.n()).inc("cx", sums.sumX()).inc("cy", sums.sumY()).inc("cxx", sums.sumXX())
                        .inc("cyy", sums.sumYY()).inc("cxy", sums.sumXY());
            }
            return update;
        }
    }
}
