package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The journey map through GraphQL: batching, partial results, retries, editing, with real local servers as services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cairn.data-dir=target/test-data", "spring.main.banner-mode=off",
        "cairn.resilience.read-timeout=600ms", "cairn.resilience.retry-wait=10ms",
        // this class checks single failures; the circuit breaker has its own test
        "cairn.resilience.minimum-calls=1000", "cairn.resilience.sliding-window=1000"})
class JourneyMapGraphQlTest {

    static final FakeService journeyService = new FakeService();
    static final FakeService touchpointService = new FakeService();
    static final FakeService metricsService = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.journey.url", journeyService::url);
        registry.add("cairn.services.touchpoint.url", touchpointService::url);
        registry.add("cairn.services.metrics.url", metricsService::url);
    }

    @AfterAll
    static void stop() {
        journeyService.close();
        touchpointService.close();
        metricsService.close();
    }

    @Value("${local.server.port}")
    int port;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void setUp() {
        journeyService.reset();
        touchpointService.reset();
        metricsService.reset();
        ServiceHttp http = ServiceHttp.localhost(port);
        String token = http.post("/auth/token", null, Map.of("username", "designer", "password", "cairn"))
                .json().at("/access_token").asString();
        graphQl = HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token).build());
    }

    /** A journey with {@code stages} stages, as journey-service answers it. */
    static Map<String, Object> journey(String id, int stages) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            list.add(Map.of("id", id + "-s" + s, "name", "Stage " + s, "designedEmotion", 0));
        }
        return Map.ofEntries(Map.entry("id", id), Map.entry("name", "Journey " + id), Map.entry("status", "DRAFT"),
                Map.entry("tags", List.of()), Map.entry("personas", List.of()), Map.entry("stages", list),
                Map.entry("createdAt", "2026-11-22T10:00:00Z"), Map.entry("createdBy", "designer"),
                Map.entry("updatedAt", "2026-11-22T10:00:00Z"), Map.entry("updatedBy", "designer"), Map.entry("version", 3));
    }

    /** {@code perStage} touchpoints in each of {@code stages} stages of each journey, plus one whose stage is gone. */
    static List<Map<String, Object>> touchpoints(List<String> journeyIds, int stages, int perStage) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String journeyId : journeyIds) {
            for (int s = 0; s < stages; s++) {
                for (int t = 0; t < perStage; t++) {
                    all.add(touchpoint(journeyId + "-t" + s + "-" + t, journeyId, journeyId + "-s" + s));
                }
            }
            all.add(touchpoint(journeyId + "-orphan", journeyId, "removed-stage"));
        }
        return all;
    }

    static Map<String, Object> touchpoint(String id, String journeyId, String stageId) {
        return Map.ofEntries(Map.entry("id", id), Map.entry("journeyId", journeyId), Map.entry("stageId", stageId),
                Map.entry("name", "Touchpoint " + id), Map.entry("channel", "WEB"), Map.entry("designedEmotion", 0),
                Map.entry("importanceDerived", false), Map.entry("targets", Map.of("CSAT", 80.0)),
                Map.entry("painPoints", List.of()), Map.entry("opportunities", List.of()), Map.entry("momentOfTruth", false),
                Map.entry("createdAt", "2026-11-22T10:00:00Z"), Map.entry("createdBy", "designer"),
                Map.entry("updatedAt", "2026-11-22T10:00:00Z"), Map.entry("updatedBy", "designer"), Map.entry("version", 1));
    }

    static String json(Object value) {
        return ServiceHttp.JSON.writeValueAsString(value);
    }

    @Test
    void aTwelveStageHundredTwentyTouchpointMapTakesOneCallPerService() {
        journeyService.reply("GET", "/journeys/big", 200, json(journey("big", 12)));
        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(List.of("big"), 12, 10)));

        var response = graphQl.documentName("journeyMap").variable("id", "big").execute();

        response.errors().verify()
                .path("journey.stages").entityList(Object.class).hasSize(12)
                .path("journey.stages[11].touchpoints").entityList(Object.class).hasSize(10)
                .path("journey.stages[3].touchpoints[9].id").entity(String.class).isEqualTo("big-t3-9")
                .path("journey.stages[3].touchpoints[0].targets[0].metric").entity(String.class).isEqualTo("CSAT")
                .path("journey.unassignedTouchpoints[0].id").entity(String.class).isEqualTo("big-orphan");
        assertThat(journeyService.requests()).hasSize(1);
        assertThat(touchpointService.requests()).hasSize(1);
        assertThat(touchpointService.requests().get(0).uri()).isEqualTo("/touchpoints?journeyId=big");
    }

    @Test
    void theWebUisMapHandsMetricsServiceTheTouchpointsItReadSoTouchpointServiceIsAskedOnce() throws Exception {
        journeyService.reply("GET", "/journeys/big", 200, json(journey("big", 12)));
        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(List.of("big"), 12, 10)));
        metricsService.reply("GET", "/scores", 200, "[]");
        metricsService.reply("GET", "/journeys/big/segments", 200, "{}");
        metricsService.reply("POST", "/journeys/big/weak-touchpoints", 200, json(List.of(Map.ofEntries(
                Map.entry("touchpointId", "big-t3-9"), Map.entry("metric", "CSAT"), Map.entry("status", "WEAK"),
                Map.entry("severity", 12.5), Map.entry("reason", "CSAT 62.0% is below the target 80.0%"), Map.entry("target", 80.0),
                Map.entry("gap", -18.0), Map.entry("importance", 7), Map.entry("importanceDerived", false),
                Map.entry("belowWithConfidence", true), Map.entry("score", Map.of("formula", "CSAT", "value", 62.0, "margin", 4.1, "n", 400))))));
        metricsService.reply("POST", "/journeys/big/stage-scores", 200, "[]");
        String map = java.nio.file.Files.readString(java.nio.file.Path.of("../web-ui/src/graphql/journeyMap.graphql"));

        graphQl.document(map).variable("id", "big").variable("days", 90).execute().errors().verify()
                .path("journey.stages[3].touchpoints[9].id").entity(String.class).isEqualTo("big-t3-9")
                .path("weakTouchpoints[0].gap").entity(Double.class).isEqualTo(-18.0);

        assertThat(touchpointService.requests()).hasSize(1);
        Map<String, FakeService.Request> byPath = new java.util.HashMap<>();
        metricsService.requests().forEach(r -> byPath.put(r.method() + " " + r.uri().replaceAll("\\?.*", ""), r));
        assertThat(byPath).containsOnlyKeys("GET /scores", "GET /journeys/big/segments", "POST /journeys/big/weak-touchpoints",
                "POST /journeys/big/stage-scores");
        for (String analysis : List.of("weak-touchpoints", "stage-scores")) {
            JsonNode sent = ServiceHttp.JSON.readTree(byPath.get("POST /journeys/big/" + analysis).body());
            assertThat(sent.at("/touchpoints").size()).as(analysis).isEqualTo(121);
            assertThat(sent.at("/touchpoints").findValuesAsString("id")).contains("big-t3-9", "big-orphan");
            assertThat(byPath.get("POST /journeys/big/" + analysis).uri()).contains("days=90");
        }
        JsonNode first = ServiceHttp.JSON.readTree(byPath.get("POST /journeys/big/weak-touchpoints").body())
                .at("/touchpoints/0");
        assertThat(first.at("/stageId").asString()).isEqualTo("big-s0");
        assertThat(first.at("/targets/CSAT").asDouble()).isEqualTo(80.0);
    }

    @Test
    void eachTouchpointsWeaknessesAndKeyDriversTakeOneMetricsCallPerMapAndLandOnTheirTouchpoint() throws Exception {
        journeyService.reply("GET", "/journeys/big", 200, json(journey("big", 12)));
        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(List.of("big"), 12, 10)));
        metricsService.reply("POST", "/journeys/big/weak-touchpoints", 200, json(List.of(Map.ofEntries(
                Map.entry("touchpointId", "big-t3-9"), Map.entry("metric", "CSAT"), Map.entry("status", "WEAK"),
                Map.entry("severity", 12.5), Map.entry("reason", "CSAT 62.0% is below the target 80.0%"), Map.entry("target", 80.0),
                Map.entry("gap", -18.0), Map.entry("importanceDerived", true), Map.entry("belowWithConfidence", true),
                Map.entry("score", Map.of("formula", "CSAT", "value", 62.0, "margin", 4.1, "n", 400))))));
        metricsService.reply("GET", "/journeys/big/key-drivers", 200, json(List.of(Map.of("touchpointId", "big-t3-9",
                "metric", "CSAT", "importance", 0.61, "pairs", 380, "quadrant", "FIX_FIRST",
                "score", Map.of("formula", "CSAT", "value", 62.0, "n", 400)))));

        graphQl.documentName("touchpointFindings").variable("id", "big").execute().errors().verify()
                .path("journey.stages[3].touchpoints[9].weaknesses[0].gap").entity(Double.class).isEqualTo(-18.0)
                .path("journey.stages[3].touchpoints[9].keyDrivers[0].quadrant").entity(String.class).isEqualTo("FIX_FIRST")
                .path("journey.stages[3].touchpoints[8].weaknesses").entityList(Object.class).hasSize(0)
                .path("journey.stages[0].touchpoints[0].keyDrivers").entityList(Object.class).hasSize(0);

        List<String> calls = metricsService.requests().stream().map(r -> r.method() + " " + r.uri()).toList();
        assertThat(calls).hasSize(2);
        assertThat(calls).anySatisfy(c -> assertThat(c).startsWith("POST /journeys/big/weak-touchpoints").contains("days=30", "minN=5"))
                .anySatisfy(c -> assertThat(c).startsWith("GET /journeys/big/key-drivers").contains("days=30", "minPairs=30"));
        assertThat(touchpointService.requests()).hasSize(1);

        // a minimum out of range is refused before any call
        metricsService.reset();
        graphQl.document("{ journey(id: \"big\") { stages { touchpoints { weaknesses(minN: 0) { metric } } } } }").execute()
                .errors().satisfy(errors -> assertThat(errors).hasSize(120).allSatisfy(e ->
                        assertThat(e.getMessage()).isEqualTo("minN must be between 1 and 100000")));
        assertThat(metricsService.requests()).isEmpty();
    }

    @Test
    void theTouchpointsOfAMapAreAskedForWhileTheJourneyIsStillOnItsWay() {
        // each service takes 500 ms (under the read timeout): one after the other the map would take at least 1 s
        journeyService.replyAfter(500, "GET", "/journeys/slow", 200, json(journey("slow", 2)));
        touchpointService.replyAfter(500, "GET", "/touchpoints", 200, json(touchpoints(List.of("slow"), 2, 3)));
        long start = System.nanoTime();
        graphQl.documentName("journeyMap").variable("id", "slow").execute().errors().verify()
                .path("journey.stages[1].touchpoints").entityList(Object.class).hasSize(3);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(950);
        assertThat(touchpointService.requests()).hasSize(1);
    }

    @Test
    void theDownstreamCallsContinueTheCallersTrace() {
        journeyService.reply("GET", "/journeys/traced", 200, json(journey("traced", 1)));
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(List.of("traced"), 1, 2)));
        metricsService.reply("GET", "/scores", 200, "[]");

        graphQl.mutate().header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01").build()
                .documentName("measuredMap").variable("id", "traced").execute().errors().verify();

        assertThat(journeyService.requests().get(0).traceparent()).startsWith("00-" + traceId + "-");
        assertThat(touchpointService.requests().get(0).traceparent()).startsWith("00-" + traceId + "-");
        // the touchpoints' measurements, asked for together by the loader
        assertThat(metricsService.requests()).singleElement()
                .satisfies(r -> assertThat(r.traceparent()).startsWith("00-" + traceId + "-"));
        // each call is its own span under the gateway's
        assertThat(journeyService.requests().get(0).traceparent()).doesNotContain("b7ad6b7169203331");
    }

    @Test
    void measurementsOfAHundredTwentyTouchpointsTakeOneMetricsCallAndItsOutageOnlyBlanksThem() {
        journeyService.reply("GET", "/journeys/big", 200, json(journey("big", 12)));
        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(List.of("big"), 12, 10)));
        metricsService.reply("GET", "/scores", 200, json(List.of(Map.of("touchpointId", "big-t0-0", "metric", "CSAT",
                "from", "2026-10-24", "to", "2026-11-22", "n", 140, "distribution", List.of(0, 10, 20, 30, 40, 40),
                "score", Map.of("formula", "CSAT", "value", 57.1, "low", 48.9, "high", 65.0, "margin", 8.2, "n", 140)))));

        graphQl.documentName("measuredMap").variable("id", "big").execute().errors().verify()
                .path("journey.stages[0].touchpoints[0].measurements[0].n").entity(Integer.class).isEqualTo(140)
                .path("journey.stages[0].touchpoints[0].measurements[0].score.margin").entity(Double.class).isEqualTo(8.2)
                .path("journey.stages[0].touchpoints[1].measurements").entityList(Object.class).hasSize(0);
        assertThat(metricsService.requests()).hasSize(1);
        assertThat(metricsService.requests().get(0).uri()).contains("days=30", "touchpointId=big-t11-9");

        // a window out of range is the caller's mistake, said once per touchpoint asked, and nothing is called
        metricsService.reset();
        var outOfRange = graphQl.document("{ journey(id: \"big\") { stages { touchpoints { measurements(days: 0) { n } } } } }")
                .execute();
        outOfRange.errors().satisfy(errors -> assertThat(errors).hasSize(120).allSatisfy(e -> {
            assertThat(e.getExtensions()).containsEntry("code", "BAD_REQUEST");
            assertThat(e.getMessage()).isEqualTo("days must be between 1 and 3660");
        }));
        assertThat(metricsService.requests()).isEmpty();

        metricsService.reply("GET", "/scores", 503, "{}");
        metricsService.reply("POST", "/journeys/big/weak-touchpoints", 503, "{}");
        metricsService.reply("GET", "/journeys/big/segments", 503, "{}");
        // the map's findings too: root fields that would null the whole answer if they could not be null
        graphQl.documentName("measuredMapWithFindings").variable("id", "big").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(e ->
                        assertThat(e.getExtensions()).containsEntry("service", "metrics-service")
                                .containsEntry("code", "SERVICE_UNAVAILABLE")))
                .path("journey.stages[11].name").entity(String.class).isEqualTo("Stage 11")
                .path("journey.stages[0].touchpoints[0].name").entity(String.class).isEqualTo("Touchpoint big-t0-0")
                .path("journey.stages[0].touchpoints[0].measurements").valueIsNull()
                .path("weakTouchpoints").valueIsNull()
                .path("segments").valueIsNull();
    }

    @Test
    void theStagesOfAMapTakeOneMetricsCallForTheirPooledFiguresAndItsOutageOnlyBlanksThem() {
        journeyService.reply("GET", "/journeys/big", 200, json(journey("big", 12)));
        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(List.of("big"), 12, 10)));
        metricsService.reply("GET", "/journeys/big/stage-scores", 200, json(List.of(Map.of("stageId", "big-s3", "touchpoints", 7,
                "metric", "CSAT", "from", "2026-10-24", "to", "2026-11-22", "n", 980, "distribution", List.of(0, 80, 100, 200, 300, 300),
                "score", Map.of("formula", "CSAT", "value", 61.2, "low", 58.1, "high", 64.2, "margin", 3.05, "n", 980)))));

        graphQl.documentName("stageMeasurements").variable("id", "big").execute().errors().verify()
                .path("journey.stages[3].measurements[0].n").entity(Integer.class).isEqualTo(980)
                .path("journey.stages[3].measurements[0].touchpoints").entity(Integer.class).isEqualTo(7)
                .path("journey.stages[3].measurements[0].score.margin").entity(Double.class).isEqualTo(3.05)
                .path("journey.stages[0].measurements").entityList(Object.class).hasSize(0);
        assertThat(metricsService.requests()).singleElement().satisfies(r -> assertThat(r.uri())
                .startsWith("/journeys/big/stage-scores").contains("days=30", "segment.class=Business"));

        metricsService.reply("GET", "/journeys/big/stage-scores", 503, "{}");
        graphQl.documentName("stageMeasurements").variable("id", "big").execute()
                .errors().satisfy(errors -> assertThat(errors).hasSize(12).allSatisfy(e ->
                        assertThat(e.getExtensions()).containsEntry("service", "metrics-service")))
                .path("journey.stages[11].name").entity(String.class).isEqualTo("Stage 11")
                .path("journey.stages[3].measurements").valueIsNull();
    }

    @Test
    void theTrendsOfAHundredTwentyTouchpointsTakeOneMetricsCall() {
        journeyService.reply("GET", "/journeys/big", 200, json(journey("big", 12)));
        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(List.of("big"), 12, 10)));
        metricsService.reply("GET", "/scores/series", 200, json(List.of(
                Map.of("touchpointId", "big-t2-1", "metric", "CSAT", "from", "2026-10-01", "to", "2026-10-31", "n", 40,
                        "distribution", List.of(0, 0, 0, 10, 10, 20), "score", Map.of("formula", "CSAT", "value", 75.0, "margin", 12.9, "n", 40)),
                Map.of("touchpointId", "big-t2-1", "metric", "CSAT", "from", "2026-11-01", "to", "2026-11-22", "n", 30,
                        "distribution", List.of(0, 0, 10, 10, 5, 5), "score", Map.of("formula", "CSAT", "value", 33.3, "margin", 15.8, "n", 30)))));

        graphQl.documentName("trends").variable("id", "big").execute().errors().verify()
                .path("journey.stages[2].touchpoints[1].trend[*].n").entityList(Integer.class).containsExactly(40, 30)
                .path("journey.stages[2].touchpoints[0].trend").entityList(Object.class).hasSize(0);
        assertThat(metricsService.requests()).singleElement().satisfies(r -> assertThat(r.uri())
                .startsWith("/scores/series").contains("interval=MONTH", "days=180", "touchpointId=big-t0-0", "touchpointId=big-t11-9"));
    }

    @Test
    void aSegmentFilterReachesMetricsServiceEncodedAndTheChoicesComeFromIt() {
        journeyService.reply("GET", "/journeys/seg", 200, json(journey("seg", 2)));
        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(List.of("seg"), 2, 3)));
        metricsService.reply("GET", "/scores", 200, "[]");
        metricsService.reply("POST", "/journeys/seg/weak-touchpoints", 200, "[]");
        metricsService.reply("GET", "/journeys/seg/segments", 200, json(Map.of("class", List.of("business", "economy plus"))));

        graphQl.documentName("segmentedMap").variable("id", "seg")
                .variable("segment", List.of(Map.of("attribute", "class", "value", "Economy Plus"),
                        Map.of("attribute", "type of travel", "value", "a&b={c}")))
                .execute().errors().verify()
                .path("segments[0].attribute").entity(String.class).isEqualTo("class")
                .path("segments[0].values").entityList(String.class).containsExactly("business", "economy plus");
        List<String> uris = metricsService.requests().stream().map(r -> r.uri()).toList();
        // still one call for every touchpoint's measurements, the filter on it and on the analysis
        assertThat(uris.stream().filter(u -> u.startsWith("/scores"))).singleElement().satisfies(u -> assertThat(u)
                .contains("segment.class=Economy%20Plus", "segment.type%20of%20travel=a%26b%3D%7Bc%7D", "touchpointId=seg-t1-2"));
        assertThat(uris.stream().filter(u -> u.startsWith("/journeys/seg/weak-touchpoints"))).singleElement()
                .satisfies(u -> assertThat(u).contains("segment.class=Economy%20Plus"));
    }

    @Test
    void alertRulesAreCreatedByAnalystsOnly() {
        metricsService.reply("POST", "/alert-rules", 201, json(Map.ofEntries(Map.entry("id", "r1"), Map.entry("journeyId", "j1"),
                Map.entry("type", "BELOW_TARGET"), Map.entry("metric", "CSAT"), Map.entry("threshold", 75.0),
                Map.entry("windowDays", 30), Map.entry("minN", 30), Map.entry("slaHours", 72), Map.entry("enabled", true),
                Map.entry("createdBy", "analyst"), Map.entry("createdAt", "2026-11-22T10:00:00Z"))));

        graphQl.documentName("alerts").variable("journeyId", "j1").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN"));
        assertThat(metricsService.requests()).isEmpty();

        String analyst = ServiceHttp.localhost(port).post("/auth/token", null, Map.of("username", "analyst", "password", "cairn"))
                .json().at("/access_token").asString();
        HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                        .defaultHeader("Authorization", "Bearer " + analyst).build())
                .documentName("alerts").variable("journeyId", "j1").execute()
                .path("createAlertRule.id").entity(String.class).isEqualTo("r1");
        JsonNode sent = ServiceHttp.JSON.readTree(metricsService.requests().get(0).body());
        assertThat(sent.at("/threshold").asDouble()).isEqualTo(75.0);
        assertThat(sent.at("/windowDays").asInt()).isEqualTo(30);
    }

    @Test
    void manyJourneysStillTakeOneTouchpointCall() {
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            items.add(journey("j" + j, 4));
            ids.add("j" + j);
        }
        journeyService.reply("GET", "/journeys", 200, json(Map.of("items", items, "total", 10, "offset", 0, "limit", 10)));
        touchpointService.reply("GET", "/touchpoints", 200, json(touchpoints(ids, 4, 3)));

        graphQl.documentName("journeyMaps").execute().errors().verify()
                .path("journeys.nodes[9].stages[3].touchpoints").entityList(Object.class).hasSize(3);

        assertThat(touchpointService.requests()).hasSize(1);
        assertThat(touchpointService.requests().get(0).uri()).contains("journeyId=j0", "journeyId=j9");
    }

    @Test
    void whenTouchpointServiceIsSlowTheMapStillAnswersWithAnErrorOnItsFields() {
        journeyService.reply("GET", "/journeys/slow", 200, json(journey("slow", 2)));
        touchpointService.replyAfter(2000, "GET", "/touchpoints", 200, "[]");

        graphQl.documentName("journeyMap").variable("id", "slow").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).isNotEmpty().allSatisfy(error -> {
                        assertThat(error.getExtensions()).containsEntry("code", "SERVICE_UNAVAILABLE")
                                .containsEntry("service", "touchpoint-service");
                        assertThat(error.getMessage()).contains("did not answer in time");
                    });
                    assertThat(errors).anyMatch(e -> e.getPath().endsWith("touchpoints"));
                })
                .path("journey.name").entity(String.class).isEqualTo("Journey slow")
                .path("journey.stages[1].name").entity(String.class).isEqualTo("Stage 1")
                .path("journey.stages[1].touchpoints").valueIsNull();
    }

    @Test
    void failedReadsAreRetriedAndWritesAreNot() {
        journeyService.reply("GET", "/journeys/flaky", 500, "{}");
        graphQl.documentName("journeyMap").variable("id", "flaky").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("service", "journey-service"));
        assertThat(journeyService.requests()).hasSize(3);

        journeyService.reset();
        journeyService.reply("PATCH", "/journeys/flaky", 503, "{}");
        graphQl.documentName("editMap").operationName("Rename").variable("id", "flaky").variable("version", 3).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "SERVICE_UNAVAILABLE"));
        assertThat(journeyService.requests()).hasSize(1);
    }

    @Test
    void editsCarryTheVersionAndAStaleOneSaysWhichVersionIsCurrent() {
        journeyService.reply("PATCH", "/journeys/j1", 409,
                "{\"status\":409,\"code\":\"CONFLICT\",\"detail\":\"Journey j1 has changed: it is at version 5\",\"currentVersion\":5}");
        graphQl.documentName("editMap").operationName("Rename").variable("id", "j1").variable("version", 3).execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions())
                        .containsEntry("code", "CONFLICT").containsEntry("currentVersion", 5));
        JsonNode sent = ServiceHttp.JSON.readTree(journeyService.requests().get(0).body());
        assertThat(sent.at("/expectedVersion").asInt()).isEqualTo(3);
        assertThat(sent.at("/name").asString()).isEqualTo("Renamed");

        touchpointService.reply("POST", "/touchpoints", 201, json(touchpoint("new", "j1", "j1-s0")));
        graphQl.documentName("editMap").operationName("AddTouchpoint").variable("journeyId", "j1").variable("stageId", "j1-s0")
                .execute().path("createTouchpoint.id").entity(String.class).isEqualTo("new");
        JsonNode created = ServiceHttp.JSON.readTree(touchpointService.requests().get(0).body());
        assertThat(created.at("/touchpoint/targets/CSAT").asDouble()).isEqualTo(80.0);
        assertThat(created.at("/touchpoint/targets/NPS").asDouble()).isEqualTo(30.0);
        assertThat(created.at("/position").asInt()).isZero();

        journeyService.reply("DELETE", "/journeys/j1/stages/*", 200, json(journey("j1", 1)));
        graphQl.documentName("editMap").operationName("RemoveStage").variable("journeyId", "j1")
                .variable("stageId", "a/b?c").variable("target", "j1-s0").execute()
                .path("removeStage.id").entity(String.class).isEqualTo("j1");
        assertThat(journeyService.requests().get(1).uri())
                .isEqualTo("/journeys/j1/stages/a%2Fb%3Fc?expectedVersion=3&touchpoints=MOVE&targetStageId=j1-s0");
    }

    @Test
    void undoingARemovalRestoresTheStageAndTheTouchpointByTheirIds() {
        journeyService.reply("POST", "/journeys/j1/stages/*/restore", 200, json(journey("j1", 1)));
        graphQl.documentName("editMap").operationName("RestoreStage").variable("journeyId", "j1").variable("stageId", "j1-s0")
                .execute().path("restoreStage.id").entity(String.class).isEqualTo("j1");
        assertThat(journeyService.requests().get(0).uri()).isEqualTo("/journeys/j1/stages/j1-s0/restore");
        JsonNode sent = ServiceHttp.JSON.readTree(journeyService.requests().get(0).body());
        assertThat(sent.at("/expectedVersion").asInt()).isEqualTo(4);
        assertThat(sent.at("/position").asInt()).isEqualTo(1);
        assertThat(sent.at("/touchpointIds").toString()).isEqualTo("[\"t1\",\"t2\"]");

        touchpointService.reply("POST", "/touchpoints/*/restore", 409,
                "{\"status\":409,\"code\":\"INVALID_STATE\",\"detail\":\"Touchpoint t1 is not deleted\"}");
        graphQl.documentName("editMap").operationName("RestoreTouchpoint").variable("id", "t1").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_STATE"));
        touchpointService.reply("POST", "/touchpoints/*/restore", 200, json(touchpoint("t1", "j1", "j1-s0")));
        graphQl.documentName("editMap").operationName("RestoreTouchpoint").variable("id", "t1").execute()
                .path("restoreTouchpoint.stageId").entity(String.class).isEqualTo("j1-s0");
        assertThat(touchpointService.requests()).extracting(FakeService.Request::uri)
                .containsExactly("/touchpoints/t1/restore", "/touchpoints/t1/restore");
    }
}
