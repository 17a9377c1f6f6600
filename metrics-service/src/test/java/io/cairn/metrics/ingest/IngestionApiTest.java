package io.cairn.metrics.ingest;

import static io.cairn.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.metrics.aggregate.BucketRepository;
import io.cairn.platform.test.CairnServiceTest;
import io.cairn.metrics.touchpoint.FakeTouchpointService;
import io.cairn.platform.test.ServiceHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Ingestion over real HTTP into the embedded MongoDB, and scores read back from the buckets. */
@CairnServiceTest
class IngestionApiTest {

    static final FakeTouchpointService touchpoints = new FakeTouchpointService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.touchpoint.url", touchpoints::url);
    }

    @AfterAll
    static void stop() {
        touchpoints.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AggregationRecovery recovery;

    @Autowired
    IngestionJournal journal;

    ServiceHttp http;
    /** Each test its own journey and touchpoint (touchpoint-service knows it; metrics-service keeps what it read). */
    String journey;
    String tp;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        journey = "j-" + UUID.randomUUID();
        tp = "tp-" + UUID.randomUUID();
        touchpoints.add(journey, tp);
    }

    Map<String, Object> submission(String id, int csat, String customerClass) {
        return Map.of("id", id, "journeyId", journey, "at", "2026-11-20T10:00:00Z",
                "segments", Map.of("Class", customerClass),
                "outcome", Map.of("type", "SATISFIED", "value", csat >= 4 ? 1 : 0),
                "items", List.of(Map.of("touchpointId", tp, "metric", "CSAT", "score", csat)));
    }

    JsonNode scores(String query) {
        ServiceHttp.Response response = http.get("/scores?touchpointId=" + tp + "&from=2026-11-01&to=2026-11-30" + query,
                bearer("viewer"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aSubmissionCountsOnceHoweverOftenItIsSent() {
        assertThat(http.post("/submissions", bearer("analyst"), submission("s-1", 5, "Business")).status()).isEqualTo(201);
        ServiceHttp.Response again = http.post("/submissions", bearer("analyst"), submission("s-1", 5, "Business"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().at("/duplicate").asBoolean()).isTrue();
        assertThat(http.post("/submissions", bearer("analyst"), submission("s-2", 2, "Eco")).status()).isEqualTo(201);

        JsonNode csat = scores("").at("/0");
        assertThat(csat.at("/metric").asString()).isEqualTo("CSAT");
        assertThat(csat.at("/n").asLong()).isEqualTo(2);
        assertThat(csat.at("/score/value").asDouble()).isEqualTo(50.0);
        assertThat(csat.at("/secondary/value").asDouble()).isEqualTo(3.5);
        assertThat(csat.at("/distribution").toString()).isEqualTo("[0,0,1,0,0,1]");
        assertThat(http.post("/submissions", bearer("viewer"), submission("s-3", 5, "Eco")).status()).isEqualTo(403);
    }

    @Test
    void concurrentRetriesOfOneSubmissionCountItOnce() throws Exception {
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return http.post("/submissions", bearer("analyst"), submission("retry-" + tp, 4, "Business")).status();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();
        assertThat(results).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(scores("").at("/0/n").asLong()).isEqualTo(1);
    }

    @Test
    void badSubmissionsAreRefusedWithTheReasonAndStoreNothing() {
        long before = mongo.count(new Query(), Submission.class);
        Map<String, Object> base = submission("bad", 5, "Eco");
        List<Object> corpus = List.of(
                Map.of("id", "b1", "journeyId", journey, "items", List.of(Map.of("touchpointId", tp, "metric", "CSAT", "score", 6))),
                Map.of("id", "b2", "journeyId", journey, "items", List.of(Map.of("touchpointId", tp, "metric", "CSAT", "score", 0))),
                Map.of("id", "b3", "journeyId", journey, "items", List.of(Map.of("touchpointId", tp, "metric", "WOW", "score", 3))),
                Map.of("id", "b4", "journeyId", journey, "items", List.of(Map.of("touchpointId", tp, "metric", "NPS", "score", "ten"))),
                Map.of("id", "b5", "journeyId", journey, "items", List.of()),
                Map.of("id", "b6", "journeyId", journey, "outcome", Map.of("type", "SATISFIED", "value", 7),
                        "items", List.of(Map.of("touchpointId", tp, "metric", "CSAT", "score", 3))),
                Map.of("id", "b7", "journeyId", journey, "items", List.of(Map.of("touchpointId", tp, "metric", "CSAT", "score", 3),
                        Map.of("touchpointId", tp, "metric", "CSAT", "score", 4))),
                Map.of("id", "b8", "journeyId", journey, "at", "2099-01-01T00:00:00Z",
                        "items", List.of(Map.of("touchpointId", tp, "metric", "CSAT", "score", 3))),
                "{\"id\": \"b9\", \"journeyId\": ",
                Map.of("journeyId", journey, "items", base.get("items")),
                Map.of("id", "b10", "journeyId", journey, "items", List.of(Map.of("touchpointId", tp, "metric", "CSAT", "score", 3),
                        Map.of("touchpointId", "not-" + tp, "metric", "CSAT", "score", 4))));
        for (Object body : corpus) {
            ServiceHttp.Response refused = http.post("/submissions", bearer("analyst"), body);
            assertThat(refused.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().at("/detail").asString()).isNotBlank();
        }
        assertThat(http.post("/submissions", bearer("analyst"), corpus.get(0)).json().at("/detail").asString())
                .contains("score 6", "CSAT", "1-5");
        assertThat(http.post("/submissions", bearer("analyst"), corpus.get(corpus.size() - 1)).json().at("/detail").asString())
                .isEqualTo("Submission b10, items[1]: journey " + journey + " has no touchpoint not-" + tp);
        assertThat(mongo.count(new Query(), Submission.class)).isEqualTo(before);
        assertThat(scores("").size()).isZero();
    }

    @Test
    void aTouchpointCreatedAMomentAgoIsAnsweredAtOnceAndAnUnknownOneAsksTouchpointServiceOnce() throws Exception {
        assertThat(http.post("/submissions", bearer("analyst"), submission("c-1-" + tp, 5, "Eco")).status()).isEqualTo(201);
        // created after the journey's touchpoints were read (and kept)
        String created = "tp-" + UUID.randomUUID();
        touchpoints.add(journey, created);
        Thread.sleep(150);
        Map<String, Object> answer = Map.of("id", "c-2-" + tp, "journeyId", journey,
                "items", List.of(Map.of("touchpointId", created, "metric", "CES", "score", 6)));
        assertThat(http.post("/submissions", bearer("analyst"), answer).status()).isEqualTo(201);

        // a stream of lines answering a touchpoint nobody made asks for the journey's touchpoints seldom, not per line
        Thread.sleep(150);
        long asked = touchpoints.asked(journey);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            lines.append(ServiceHttp.JSON.writeValueAsString(Map.of("id", "c-3-" + i + tp, "journeyId", journey,
                    "items", List.of(Map.of("touchpointId", "typo-" + tp, "metric", "CSAT", "score", 4))))).append('\n');
        }
        JsonNode result = http.send("POST", "/submissions/bulk", bearer("analyst"), lines.toString(), "application/x-ndjson").json();
        assertThat(result.at("/rejected").asLong()).isEqualTo(200);
        assertThat(result.at("/rejections/0/reason").asString()).contains("journey " + journey + " has no touchpoint typo-" + tp);
        assertThat(touchpoints.asked(journey) - asked).isBetween(1L, 5L);
    }

    @Test
    void whenTouchpointServiceCannotAnswerNothingUncheckedIsStoredAndTheStreamSaysWhereItStopped() {
        String down = "j-down-" + UUID.randomUUID();
        touchpoints.fail(down);
        Map<String, Object> unchecked = Map.of("id", "d-1-" + tp, "journeyId", down,
                "items", List.of(Map.of("touchpointId", tp, "metric", "CSAT", "score", 4)));
        ServiceHttp.Response single = http.post("/submissions", bearer("analyst"), unchecked);
        assertThat(single.status()).isEqualTo(503);
        assertThat(single.json().at("/code").asString()).isEqualTo("SERVICE_UNAVAILABLE");

        String lines = ServiceHttp.JSON.writeValueAsString(submission("d-2-" + tp, 5, "Eco")) + "\n"
                + "{not json\n"
                + ServiceHttp.JSON.writeValueAsString(unchecked) + "\n"
                + ServiceHttp.JSON.writeValueAsString(submission("d-3-" + tp, 1, "Eco")) + "\n";
        ServiceHttp.Response stopped = http.send("POST", "/submissions/bulk", bearer("analyst"), lines, "application/x-ndjson");
        assertThat(stopped.status()).isEqualTo(503);
        assertThat(stopped.json().at("/line").asLong()).isEqualTo(3);
        assertThat(stopped.json().at("/accepted").asLong()).isEqualTo(1);
        assertThat(stopped.json().at("/rejected").asLong()).isEqualTo(1);
        assertThat(stopped.json().at("/rejections/0/line").asLong()).isEqualTo(2);
        assertThat(stopped.json().at("/detail").asString()).isEqualTo("The touchpoints of line 3 could not be checked "
                + "(touchpoint-service did not answer). Every line before it was read: 1 new submissions stored, 1 refused "
                + "(see rejections); none from it on. Send the stream again: what was stored is not counted twice");
        // the line before was counted, nothing from the unchecked line on
        assertThat(scores("").at("/0/n").asLong()).isEqualTo(1);
        assertThat(scores("").at("/0/distribution/5").asLong()).isEqualTo(1);
        assertThat(mongo.count(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("journeyId").is(down)),
                Submission.class)).isZero();
    }

    @Test
    void ndjsonIsStreamedLineByLineAndEveryBadLineIsReportedAlone() throws Exception {
        String valid1 = ServiceHttp.JSON.writeValueAsString(submission("n-1-" + tp, 5, "Business"));
        String valid2 = ServiceHttp.JSON.writeValueAsString(submission("n-2-" + tp, 1, "BUSINESS "));
        String valid3 = ServiceHttp.JSON.writeValueAsString(submission("n-3-" + tp, 4, " business"));
        String unknownMetric = valid1.replace("n-1-", "n-4-").replace("\"CSAT\"", "\"XYZ\"");
        String body = String.join("\n", valid1, "{not json", valid2, "", "x".repeat(1_100_000), valid1, unknownMetric, valid3) + "\n";

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/submissions/bulk"))
                .header("Authorization", bearer("analyst")).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = ServiceHttp.JSON.readTree(response.body());
        assertThat(result.at("/received").asLong()).isEqualTo(7);
        assertThat(result.at("/accepted").asLong()).isEqualTo(3);
        assertThat(result.at("/duplicates").asLong()).isEqualTo(1);
        assertThat(result.at("/rejected").asLong()).isEqualTo(3);
        assertThat(result.at("/rejections/0/line").asLong()).isEqualTo(2);
        assertThat(result.at("/rejections/1/line").asLong()).isEqualTo(5);
        assertThat(result.at("/rejections/1/reason").asString()).contains("longer than");
        assertThat(result.at("/rejections/2/line").asLong()).isEqualTo(7);

        // "Business", "BUSINESS " and " business" are one segment
        assertThat(scores("&segment.class=Business").at("/0/n").asLong()).isEqualTo(3);
        assertThat(scores("&segment.class=eco").size()).isZero();
        assertThat(scores("").at("/0/score/value").asDouble()).isCloseTo(66.666, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void aBatchWhoseCountingWasInterruptedIsCountedExactlyOnceAtStart() {
        assertThat(http.post("/submissions", bearer("analyst"), submission("r-1-" + tp, 5, "Business")).status()).isEqualTo(201);
        // as if the process had stopped after storing r-2 and adding it to the buckets, before closing its journal entry
        ServiceHttp.Response stored = http.post("/submissions", bearer("analyst"), submission("r-2-" + tp, 1, "Business"));
        assertThat(stored.status()).isEqualTo(201);
        journal.open(List.of(journey + ":r-2-" + tp));

        recovery.run(null);

        JsonNode csat = scores("").at("/0");
        assertThat(csat.at("/n").asLong()).isEqualTo(2);
        assertThat(csat.at("/distribution").toString()).isEqualTo("[0,1,0,0,0,1]");
        assertThat(scores("&segment.class=business").at("/0/n").asLong()).isEqualTo(2);
        assertThat(journal.unfinished()).isEmpty();

        // buckets of an older layout (here: none at all) are rebuilt from the stored submissions
        mongo.remove(new Query(), "aggregate_layout");
        mongo.remove(new Query(), BucketRepository.DAYS);
        mongo.remove(new Query(), BucketRepository.MONTHS);
        recovery.run(null);
        assertThat(scores("").at("/0/distribution").toString()).isEqualTo("[0,1,0,0,0,1]");
        assertThat(scores("&segment.class=business").at("/0/n").asLong()).isEqualTo(2);
    }
}
