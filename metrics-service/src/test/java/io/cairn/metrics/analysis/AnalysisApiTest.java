package io.cairn.metrics.analysis;

import static io.cairn.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Key drivers, weak touchpoints, series and breakdowns from data with a known shape. */
@CairnServiceTest
class AnalysisApiTest {

    static final FakeService touchpointService = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.touchpoint.url", touchpointService::url);
    }

    @AfterAll
    static void stop() {
        touchpointService.close();
    }

    @Value("${local.server.port}")
    int port;

    ServiceHttp http;
    String journey;

    /** Touchpoint ids name one touchpoint suite-wide: each test has its own. */
    String tp(String name) {
        return journey + "-" + name;
    }

    /** The journey's touchpoints as touchpoint-service answers them. */
    List<Map<String, Object>> touchpoints() {
        return List.of(
                Map.of("id", tp("wifi"), "name", "Wifi", "stageId", "fly", "ownerTeam", "digital",
                        "targets", Map.of("CSAT", 80.0), "importanceDerived", true),
                Map.of("id", tp("food"), "name", "Food", "stageId", "fly", "ownerTeam", "catering",
                        "targets", Map.of("CSAT", 50.0), "importance", 4, "importanceDerived", false),
                Map.of("id", tp("gate"), "name", "Gate", "stageId", "airport", "ownerTeam", "ops",
                        "targets", Map.of("CSAT", 70.0), "importance", 6, "importanceDerived", false),
                Map.of("id", tp("lounge"), "name", "Lounge", "stageId", "airport", "importanceDerived", false),
                // answered (CES) but without a target, and in no stage
                Map.of("id", tp("shop"), "name", "Shop", "importanceDerived", false));
    }

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        journey = "j-" + UUID.randomUUID();
        touchpointService.reset();
        touchpointService.reply("GET", "/touchpoints", 200, ServiceHttp.JSON.writeValueAsString(touchpoints()));
        // 200 respondents: wifi decides the outcome, food is unrelated and well rated, gate has 10 answers
        Random random = new Random(7);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            int wifi = 1 + random.nextInt(5);
            int food = 4 + random.nextInt(2);
            int outcome = Math.min(10, wifi * 2 + random.nextInt(2));
            List<Map<String, Object>> items = new ArrayList<>(List.of(
                    Map.of("touchpointId", tp("wifi"), "metric", "CSAT", "score", wifi),
                    Map.of("touchpointId", tp("food"), "metric", "CSAT", "score", food)));
            if (i < 10) {
                items.add(Map.of("touchpointId", tp("gate"), "metric", "CSAT", "score", 1));
            }
            if (i % 4 == 0) {
                items.add(Map.of("touchpointId", tp("shop"), "metric", "CES", "score", 6));
            }
            String day = i < 100 ? "2026-11-02" : "2026-11-10";
            lines.append(ServiceHttp.JSON.writeValueAsString(Map.of("id", journey + "-" + i, "journeyId", journey,
                    "at", day + "T12:00:00Z", "segments", Map.of("class", i % 2 == 0 ? "Business" : "Eco"),
                    "outcome", Map.of("type", "NPS", "value", outcome), "items", items))).append('\n');
        }
        ServiceHttp.Response result = http.send("POST", "/submissions/bulk", bearer("analyst"), lines.toString(),
                "application/x-ndjson");
        assertThat(result.json().at("/accepted").asLong()).as(result.body()).isEqualTo(200);
    }

    String window() {
        return "from=2026-11-01&to=2026-11-30";
    }

    @Test
    void keyDriversRankTheTouchpointThatDecidesTheOutcomeFirst() {
        JsonNode drivers = http.get("/journeys/" + journey + "/key-drivers?" + window(), bearer("viewer")).json();
        assertThat(drivers.at("/0/touchpointId").asString()).isEqualTo(tp("wifi"));
        assertThat(drivers.at("/0/importance").asDouble()).isGreaterThan(0.9);
        assertThat(drivers.at("/0/pairs").asLong()).isEqualTo(200);
        assertThat(Math.abs(drivers.at("/1/importance").asDouble())).isLessThan(0.3);
        assertThat(drivers.findValuesAsString("quadrant")).contains("INSUFFICIENT_DATA");
    }

    @Test
    void weakTouchpointsComeWithTheirReasonAndSmallSamplesAreNeverWeak() {
        JsonNode weak = http.get("/journeys/" + journey + "/weak-touchpoints?" + window(), bearer("viewer")).json();
        JsonNode wifi = weak.at("/0");
        assertThat(wifi.at("/touchpointId").asString()).isEqualTo(tp("wifi"));
        assertThat(wifi.at("/status").asString()).isEqualTo("WEAK");
        assertThat(wifi.at("/gap").asDouble()).isLessThan(0);
        assertThat(wifi.at("/importanceDerived").asBoolean()).isTrue();
        assertThat(wifi.at("/importance").asInt()).isGreaterThanOrEqualTo(9);
        assertThat(wifi.at("/belowWithConfidence").asBoolean()).isTrue();
        assertThat(wifi.at("/reason").asString()).contains("CSAT", "n=200", "below the target 80.0%");

        Map<String, String> statuses = new java.util.HashMap<>();
        weak.forEach(w -> statuses.put(w.at("/touchpointId").asString(), w.at("/status").asString()));
        assertThat(statuses).containsEntry(tp("food"), "OK").containsEntry(tp("gate"), "INSUFFICIENT_DATA")
                .doesNotContainKey(tp("lounge"));
        // answered without a target: listed last, measured but not rated
        JsonNode shop = weak.at("/" + (weak.size() - 1));
        assertThat(shop.at("/touchpointId").asString()).isEqualTo(tp("shop"));
        assertThat(shop.at("/status").asString()).isEqualTo("NO_TARGET");
        assertThat(shop.at("/metric").asString()).isEqualTo("CES");
        assertThat(shop.at("/score/n").asLong()).isEqualTo(50);
        assertThat(shop.at("/gap").isNull()).isTrue();
        assertThat(shop.at("/reason").asString()).isEqualTo("No CES target is set for this touchpoint");
        // with a lower minimum the gate (CSAT 0% against 70%, importance 6) is weak too, and weaker than the wifi
        JsonNode lowerMinimum = http.get("/journeys/" + journey + "/weak-touchpoints?" + window() + "&minN=5",
                bearer("viewer")).json();
        assertThat(lowerMinimum.findValues("touchpointId").stream().map(JsonNode::asString).toList())
                .startsWith(tp("gate"), tp("wifi"));
        assertThat(lowerMinimum.at("/0/severity").asDouble()).isCloseTo(42.0, within(1e-9));
    }

    @Test
    void withTheJourneysTouchpointsSentAlongTheAnalysesAreTheSameWithoutAskingTouchpointService() {
        List<Map<String, Object>> sent = touchpoints();
        for (String analysis : List.of("weak-touchpoints", "stage-scores")) {
            String path = "/journeys/" + journey + "/" + analysis + "?" + window() + "&segment.class=business";
            JsonNode asked = http.get(path, bearer("viewer")).json();
            int requests = touchpointService.requests().size();
            ServiceHttp.Response given = http.post(path, bearer("viewer"), Map.of("touchpoints", sent));
            assertThat(given.status()).as(given.body()).isEqualTo(200);
            assertThat(given.json()).as(analysis).isEqualTo(asked);
            assertThat(touchpointService.requests()).hasSize(requests);
        }
        // what is sent is checked like any body
        ServiceHttp.Response refused = http.post("/journeys/" + journey + "/weak-touchpoints?" + window(), bearer("viewer"),
                Map.of("touchpoints", List.of(Map.of("name", "no id"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(http.post("/journeys/" + journey + "/weak-touchpoints?" + window(), null, Map.of("touchpoints", sent))
                .status()).isEqualTo(401);
    }

    @Test
    void aStageScorePoolsTheAnswersOfItsTouchpoints() {
        JsonNode stages = http.get("/journeys/" + journey + "/stage-scores?" + window(), bearer("viewer")).json();
        Map<String, JsonNode> byStage = new java.util.HashMap<>();
        stages.forEach(s -> byStage.put(s.at("/stageId").asString() + "|" + s.at("/metric").asString(), s));
        assertThat(byStage).containsOnlyKeys("fly|CSAT", "airport|CSAT");
        JsonNode fly = byStage.get("fly|CSAT");
        JsonNode scores = http.get("/scores?touchpointId=" + tp("wifi") + "&touchpointId=" + tp("food") + "&" + window(),
                bearer("viewer")).json();
        long[] sum = new long[6];
        double hits = 0;
        for (JsonNode touchpoint : scores) {
            for (int score = 1; score <= 5; score++) {
                sum[score] += touchpoint.at("/distribution/" + score).asLong();
            }
            hits += touchpoint.at("/score/value").asDouble() / 100 * touchpoint.at("/n").asLong();
        }
        assertThat(fly.at("/touchpoints").asInt()).isEqualTo(2);
        assertThat(fly.at("/n").asLong()).isEqualTo(400);
        for (int score = 1; score <= 5; score++) {
            assertThat(fly.at("/distribution/" + score).asLong()).as("answers scoring %d", score).isEqualTo(sum[score]);
        }
        assertThat(fly.at("/score/value").asDouble()).isCloseTo(100 * hits / 400, within(1e-9));
        assertThat(fly.at("/score/margin").asDouble()).isPositive()
                .isLessThan(scores.at("/0/score/margin").asDouble());
        // the lounge has no answers: the airport stage is the gate's 10
        assertThat(byStage.get("airport|CSAT").at("/touchpoints").asInt()).isEqualTo(1);
        assertThat(byStage.get("airport|CSAT").at("/n").asLong()).isEqualTo(10);
        // a segment filter keeps those respondents' answers only
        JsonNode business = http.get("/journeys/" + journey + "/stage-scores?" + window() + "&segment.class=business",
                bearer("viewer")).json();
        business.forEach(s -> {
            if (s.at("/stageId").asString().equals("fly")) {
                assertThat(s.at("/n").asLong()).isEqualTo(200);
            }
        });
        assertThat(business.findValuesAsString("stageId")).contains("fly");

        // any set of touchpoints pools the same way: wifi and food together are the fly stage's figures
        JsonNode set = http.get("/scores/pooled?touchpointId=" + tp("wifi") + "&touchpointId=" + tp("food") + "&" + window(),
                bearer("viewer")).json();
        assertThat(set.size()).isEqualTo(1);
        assertThat(set.at("/0/n").asLong()).isEqualTo(400);
        assertThat(set.at("/0/score/value").asDouble()).isEqualTo(fly.at("/score/value").asDouble());
        assertThat(set.at("/0/score/margin").asDouble()).isEqualTo(fly.at("/score/margin").asDouble());
        assertThat(set.at("/0/touchpointId").isNull()).isTrue();
    }

    @Test
    void seriesAndBreakdownsSplitTheSameAnswers() {
        JsonNode weekly = http.get("/scores/series?touchpointId=" + tp("food") + "&interval=WEEK&" + window(), bearer("viewer")).json();
        assertThat(weekly.size()).isEqualTo(2);
        assertThat(weekly.at("/0/from").asString()).isEqualTo("2026-11-02");
        assertThat(weekly.at("/0/n").asLong() + weekly.at("/1/n").asLong()).isEqualTo(200);
        // a week cut by the window is labelled with the days it covers (Tuesday 10 to the window's end)
        JsonNode cut = http.get("/scores/series?touchpointId=" + tp("food") + "&interval=WEEK&from=2026-11-10&to=2026-11-12",
                bearer("viewer")).json();
        assertThat(cut.size()).isEqualTo(1);
        assertThat(cut.at("/0/from").asString() + ".." + cut.at("/0/to").asString()).isEqualTo("2026-11-10..2026-11-12");
        assertThat(cut.at("/0/n").asLong()).isEqualTo(100);

        JsonNode byClass = http.get("/scores/breakdown?touchpointId=" + tp("wifi") + "&by=Class&" + window(), bearer("viewer")).json();
        assertThat(byClass.propertyNames()).containsExactlyInAnyOrder("business", "eco");
        assertThat(byClass.at("/business/0/n").asLong() + byClass.at("/eco/0/n").asLong()).isEqualTo(200);
        JsonNode all = http.get("/scores?touchpointId=" + tp("wifi") + "&" + window(), bearer("viewer")).json();
        double weighted = (byClass.at("/business/0/score/value").asDouble() * byClass.at("/business/0/n").asLong()
                + byClass.at("/eco/0/score/value").asDouble() * byClass.at("/eco/0/n").asLong()) / 200;
        assertThat(all.at("/0/score/value").asDouble()).isCloseTo(weighted, within(1e-9));
        assertThat(http.get("/scores/series?touchpointId=" + tp("food") + "&interval=YEAR", bearer("viewer")).status()).isEqualTo(400);
        // also where the window holds no answers
        assertThat(http.get("/scores/series?touchpointId=" + tp("food") + "&interval=YEAR&from=2020-01-01&to=2020-01-31",
                bearer("viewer")).status()).isEqualTo(400);
        // a refused window is explained in the caller's language
        assertThat(http.get("/scores?touchpointId=" + tp("food") + "&from=2026-11-30&to=2026-11-01", bearer("viewer"),
                java.util.Map.of("Accept-Language", "zh-CN")).json().at("/detail").asString()).isEqualTo("from 不能晚于 to");
    }
}
