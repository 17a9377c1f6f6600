package io.cairn.metrics.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.InsertManyOptions;
import io.cairn.metrics.aggregate.BucketRepository;
import io.cairn.metrics.alert.AlertEvaluator;
import io.cairn.metrics.ingest.IngestResult;
import io.cairn.metrics.ingest.IngestionJournal;
import io.cairn.metrics.ingest.IngestionService;
import io.cairn.metrics.touchpoint.FakeTouchpointService;
import io.cairn.metrics.touchpoint.JourneyTouchpoints;
import io.cairn.metrics.touchpoint.TouchpointClient;
import io.cairn.platform.mongo.EmbeddedMongoServer;
import jakarta.validation.Validation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;

/**
 * Benchmark harness (not a test): ingestion throughput against raw insertMany, and the 90-day summary of
 * 120 touchpoints at 100k and 1M submissions, on the embedded in-memory backend with the real driver.
 * Run (after ./mvnw -q -pl platform -am install -DskipTests):
 * MAVEN_OPTS=-Xmx12g ./mvnw -q -pl metrics-service test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.mainClass=io.cairn.metrics.bench.MetricsBenchmark -Dexec.classpathScope=test [-Dexec.args="1000000"]
 * Results are recorded in docs/benchmarks.md.
 */
public final class MetricsBenchmark {

    static final int TOUCHPOINTS = 120;
    static final int ITEMS = 14;
    static final int WARM_UP_READS = Integer.getInteger("cairn.bench.warmUpReads", 1_000);
    static final Random RANDOM = new Random(42);

