package io.cairn.metrics.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cairn.metrics.aggregate.BucketRepository;
import io.cairn.platform.mongo.EmbeddedMongoServer;
import io.cairn.platform.test.BenchmarkJourney;
import io.cairn.platform.test.CairnLauncher;
import io.cairn.platform.test.ServiceHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark harness (not a test): the web UI's full journey-map query through the gateway, for a 12-stage,
 * 120-touchpoint journey with a 90-day window over 1M submissions, at 32 concurrent clients; against the
 * direct downstream calls the gateway makes for it, in the same run. The suite is started with
 * {@code ./cairn up -d} (free ports, a fresh data directory); metrics-service's database is an in-memory
 * embedded server hosted by this process, so that the buckets of 1M submissions can be written straight
 * into it (reads never touch submissions; ingesting 1M through the API would take half an hour here).
 * Run (after ./mvnw -q -DskipTests install, so that the jars and the platform module are in place):
 * MAVEN_OPTS=-Xmx2g ./mvnw -q -pl metrics-service test-compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java \
 *   -Dexec.mainClass=io.cairn.metrics.bench.GatewayBenchmark -Dexec.classpathScope=test \
 *   [-Dexec.args="<submissions> <clients> <seconds per measure>"]
 * Results are recorded in docs/benchmarks.md.
 */
public final class GatewayBenchmark {

    static final int STAGES = 12;
    static final int PER_STAGE = 10;
    static final int DAYS = 90;
    static final JsonMapper JSON = ServiceHttp.JSON;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final CairnLauncher suite;
    private final int port;
    private final String token;
    private final String admin;
    /** The web UI's own map query, as the browser sends it. */
    private final String mapQuery = read(CairnLauncher.projectRoot().resolve("web-ui/src/graphql/journeyMap.graphql"));

    private GatewayBenchmark(CairnLauncher suite) {
        this.suite = suite;
        this.port = suite.port();
        this.token = "Bearer " + suite.token("designer");
        this.admin = "Bearer " + suite.token("admin");
    }

    public static void main(String[] args) throws Exception {
        int submissions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        try (EmbeddedMongoServer metricsDb = EmbeddedMongoServer.memory("127.0.0.1", 0);
                MongoClient mongo = MongoClients.create(metricsDb.connectionString("cairn-metrics"))) {
            String javaOpts = System.getProperty("cairn.java.opts", "-Xmx512m -Xss512k -XX:+UseSerialGC");
            CairnLauncher suite = new CairnLauncher(CairnLauncher.projectRoot(),
                    CairnLauncher.projectRoot().resolve("metrics-service/target/gateway-benchmark"),
                    Map.of("MONGODB_URI_METRICS_SERVICE", metricsDb.connectionString("cairn-metrics"), "CAIRN_JAVA_OPTS", javaOpts));
            suite.up();
            try {
                new GatewayBenchmark(suite).run(new BucketRepository(new MongoTemplate(mongo, "cairn-metrics")), submissions, clients,
                        seconds, javaOpts);
            } finally {
                suite.down();
            }
        }
    }

