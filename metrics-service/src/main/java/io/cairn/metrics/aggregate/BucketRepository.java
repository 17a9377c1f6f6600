package io.cairn.metrics.aggregate;

import io.cairn.metrics.ingest.Submission;
import io.cairn.metrics.score.Correlation;
import io.cairn.metrics.score.Distribution;
import io.cairn.metrics.score.Metric;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import io.cairn.platform.mongo.ReadCache;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Pre-aggregated answers (bucket pattern): each answer is counted in three buckets, in one bulk write per
 * collection:
 * <ul>
 * <li>{@value #DAYS}: everyone, per touchpoint and day, {@code _id = <touchpoint>|<yyyy-MM-dd>} (nothing
 * else: the id says it);</li>
 * <li>{@value #MONTHS}: everyone, per touchpoint and month, {@code _id = <touchpoint>|<yyyy-MM>};</li>
 * <li>{@value #SEGMENTS}: per touchpoint, day and segment combination, for filters and breakdowns.</li>
 * </ul>
 * Unfiltered reads address buckets by id (no index needed) and take whole months from the month
 * buckets, so a 90-day summary reads a handful of documents per touchpoint whatever the number of
 * submissions. A bucket counts answers by score and overall outcome, in flat fields named by metric
 * ({@code CSAT_s4}: answers scoring 4 without an outcome; {@code CSAT_s4o9}: scoring 4 with outcome 9), from
 * which the score distribution and the correlation sums are exact (outcomes are whole numbers 0-10). An
 * answer is one field to increment: the embedded server's cost of an update is per field it names (several
 * path look-ups each, and a check of every pair of fields), and the six correlation sums had made each answer
 * seven.
 */
@Repository
public class BucketRepository {

    public static final String DAYS = "touchpoint_days";
    public static final String MONTHS = "touchpoint_months";
    public static final String SEGMENTS = "buckets";
    /** Which segment attributes and values a journey's answers came with (for filter choices). */
    public static final String SEGMENT_VALUES = "segment_values";
    /**
     * Ids per {@code $in}: the embedded server checks each document found against the whole list, so its cost grows
     * with the square of the list; 50 read the 90-day summary of 120 touchpoints 15% sooner than 200 there, 20 slower.
     */
    public static final int IDS_PER_QUERY = 50;
    static final int WRITES_PER_CALL = 1_000;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    /**
     * Threads for the reads and writes made beside others (one collection's beside another's), carrying the caller's
     * context (its trace).
     */
    private static final java.util.concurrent.Executor BESIDE = io.micrometer.context.ContextExecutorService.wrap(
            java.util.concurrent.Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "buckets-beside");
                thread.setDaemon(true);
                return thread;
            }), io.micrometer.context.ContextSnapshotFactory.builder().build());
    /** Outcomes counted with an answer: none, or 0-10. */
    private static final int OUTCOMES = 12;
    /** Field names by metric, score and outcome (index 0: none; 1 + outcome otherwise), and what each name counts. */
    private static final Map<Metric, String[]> FIELDS = new java.util.EnumMap<>(Metric.class);
    private static final Map<String, Count> COUNTS = new java.util.HashMap<>();

    static {
        for (Metric metric : Metric.values()) {
            String[] names = new String[(metric.max() + 1) * OUTCOMES];
            for (int score = metric.min(); score <= metric.max(); score++) {
                for (int outcome = -1; outcome < OUTCOMES - 1; outcome++) {
                    String name = metric + "_s" + score + (outcome < 0 ? "" : "o" + outcome);
                    names[score * OUTCOMES + outcome + 1] = name;
                    COUNTS.put(name, new Count(metric, score, outcome));
                }
            }
            FIELDS.put(metric, names);
        }
    }

    /** What a bucket field counts: answers of a metric with a score, and an outcome (-1: none). */
    private record Count(Metric metric, int score, int outcome) {
    }

    /** Read answers kept by default (see {@link ReadCache}). */
    public static final int READ_CACHE_SIZE = 256;

    private final MongoTemplate mongo;
    private final ReadCache cache;

    /** {@code cacheSize}: read answers kept until the next write of buckets (see {@link ReadCache}); 0: none. */
    @org.springframework.beans.factory.annotation.Autowired
    public BucketRepository(MongoTemplate mongo,
            @org.springframework.beans.factory.annotation.Value("${cairn.metrics.read-cache-size:" + READ_CACHE_SIZE + "}") int cacheSize) {
        this.mongo = mongo;
        this.cache = new ReadCache(mongo, "bucket_version", "buckets", cacheSize);
        mongo.indexOps(SEGMENTS).createIndex(new Index().on("touchpointId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
        mongo.indexOps(SEGMENTS).createIndex(new Index().on("journeyId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
        mongo.indexOps(MONTHS).createIndex(new Index().on("journeyId", Sort.Direction.ASC));
        mongo.indexOps(SEGMENT_VALUES).createIndex(new Index().on("journeyId", Sort.Direction.ASC));
    }

    public BucketRepository(MongoTemplate mongo) {
        this(mongo, READ_CACHE_SIZE);
    }

    /** Adds the answers of {@code submissions} (those {@code include} accepts) with one bulk write of increments per collection. */
    public void add(Collection<Submission> submissions, BiPredicate<String, String> include) {
        cache.write(() -> write(submissions, include));
    }

    private void write(Collection<Submission> submissions, BiPredicate<String, String> include) {
        Map<String, Increment> days = new LinkedHashMap<>();
        Map<String, Increment> months = new LinkedHashMap<>();
        Map<String, Increment> segments = new LinkedHashMap<>();
        Map<String, Document> values = new LinkedHashMap<>();
        for (Submission s : submissions) {
            s.segments().forEach((attribute, value) -> values.putIfAbsent(s.journeyId() + "|" + attribute + "|" + value,
                    new Document("journeyId", s.journeyId()).append("attribute", attribute).append("value", value)));
            String segmentKey = segmentKey(s.segments());
            String month = s.day().substring(0, 7);
            Double outcome = s.outcomeValue();
            for (Submission.Answer answer : s.answers()) {
                String tp = answer.touchpointId();
                if (!include.test(tp, s.day())) {
                    continue;
                }
                days.computeIfAbsent(tp + "|" + s.day(), id -> new Increment()).add(answer, outcome);
                months.computeIfAbsent(tp + "|" + month, id -> new Increment().on("touchpointId", tp)
                        .on("journeyId", s.journeyId()).on("month", month)).add(answer, outcome);
                segments.computeIfAbsent(s.journeyId() + "|" + tp + "|" + s.day() + "|" + segmentKey,
                        id -> new Increment().on("touchpointId", tp).on("journeyId", s.journeyId()).on("day", s.day())
                                .on("segments", s.segments()))
                        .add(answer, outcome);
            }
        }
        // the segment buckets are most of the writes: the other collections are written meanwhile, on another
        // connection (the server takes each collection's writes one at a time, but different collections at once)
        CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
            upsert(DAYS, days);
            upsert(MONTHS, months);
            if (!values.isEmpty()) {
                List<UpdateOneModel<Document>> writes = new ArrayList<>();
                values.forEach((id, fields) -> writes.add(new UpdateOneModel<>(new Document("_id", id),
                        new Document("$setOnInsert", fields), new UpdateOptions().upsert(true))));
                mongo.getCollection(SEGMENT_VALUES).bulkWrite(writes, UNORDERED);
            }
        }, BESIDE);
        try {
            upsert(SEGMENTS, segments);
        } finally {
            // done either way before the caller goes on (a failure of either is the caller's)
            joined(others);
        }
    }

    /** The result of work done {@link #BESIDE}, its failure thrown as it was. */
    private static <T> T joined(CompletableFuture<T> beside) {
        try {
            return beside.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The segment attributes of a journey's answers, each with its values (normalised), sorted. */
    public Map<String, List<String>> segmentsOf(String journeyId) {
        return cache.get(List.of("segments", journeyId), () -> readSegmentsOf(journeyId));
    }

    private Map<String, List<String>> readSegmentsOf(String journeyId) {
        Map<String, List<String>> segments = new java.util.TreeMap<>();
        for (Document d : mongo.getCollection(SEGMENT_VALUES).find(Filters.eq("journeyId", journeyId))) {
            segments.computeIfAbsent(d.getString("attribute"), a -> new ArrayList<>()).add(d.getString("value"));
        }
        segments.replaceAll((attribute, values) -> List.copyOf(values.stream().sorted().toList()));
        return java.util.Collections.unmodifiableMap(segments);
    }

    /** Raw driver writes in slices: the mapping layer and one huge message each cost more than the writes. */
    private void upsert(String collection, Map<String, Increment> increments) {
        List<UpdateOneModel<Document>> writes = new ArrayList<>(Math.min(increments.size(), WRITES_PER_CALL));
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        for (Map.Entry<String, Increment> e : increments.entrySet()) {
            writes.add(new UpdateOneModel<>(new Document("_id", e.getKey()), e.getValue().update(), upsert));
            if (writes.size() == WRITES_PER_CALL) {
                mongo.getCollection(collection).bulkWrite(writes, UNORDERED);
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            mongo.getCollection(collection).bulkWrite(writes, UNORDERED);
        }
    }

    /** Removes every bucket of a touchpoint in a month (before its answers are counted again). */
    public void remove(String touchpointId, YearMonth month) {
        cache.write(() -> removeBuckets(touchpointId, month));
    }

    private void removeBuckets(String touchpointId, YearMonth month) {
        List<String> dayIds = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            dayIds.add(touchpointId + "|" + day);
        }
        mongo.remove(Query.query(Criteria.where("_id").in(dayIds)), DAYS);
        mongo.remove(Query.query(Criteria.where("_id").is(touchpointId + "|" + month)), MONTHS);
        mongo.remove(Query.query(Criteria.where("touchpointId").is(touchpointId).and("day")
                .gte(month.atDay(1).toString()).lte(month.atEndOfMonth().toString())), SEGMENTS);
    }

    /** Removes every bucket (before all submissions are counted again); the collections and their indexes stay. */
    public void removeAll() {
        cache.write(() -> List.of(DAYS, MONTHS, SEGMENTS, SEGMENT_VALUES).forEach(collection -> mongo.remove(new Query(), collection)));
    }

    /**
     * The summed answers per touchpoint and metric over {@code fromDay..toDay}, for respondents whose
     * segments include every entry of {@code segmentFilter} (empty: everyone).
     */
    public Map<String, Map<Metric, Totals>> totals(Collection<String> touchpointIds, String fromDay, String toDay,
            Map<String, String> segmentFilter) {
        return cache.get(List.of("totals", List.copyOf(touchpointIds), fromDay, toDay, Map.copyOf(segmentFilter)),
                () -> readOnly(readTotals(touchpointIds, fromDay, toDay, segmentFilter)));
    }

    private Map<String, Map<Metric, Totals>> readTotals(Collection<String> touchpointIds, String fromDay, String toDay,
            Map<String, String> segmentFilter) {
        if (!segmentFilter.isEmpty()) {
            return sum(segmentRows(Criteria.where("touchpointId").in(touchpointIds), fromDay, toDay, segmentFilter));
        }
        // whole months from the month buckets; a part of a month from its days, or as the month less the other days
        Map<String, Integer> daySigns = new LinkedHashMap<>();
        List<String> monthIds = new ArrayList<>();
        LocalDate from = LocalDate.parse(fromDay);
        LocalDate to = LocalDate.parse(toDay);
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate first = max(from, month.atDay(1));
            LocalDate last = min(to, month.atEndOfMonth());
            int inside = (int) (last.toEpochDay() - first.toEpochDay() + 1);
            boolean viaMonth = inside > month.lengthOfMonth() - inside;
            for (String tp : touchpointIds) {
                if (viaMonth) {
                    monthIds.add(tp + "|" + month);
                }
                for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                    boolean in = !day.isBefore(first) && !day.isAfter(last);
                    if (viaMonth != in) {
                        daySigns.put(tp + "|" + day, viaMonth ? -1 : 1);
                    }
                }
            }
        }
        // the months beside the days: the embedded server answers one collection at a time, two at once
        CompletableFuture<List<Document>> months =
                CompletableFuture.supplyAsync(() -> byIds(MONTHS, monthIds), BESIDE);
        List<Document> days = byIds(DAYS, daySigns.keySet());
        Map<String, Map<Metric, Totals>> totals = new LinkedHashMap<>();
        for (Document bucket : joined(months)) {
            accumulate(totals, bucket, 1);
        }
        for (Document bucket : days) {
            accumulate(totals, bucket, daySigns.get(bucket.getString("_id")));
        }
        totals.values().forEach(perMetric -> perMetric.values().removeIf(Totals::isEmpty));
        totals.values().removeIf(Map::isEmpty);
        return totals;
    }

    /**
     * Several touchpoints' answers as one, per metric (a stage, any set): their distributions added up, so that the
     * same formulas and margins apply ({@code n} then counts answers, not respondents).
     */
    public static Map<Metric, Distribution> pooled(Collection<Map<Metric, Totals>> touchpoints) {
        Map<Metric, Distribution> pooled = new java.util.EnumMap<>(Metric.class);
        touchpoints.forEach(byMetric -> byMetric.forEach((metric, t) -> {
            if (t.distribution().n() > 0) {
                pooled.merge(metric, t.distribution(), Distribution::plus);
            }
        }));
        return pooled;
    }

    /** The summed answers of every touchpoint of a journey over the window (see {@link #totals}). */
    public Map<String, Map<Metric, Totals>> totalsOfJourney(String journeyId, String fromDay, String toDay,
            Map<String, String> segmentFilter) {
        return cache.get(List.of("journey", journeyId, fromDay, toDay, Map.copyOf(segmentFilter)),
                () -> readOnly(readTotalsOfJourney(journeyId, fromDay, toDay, segmentFilter)));
    }

    private Map<String, Map<Metric, Totals>> readTotalsOfJourney(String journeyId, String fromDay, String toDay,
            Map<String, String> segmentFilter) {
        if (!segmentFilter.isEmpty()) {
            return sum(segmentRows(Criteria.where("journeyId").is(journeyId), fromDay, toDay, segmentFilter));
        }
        Set<String> touchpoints = new LinkedHashSet<>();
        mongo.getCollection(MONTHS).find(Filters.eq("journeyId", journeyId)).projection(Projections.include("touchpointId"))
                .forEach(d -> touchpoints.add(d.getString("touchpointId")));
        return touchpoints.isEmpty() ? Map.of() : readTotals(touchpoints, fromDay, toDay, segmentFilter);
    }

    /** The window day by day (per segment combination with a segment filter). */
    public List<Row> rows(Collection<String> touchpointIds, String fromDay, String toDay, Map<String, String> segmentFilter) {
        if (!segmentFilter.isEmpty()) {
            return segmentRows(Criteria.where("touchpointId").in(touchpointIds), fromDay, toDay, segmentFilter);
        }
        List<String> ids = new ArrayList<>();
        for (LocalDate day = LocalDate.parse(fromDay); !day.isAfter(LocalDate.parse(toDay)); day = day.plusDays(1)) {
            for (String tp : touchpointIds) {
                ids.add(tp + "|" + day);
            }
        }
        List<Row> rows = new ArrayList<>();
        byIds(DAYS, ids).forEach(bucket -> rows.addAll(rowsOf(bucket)));
        return rows;
    }

    /** The segment-combination buckets of the window, for breakdowns by an attribute. */
    public List<Row> rowsWithSegments(Collection<String> touchpointIds, String fromDay, String toDay,
            Map<String, String> segmentFilter) {
        return segmentRows(Criteria.where("touchpointId").in(touchpointIds), fromDay, toDay, segmentFilter);
    }

    /** Answers are shared by the readers of the cache: none may change them. */
    private static Map<String, Map<Metric, Totals>> readOnly(Map<String, Map<Metric, Totals>> totals) {
        if (totals.isEmpty()) {
            return Map.of();
        }
        totals.replaceAll((touchpoint, perMetric) -> java.util.Collections.unmodifiableMap(perMetric));
        return java.util.Collections.unmodifiableMap(totals);
    }

    /** Sums rows per touchpoint and metric. */
    public static Map<String, Map<Metric, Totals>> sum(List<Row> rows) {
        Map<String, Map<Metric, Totals>> totals = new LinkedHashMap<>();
        for (Row row : rows) {
            totals.computeIfAbsent(row.touchpointId(), id -> new LinkedHashMap<>()).merge(row.metric(), row.totals(), Totals::plus);
        }
        return totals;
    }

    private List<Row> segmentRows(Criteria scope, String fromDay, String toDay, Map<String, String> segmentFilter) {
        Criteria criteria = scope.and("day").gte(fromDay).lte(toDay);
        segmentFilter.forEach((key, value) -> criteria.and("segments." + key).is(value));
        List<Row> rows = new ArrayList<>();
        mongo.getCollection(SEGMENTS).find(criteria.getCriteriaObject()).forEach(bucket -> rows.addAll(rowsOf(bucket)));
        return rows;
    }

    // Buckets are plain documents: every read goes through the driver's own collection, since the mapping
    // layer's conversion of the query and of every field read cost a fifth of a summary
    private List<Document> byIds(String collection, Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        for (List<String> chunk : chunks(List.copyOf(ids))) {
            mongo.getCollection(collection).find(Filters.in("_id", chunk)).into(found);
        }
        return found;
    }

    /** Lists of at most {@link #IDS_PER_QUERY}, for {@code $in} queries. */
    public static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IDS_PER_QUERY) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IDS_PER_QUERY)));
        }
        return chunks;
    }

    private static void accumulate(Map<String, Map<Metric, Totals>> totals, Document bucket, int sign) {
        for (Row row : rowsOf(bucket)) {
            Totals t = sign > 0 ? row.totals() : row.totals().negated();
            totals.computeIfAbsent(row.touchpointId(), id -> new LinkedHashMap<>()).merge(row.metric(), t, Totals::plus);
        }
    }

    /** A bucket's figures, one row per metric it holds. */
    private static List<Row> rowsOf(Document bucket) {
        Map<Metric, long[]> counts = new java.util.EnumMap<>(Metric.class);
        // per metric: n, sum x, sum y, sum xx, sum yy, sum xy of the answers with an outcome
        Map<Metric, double[]> sums = new java.util.EnumMap<>(Metric.class);
        bucket.forEach((field, value) -> {
            Count count = COUNTS.get(field);
            if (count == null || !(value instanceof Number number) || number.longValue() == 0) {
                return;
            }
            long n = number.longValue();
            counts.computeIfAbsent(count.metric(), m -> new long[m.max() + 1])[count.score()] += n;
            if (count.outcome() >= 0) {
                double x = count.score();
                double y = count.outcome();
                double[] s = sums.computeIfAbsent(count.metric(), m -> new double[6]);
                s[0] += n;
                s[1] += n * x;
                s[2] += n * y;
                s[3] += n * x * x;
                s[4] += n * y * y;
                s[5] += n * x * y;
            }
        });
        String touchpointId = bucket.getString("touchpointId");
        String day = bucket.getString("day");
        if (touchpointId == null) {
            // a day bucket of everyone: its id is <touchpoint>|<day>
            String id = bucket.getString("_id");
            touchpointId = id.substring(0, id.lastIndexOf('|'));
            day = id.substring(id.lastIndexOf('|') + 1);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> segments = bucket.get("segments", Map.class);
        List<Row> rows = new ArrayList<>(counts.size());
        for (Map.Entry<Metric, long[]> e : counts.entrySet()) {
            double[] s = sums.get(e.getKey());
            Correlation outcome = s == null ? Correlation.EMPTY : new Correlation((long) s[0], s[1], s[2], s[3], s[4], s[5]);
            rows.add(new Row(touchpointId, e.getKey(), day, segments == null ? Map.of() : segments,
                    new Totals(new Distribution(e.getKey(), e.getValue()), outcome)));
        }
        return rows;
    }

    /** One metric of one bucket as read. */
    public record Row(String touchpointId, Metric metric, String day, Map<String, String> segments, Totals totals) {
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
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

        Totals negated() {
            return new Totals(distribution.negated(), outcome.negated());
        }

        boolean isEmpty() {
            return distribution.n() == 0 && outcome.n() == 0;
        }
    }

    /** The increments of one bucket in one write: fixed fields set on insert, answers by metric, score and outcome. */
    private static final class Increment {
        private final Map<String, Object> onInsert = new LinkedHashMap<>();
        private final Map<Metric, long[]> counts = new java.util.EnumMap<>(Metric.class);

        Increment on(String field, Object value) {
            onInsert.put(field, value);
            return this;
        }

        void add(Submission.Answer answer, Double outcome) {
            int column = outcome == null ? 0 : 1 + outcome.intValue();
            counts.computeIfAbsent(answer.metric(), m -> new long[(m.max() + 1) * OUTCOMES])[answer.score() * OUTCOMES + column]++;
        }

        Document update() {
            Document inc = new Document();
            counts.forEach((metric, answers) -> {
                String[] names = FIELDS.get(metric);
                for (int i = 0; i < answers.length; i++) {
                    if (answers[i] > 0) {
                        inc.put(names[i], answers[i]);
                    }
                }
            });
            Document update = new Document("$inc", inc);
            return onInsert.isEmpty() ? update : update.append("$setOnInsert", new Document(onInsert));
        }
    }
}