    public static void main(String[] args) throws Exception {
        int large = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.memory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(server.connectionString("bench"));
                FakeTouchpointService touchpointService = new FakeTouchpointService()) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            // no read cache: every read measured reads its buckets
            BucketRepository buckets = new BucketRepository(mongo, 0);
            // the journeys' touchpoints, which ingestion checks answers against (read once per journey and kept)
            for (String journey : List.of("warmup", "ingest", "plain", "summary")) {
                for (int t = 0; t < TOUCHPOINTS; t++) {
                    touchpointService.add(journey, "tp-" + t);
                }
            }
            JourneyTouchpoints known = new JourneyTouchpoints(new TouchpointClient(RestClient.builder(), touchpointService.url(),
                    Duration.ofSeconds(5)), Duration.ofHours(1), Duration.ofMillis(100));
            IngestionService ingestion = new IngestionService(mongo, buckets, new IngestionJournal(mongo, Clock.systemUTC()),
                    Validation.buildDefaultValidatorFactory().getValidator(), known, Clock.systemUTC(),
                    new StaticListableBeanFactory().getBeanProvider(AlertEvaluator.class));
            System.out.printf("Cairn metrics benchmark: %d cores, Java %s, max heap %d MB%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() >> 20);

            // warm-up
            ingest(ingestion, "warmup", 0, 5_000, 14);

            // 1. bulk ingestion against raw insertMany of the same documents; then without segment attributes,
            // which shows what the per-segment buckets cost
            int n = 20_000;
            double cairnRate = ingestRate(ingestion, ndjson("ingest", 0, n, ITEMS));
            List<Document> raw = new ArrayList<>();
            for (Document d : mongo.getCollection("submissions").find(new Document("journeyId", "ingest"))) {
                d.put("_id", "raw-" + d.get("_id"));
                raw.add(d);
            }
            long start = System.nanoTime();
            for (int i = 0; i < raw.size(); i += 1000) {
                mongo.getCollection("raw").insertMany(raw.subList(i, Math.min(raw.size(), i + 1000)), new InsertManyOptions().ordered(false));
            }
            double rawRate = raw.size() / ((System.nanoTime() - start) / 1e9);
            String plain = new String(ndjson("plain", 0, n, ITEMS), StandardCharsets.UTF_8)
                    .replaceAll("\"segments\":\\{[^}]*\\},", "");
            double plainRate = ingestRate(ingestion, plain.getBytes(StandardCharsets.UTF_8));
            System.out.printf("Bulk NDJSON ingestion, %d submissions x %d items: %.0f submissions/s%n", n, ITEMS, cairnRate);
            System.out.printf("Raw insertMany of the same documents: %.0f documents/s -> ingestion is %.0f%% of raw%n",
                    rawRate, 100 * cairnRate / rawRate);
            System.out.printf("The same submissions without segment attributes: %.0f submissions/s (%.0f%% of raw)%n",
                    plainRate, 100 * plainRate / rawRate);

            // 2. the 90-day summary of 120 touchpoints at 100k and at `large` submissions
            List<String> ids = new ArrayList<>();
            for (int t = 0; t < TOUCHPOINTS; t++) {
                ids.add("tp-" + t);
            }
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String from = today.minusDays(89).toString();
            String to = today.toString();
            int loaded = 0;
            for (int target : new int[] {100_000, large}) {
                while (loaded < target) {
                    int chunk = Math.min(50_000, target - loaded);
                    if (loaded < 100_000) {
                        ingest(ingestion, "summary", loaded, chunk, ITEMS);
                    } else {
                        // beyond 100k straight into the buckets: reads never touch submissions, and the in-memory
                        // backend could not hold a million submission documents in this heap
                        buckets.add(submissions("summary", ids, chunk), (tp, day) -> true);
                    }
                    loaded += chunk;
                }
                // the read alone, as a running service answers it: the garbage of the loading above collected first,
                // then warm-up reads until the JIT has compiled the read path (100 were too few: the first measure
                // came out slower than the later one on the same documents)
                System.gc();
                Thread.sleep(2000);
                for (int i = 0; i < WARM_UP_READS; i++) {
                    buckets.totals(ids, from, to, Map.of());
                }
                double[] times = new double[100];
                for (int i = 0; i < times.length; i++) {
                    long t0 = System.nanoTime();
                    Map<String, Map<io.cairn.metrics.score.Metric, BucketRepository.Totals>> totals =
                            buckets.totals(ids, from, to, Map.of());
                    times[i] = (System.nanoTime() - t0) / 1e6;
                    if (totals.size() != TOUCHPOINTS) {
                        throw new IllegalStateException("expected " + TOUCHPOINTS + " touchpoints, got " + totals.size());
                    }
                }
                Arrays.sort(times);
                System.out.printf("90-day summary of %d touchpoints at %,d submissions: median %.1f ms, p95 %.1f ms (%d buckets)%n",
                        TOUCHPOINTS, loaded, times[times.length / 2], times[(int) (times.length * 0.95)],
                        mongo.getCollection(BucketRepository.DAYS).countDocuments()
                                + mongo.getCollection(BucketRepository.MONTHS).countDocuments()
                                + mongo.getCollection(BucketRepository.SEGMENTS).countDocuments());
            }
        }
    }

    static double ingestRate(IngestionService ingestion, byte[] lines) {
        long start = System.nanoTime();
        IngestResult result = ingestion.ingestLines(new ByteArrayInputStream(lines));
        return result.accepted() / ((System.nanoTime() - start) / 1e9);
    }

    static void ingest(IngestionService ingestion, String journey, int offset, int count, int items) {
        IngestResult result = ingestion.ingestLines(new ByteArrayInputStream(ndjson(journey, offset, count, items)));
        if (result.accepted() != count) {
            throw new IllegalStateException("accepted " + result.accepted() + " of " + count + ": " + result.rejections());
        }
    }

    /**
     * The same kind of submissions as {@link #ndjson} (each answering 14 of {@code touchpointIds}), already
     * normalised, for the buckets only.
     */
    static List<io.cairn.metrics.ingest.Submission> submissions(String journey, List<String> touchpointIds, int count) {
        List<io.cairn.metrics.ingest.Submission> submissions = new ArrayList<>(count);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String[] classes = {"business", "economy", "economy plus"};
        String[] types = {"returning", "first time"};
        String[] travel = {"business", "personal"};
        java.time.Instant now = java.time.Instant.now();
        for (int i = 0; i < count; i++) {
            String day = today.minusDays(RANDOM.nextInt(90)).toString();
            Map<String, String> segments = new java.util.TreeMap<>(Map.of("class", classes[RANDOM.nextInt(3)],
                    "type", types[RANDOM.nextInt(2)], "travel", travel[RANDOM.nextInt(2)]));
            int outcome = RANDOM.nextInt(11);
            int first = RANDOM.nextInt(touchpointIds.size());
            List<io.cairn.metrics.ingest.Submission.Answer> answers = new ArrayList<>(ITEMS);
            for (int k = 0; k < ITEMS; k++) {
                answers.add(new io.cairn.metrics.ingest.Submission.Answer(touchpointIds.get((first + k * 7) % touchpointIds.size()),
                        io.cairn.metrics.score.Metric.CSAT, 1 + RANDOM.nextInt(5), null));
            }
            submissions.add(new io.cairn.metrics.ingest.Submission(journey + ":b-" + i, journey, now, day, segments,
                    io.cairn.metrics.ingest.SubmissionRequest.OutcomeType.NPS, outcome, answers, now));
        }
        return submissions;
    }

    /** Submissions over the last 90 days, each answering {@code items} of the 120 touchpoints, with three segment attributes. */
    static byte[] ndjson(String journey, int offset, int count, int items) {
        StringBuilder out = new StringBuilder(count * 900);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String[] classes = {"Business", "Economy", "Economy Plus"};
        String[] types = {"Returning", "First-time"};
        String[] travel = {"Business", "Personal"};
        for (int i = offset; i < offset + count; i++) {
            String day = today.minusDays(RANDOM.nextInt(90)).toString();
            out.append("{\"id\":\"").append(journey).append('-').append(i).append("\",\"journeyId\":\"").append(journey)
                    .append("\",\"at\":\"").append(day).append("T12:00:00Z\",\"segments\":{\"class\":\"")
                    .append(classes[RANDOM.nextInt(3)]).append("\",\"type\":\"").append(types[RANDOM.nextInt(2)])
                    .append("\",\"travel\":\"").append(travel[RANDOM.nextInt(2)]).append("\"},\"outcome\":{\"type\":\"NPS\",\"value\":")
                    .append(RANDOM.nextInt(11)).append("},\"items\":[");
            int first = RANDOM.nextInt(TOUCHPOINTS);
            for (int k = 0; k < items; k++) {
                if (k > 0) {
                    out.append(',');
                }
                out.append("{\"touchpointId\":\"tp-").append((first + k * 7) % TOUCHPOINTS)
                        .append("\",\"metric\":\"CSAT\",\"score\":").append(1 + RANDOM.nextInt(5)).append('}');
            }
            out.append("]}\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