    void run(BucketRepository buckets, int submissions, int clients, int seconds, String javaOpts) throws Exception {
        System.out.printf("Cairn gateway benchmark: %d cores, Java %s, services with %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), javaOpts);
        ServiceHttp gateway = ServiceHttp.localhost(port);
        BenchmarkJourney small = BenchmarkJourney.create(gateway, token, "Small map", 2, 6);
        BenchmarkJourney large = BenchmarkJourney.create(gateway, token, "Benchmark map", STAGES, PER_STAGE);
        String journeyId = large.id();
        long loadStart = System.nanoTime();
        for (int loaded = 0; loaded < submissions; loaded += 50_000) {
            buckets.add(MetricsBenchmark.submissions(journeyId, large.touchpointIds(), Math.min(50_000, submissions - loaded)),
                    (tp, day) -> true);
        }
        buckets.add(MetricsBenchmark.submissions(small.id(), small.touchpointIds(), 1_000), (tp, day) -> true);
        System.out.printf("Buckets of %,d submissions (14 of 120 touchpoints each, 90 days, 3 segment attributes) written in %.0f s%n",
                submissions, (System.nanoTime() - loadStart) / 1e9);

        checkAnswer(graphQl(journeyId));
        countCalls(small.id(), 12);
        countCalls(journeyId, 120);

        Function<Integer, Long> viaGateway = i -> timed(() -> graphQl(journeyId));
        Function<Integer, Long> direct = i -> directCalls(journeyId, large.touchpointIds());
        // one client first (the JIT compilers get the cores), then all of them
        measure("warm-up through the gateway, 1 client", 1, 40, viaGateway);
        measure("warm-up of the direct calls, 1 client", 1, 20, direct);
        measure("warm-up through the gateway", clients, 10, viaGateway);
        measure("warm-up of the direct calls", clients, 10, direct);
        reportPerCall(0);
        Stats one = measure("gateway, 1 client", 1, seconds / 2, viaGateway);
        Stats oneDirect = measure("direct downstream calls, 1 client", 1, seconds / 2, direct);
        reportPerCall(oneDirect.count);
        Stats many = measure("gateway, " + clients + " clients", clients, seconds, viaGateway);
        Stats manyDirect = measure("direct downstream calls, " + clients + " clients", clients, seconds, direct);
        reportPerCall(manyDirect.count);
        System.out.printf("Gateway overhead (gateway latency / sum of its direct downstream calls): p50 %.2fx at 1 client, "
                + "%.2fx at %d clients%n", one.p50 / oneDirect.p50, many.p50 / manyDirect.p50, clients);
    }

    /** Every touchpoint measured, every measured one rated; fails loudly rather than timing errors. */
    static void checkAnswer(JsonNode answer) {
        if (answer.has("errors")) {
            throw new IllegalStateException("the map query failed: " + answer.get("errors"));
        }
        int measured = 0;
        for (JsonNode stage : answer.at("/data/journey/stages")) {
            for (JsonNode touchpoint : stage.get("touchpoints")) {
                if (touchpoint.at("/measurements/0/n").asInt() > 0) {
                    measured++;
                }
            }
        }
        if (measured != STAGES * PER_STAGE || answer.at("/data/weakTouchpoints").size() != STAGES * PER_STAGE) {
            throw new IllegalStateException("expected 120 measured and rated touchpoints: " + answer);
        }
    }

    /** Requests each service answered for one map query, from the services' own request counters. */
    void countCalls(String journeyId, int touchpoints) throws Exception {
        Map<String, Double> before = requestCounts();
        for (int i = 0; i < 10; i++) {
            graphQl(journeyId);
        }
        Map<String, Double> after = requestCounts();
        StringBuilder line = new StringBuilder();
        after.forEach((service, count) -> line.append(line.isEmpty() ? "" : ", ").append(service).append(' ')
                .append(String.format("%.1f", (count - before.getOrDefault(service, 0.0)) / 10)));
        System.out.printf("Downstream requests per map query, %d touchpoints: %s%n", touchpoints, line);
    }

    private Map<String, Double> requestCounts() throws IOException, InterruptedException {
        Map<String, Double> counts = new LinkedHashMap<>();
        // labels may hold braces (uri="/journeys/{id}"); an exemplar may follow the value
        Pattern counter = Pattern.compile("^http_server_requests_seconds_count\\{(.*?)} ([0-9.E+-]+)(?: #.*)?$", Pattern.MULTILINE);
        String[] services = {"journey-service", "touchpoint-service", "metrics-service"};
        for (int s = 0; s < services.length; s++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (port + s + 1)
                    + "/actuator/prometheus")).header("Authorization", admin).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = counter.matcher(response.body());
            double total = 0;
            while (m.find()) {
                if (!m.group(1).contains("uri=\"/actuator")) {
                    total += Double.parseDouble(m.group(2));
                }
            }
            counts.put(services[s], total);
        }
        return counts;
    }

    /**
     * The calls the gateway makes for the map query, one after the other; answers their summed time in ns. As the
     * gateway does, the weak touchpoints and stage scores are asked with the touchpoints the second call answered.
     */
    long directCalls(String journeyId, List<String> touchpointIds) {
        StringBuilder scores = new StringBuilder("/scores?days=" + DAYS);
        touchpointIds.forEach(id -> scores.append("&touchpointId=").append(id));
        String[] paths = {"/journeys/" + journeyId, "/touchpoints?journeyId=" + journeyId, scores.toString(),
            "/journeys/" + journeyId + "/weak-touchpoints?days=" + DAYS, "/journeys/" + journeyId + "/segments",
            "/journeys/" + journeyId + "/stage-scores?days=" + DAYS};
        int[] ports = {port + 1, port + 2, port + 3, port + 3, port + 3, port + 3};
        boolean[] withTouchpoints = {false, false, false, true, false, true};
        long sum = 0;
        JsonNode[] touchpoints = new JsonNode[1];
        for (int i = 0; i < paths.length; i++) {
            int call = i;
            long time = timed(() -> {
                String body = null;
                if (withTouchpoints[call]) {
                    List<Map<String, Object>> sent = new ArrayList<>();
                    touchpoints[0].forEach(t -> {
                        Map<String, Object> one = new LinkedHashMap<>();
                        for (String field : List.of("id", "name", "stageId", "ownerTeam", "targets", "importance", "importanceDerived")) {
                            one.put(field, t.get(field));
                        }
                        sent.add(one);
                    });
                    body = JSON.writeValueAsString(Map.of("touchpoints", sent));
                }
                JsonNode answer = call(ports[call], paths[call], body);
                if (call == 1) {
                    touchpoints[0] = answer;
                }
            });
            perCall[i].add(time);
            sum += time;
        }
        return sum;
    }

    static final String[] CALLS = {"journey-service GET /journeys/{id}", "touchpoint-service GET /touchpoints?journeyId",
        "metrics-service GET /scores (120 ids)", "metrics-service POST /journeys/{id}/weak-touchpoints",
        "metrics-service GET /journeys/{id}/segments", "metrics-service POST /journeys/{id}/stage-scores"};
    private final LongAdder[] perCall = Stream.generate(LongAdder::new)
            .limit(CALLS.length).toArray(LongAdder[]::new);

    /** Prints the mean time of each direct call since the last report ({@code rounds} 0: forgets them). */
    void reportPerCall(long rounds) {
        for (int i = 0; i < CALLS.length; i++) {
            long total = perCall[i].sumThenReset();
            if (rounds > 0) {
                System.out.printf("  %-55s mean %6.1f ms%n", CALLS[i], total / 1e6 / rounds);
            }
        }
    }

    record Stats(double p50, double p99, double throughput, long count) { }

    /** {@code clients} threads repeating {@code call} for {@code seconds}; prints and answers latency (ms) and rate. */
    static Stats measure(String label, int clients, int seconds, Function<Integer, Long> call) throws InterruptedException {
        List<List<Long>> times = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            List<Long> mine = new ArrayList<>();
            times.add(mine);
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        mine.add(call.apply(client));
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] ms = times.stream().flatMap(List::stream).mapToDouble(ns -> ns / 1e6).sorted().toArray();
        Stats stats = new Stats(at(ms, 0.5), at(ms, 0.99), ms.length / elapsed, ms.length);
        System.out.printf("%-40s p50 %6.1f ms  p99 %6.1f ms  %6.1f queries/s  (%d)%n", label, stats.p50, stats.p99,
                stats.throughput, ms.length);
        return stats;
    }

    static double at(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }

    interface Call {
        void run() throws Exception;
    }

    static long timed(Call call) {
        long start = System.nanoTime();
        try {
            call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    JsonNode graphQl(String journeyId) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("query", mapQuery, "variables", Map.of("id", journeyId, "days", DAYS)));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || answer.has("errors")) {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            throw new IllegalStateException("GraphQL " + response.statusCode() + ": " + text.substring(0, Math.min(600, text.length())));
        }
        return answer;
    }

    /** A GET, or a POST of {@code body} (JSON) when there is one; answers the parsed answer. */
    private JsonNode call(int servicePort, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + servicePort + path))
                .header("Authorization", token);
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()); // the gateway parses every answer too
    }



    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }



}
