package io.cairn.touchpoint.touchpoint;

import static io.cairn.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Touchpoints over real HTTP, with a real local server standing in for journey-service. */
@CairnServiceTest
class TouchpointApiTest {

    static final FakeService journeyService = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.journey.url", journeyService::url);
    }

    @AfterAll
    static void stop() {
        journeyService.close();
    }

    @Value("${local.server.port}")
    int port;

    ServiceHttp http;
    String journeyId;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        journeyService.reset();
        journeyId = UUID.randomUUID().toString();
        journeyHasStages("book", "fly", "arrive");
    }

    void journeyHasStages(String... stageIds) {
        List<Map<String, String>> stages = new ArrayList<>();
        for (String id : stageIds) {
            stages.add(Map.of("id", id, "name", id.toUpperCase()));
        }
        journeyService.reply("GET", "/journeys/" + journeyId, 200,
                ServiceHttp.JSON.writeValueAsString(Map.of("id", journeyId, "stages", stages)));
    }

    JsonNode create(String stageId, String name, Integer position) {
        Map<String, Object> body = new HashMap<>(Map.of("journeyId", journeyId, "stageId", stageId,
                "touchpoint", Map.of("name", name, "channel", "WEB")));
        if (position != null) {
            body.put("position", position);
        }
        ServiceHttp.Response response = http.post("/touchpoints", bearer("designer"), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    ServiceHttp.Response send(String method, String path, String role, Object body) {
        return http.send(method, path, bearer(role), body);
    }

    List<String> namesIn(String stageId) {
        JsonNode map = http.get("/journeys/" + journeyId + "/touchpoints", bearer("viewer")).json();
        for (JsonNode stage : map.at("/stages")) {
            if (stage.at("/stageId").asString().equals(stageId)) {
                return stage.at("/touchpoints").findValuesAsString("name");
            }
        }
        throw new AssertionError("no stage " + stageId + " in " + map);
    }

    @Test
    void touchpointsAreOrderedWithinStagesAndMoveBetweenThem() {
        JsonNode checkIn = create("fly", "Check-in", null);
        create("fly", "Boarding", null);
        create("fly", "Security", 1);
        JsonNode wifi = create("fly", "In-flight wifi", 0);
        assertThat(namesIn("fly")).containsExactly("In-flight wifi", "Check-in", "Security", "Boarding");

        JsonNode moved = send("POST", "/touchpoints/" + wifi.at("/id").asString() + "/move", "designer",
                Map.of("expectedVersion", 1, "stageId", "fly", "position", 3)).json();
        assertThat(moved.at("/version").asLong()).isEqualTo(2);
        assertThat(namesIn("fly")).containsExactly("Check-in", "Security", "Boarding", "In-flight wifi");

        send("POST", "/touchpoints/" + checkIn.at("/id").asString() + "/move", "designer",
                Map.of("expectedVersion", 1, "stageId", "book", "position", 0));
        assertThat(namesIn("book")).containsExactly("Check-in");
        assertThat(namesIn("fly")).containsExactly("Security", "Boarding", "In-flight wifi");

        JsonNode history = http.get("/touchpoints/" + checkIn.at("/id").asString() + "/revisions", bearer("viewer")).json();
        assertThat(history.at("/items").findValuesAsString("operation")).containsExactly("MOVE", "CREATE");
        assertThat(history.at("/items/0/changes").toString()).contains("\"path\":\"stageId\"", "\"before\":\"fly\"", "\"after\":\"book\"");

        // many moves into the same gap keep the order exact
        String boarding = namesInIds("fly").get(1);
        for (int i = 0; i < 60; i++) {
            JsonNode current = http.get("/touchpoints/" + boarding, bearer("viewer")).json();
            int target = i % 2 == 0 ? 0 : 1;
            assertThat(send("POST", "/touchpoints/" + boarding + "/move", "designer", Map.of("expectedVersion",
                    current.at("/version").asLong(), "stageId", "fly", "position", target)).status()).isEqualTo(200);
            assertThat(namesIn("fly").indexOf("Boarding")).isEqualTo(target);
        }
    }

    List<String> namesInIds(String stageId) {
        JsonNode map = http.get("/journeys/" + journeyId + "/touchpoints", bearer("viewer")).json();
        for (JsonNode stage : map.at("/stages")) {
            if (stage.at("/stageId").asString().equals(stageId)) {
                return stage.at("/touchpoints").findValuesAsString("id");
            }
        }
        return List.of();
    }

    @Test
    void touchpointsOfARemovedStageAreReportedUnassignedUntilMovedOrDeleted() {
        create("arrive", "Baggage claim", null);
        create("arrive", "Lost luggage desk", null);
        create("book", "Website", null);

        journeyHasStages("book", "fly");
        JsonNode map = http.get("/journeys/" + journeyId + "/touchpoints", bearer("viewer")).json();
        assertThat(map.at("/unassigned").findValuesAsString("name")).containsExactly("Baggage claim", "Lost luggage desk");
        assertThat(http.get("/touchpoints?journeyId=" + journeyId, bearer("viewer")).json().size()).isEqualTo(3);

        JsonNode moved = send("POST", "/journeys/" + journeyId + "/stages/arrive/touchpoints/relocate", "designer",
                Map.of("action", "MOVE", "targetStageId", "fly")).json();
        assertThat(moved.at("/affected").asInt()).isEqualTo(2);
        assertThat(namesIn("fly")).containsExactly("Baggage claim", "Lost luggage desk");
        assertThat(http.get("/journeys/" + journeyId + "/touchpoints", bearer("viewer")).json().at("/unassigned").size()).isZero();

        assertThat(send("POST", "/journeys/" + journeyId + "/stages/fly/touchpoints/relocate", "designer",
                Map.of("action", "DELETE")).json().at("/affected").asInt()).isEqualTo(2);
        assertThat(http.get("/touchpoints?journeyId=" + journeyId, bearer("viewer")).json().findValuesAsString("name"))
                .containsExactly("Website");
    }

    @Test
    void aDeletedTouchpointComesBackWithItsIdPlaceAndHistory() throws Exception {
        create("fly", "Check-in", null);
        String gate = create("fly", "Gate", null).at("/id").asString();
        create("fly", "Boarding", null);
        send("PATCH", "/touchpoints/" + gate, "designer", Map.of("expectedVersion", 1, "touchpoint", Map.of("ownerTeam", "ground-ops")));

        assertThat(send("DELETE", "/touchpoints/" + gate + "?expectedVersion=1", "designer", null).status()).isEqualTo(409);
        assertThat(namesIn("fly")).containsExactly("Check-in", "Gate", "Boarding");
        assertThat(send("DELETE", "/touchpoints/" + gate + "?expectedVersion=2", "designer", null).status()).isEqualTo(204);
        assertThat(namesIn("fly")).containsExactly("Check-in", "Boarding");
        assertThat(http.get("/touchpoints/" + gate, bearer("viewer")).status()).isEqualTo(404);
        assertThat(send("POST", "/touchpoints/" + gate + "/restore", "viewer", null).status()).isEqualTo(403);

        // restores racing each other: one brings it back, the others are told it is not deleted
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServiceHttp.Response>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return send("POST", "/touchpoints/" + gate + "/restore", "designer", null);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<ServiceHttp.Response> result : results) {
            statuses.add(result.get().status());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);

        JsonNode restored = http.get("/touchpoints/" + gate, bearer("viewer")).json();
        assertThat(restored.at("/ownerTeam").asString()).isEqualTo("ground-ops");
        assertThat(restored.at("/version").asLong()).isEqualTo(4);
        assertThat(namesIn("fly")).containsExactly("Check-in", "Gate", "Boarding");
        assertThat(http.get("/touchpoints/" + gate + "/revisions", bearer("viewer")).json().at("/items")
                .findValuesAsString("operation")).containsExactly("RESTORE", "DELETE", "UPDATE", "CREATE");
        ServiceHttp.Response again = send("POST", "/touchpoints/" + gate + "/restore", "designer", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/code").asString()).isEqualTo("INVALID_STATE");
        assertThat(send("POST", "/touchpoints/" + UUID.randomUUID() + "/restore", "designer", null).status()).isEqualTo(404);

        // deleted with its stage: back only once the stage is
        send("POST", "/journeys/" + journeyId + "/stages/fly/touchpoints/relocate", "designer", Map.of("action", "DELETE"));
        journeyHasStages("book", "arrive");
        ServiceHttp.Response stageGone = send("POST", "/touchpoints/" + gate + "/restore", "designer", null);
        assertThat(stageGone.status()).isEqualTo(409);
        assertThat(stageGone.json().at("/detail").asString()).contains("restore the stage first");
        journeyHasStages("book", "fly", "arrive");
        assertThat(send("POST", "/touchpoints/" + gate + "/restore", "designer", null).status()).isEqualTo(200);
        assertThat(namesIn("fly")).containsExactly("Gate");
    }

    @Test
    void theTouchpointsOfARemovedStageAreGatheredBackWhetherMovedOrDeleted() {
        String a = create("arrive", "Baggage claim", null).at("/id").asString();
        String b = create("arrive", "Lost luggage desk", null).at("/id").asString();
        create("fly", "Boarding", null);
        String d = create("book", "Website", null).at("/id").asString();
        send("POST", "/journeys/" + journeyId + "/stages/arrive/touchpoints/relocate", "designer", Map.of("action", "MOVE", "targetStageId", "fly"));
        send("POST", "/journeys/" + journeyId + "/stages/book/touchpoints/relocate", "designer", Map.of("action", "DELETE"));
        assertThat(namesIn("fly")).containsExactly("Boarding", "Baggage claim", "Lost luggage desk");
        String gather = "/journeys/" + journeyId + "/stages/arrive/touchpoints/gather";

        // an unknown id or one of another journey: refused before anything moves
        ServiceHttp.Response unknown = send("POST", gather, "designer", Map.of("touchpointIds", List.of(a, "nowhere")));
        assertThat(unknown.status()).isEqualTo(404);
        String elsewhere = UUID.randomUUID().toString();
        String journey = journeyId;
        journeyId = elsewhere;
        journeyHasStages("fly");
        String foreign = create("fly", "Other journey's", null).at("/id").asString();
        journeyId = journey;
        assertThat(send("POST", gather, "designer", Map.of("touchpointIds", List.of(a, foreign))).status()).isEqualTo(400);
        assertThat(send("POST", gather, "designer", Map.of("touchpointIds", List.of())).status()).isEqualTo(400);
        assertThat(namesIn("fly")).containsExactly("Boarding", "Baggage claim", "Lost luggage desk");
        assertThat(namesIn("arrive")).isEmpty();

        assertThat(send("POST", gather, "designer", Map.of("touchpointIds", List.of(a, b, d))).json().at("/affected").asInt())
                .isEqualTo(3);
        assertThat(namesIn("arrive")).containsExactly("Baggage claim", "Lost luggage desk", "Website");
        assertThat(namesIn("fly")).containsExactly("Boarding");
        assertThat(http.get("/touchpoints/" + d + "/revisions", bearer("viewer")).json().at("/items")
                .findValuesAsString("operation")).containsExactly("RESTORE", "DELETE", "CREATE");
        // repeated (a retry): nothing more happens
        assertThat(send("POST", gather, "designer", Map.of("touchpointIds", List.of(a, b, d))).json().at("/affected").asInt()).isZero();
        assertThat(namesIn("arrive")).containsExactly("Baggage claim", "Lost luggage desk", "Website");
    }

    @Test
    void badInputIsRefusedWithAClearReasonAndNothingIsStored() {
        Map<String, Object> valid = Map.of("name", "Gate", "channel", "STORE");
        assertThat(fieldError(Map.of("journeyId", journeyId, "stageId", "fly", "touchpoint", Map.of("name", "Gate", "channel", "PIGEON"))))
                .isEqualTo("touchpoint.channel");
        assertThat(fieldError(Map.of("journeyId", journeyId, "stageId", "fly", "touchpoint",
                Map.of("name", "x".repeat(300), "channel", "WEB")))).isEqualTo("touchpoint.name");
        assertThat(fieldError(Map.of("journeyId", journeyId, "stageId", "fly", "touchpoint",
                Map.of("name", "Gate", "channel", "WEB", "designedEmotion", 5)))).isEqualTo("touchpoint.designedEmotion");
        assertThat(fieldError(Map.of("journeyId", journeyId, "stageId", "fly", "touchpoint",
                Map.of("name", "Gate", "channel", "WEB", "importance", 11)))).isEqualTo("touchpoint.importance");
        assertThat(fieldError(Map.of("journeyId", journeyId, "stageId", "fly", "touchpoint", Map.of("channel", "WEB"))))
                .isEqualTo("touchpoint.name");
        assertThat(http.post("/touchpoints", bearer("designer"), Map.of("journeyId", journeyId, "stageId", "fly",
                "touchpoint", Map.of("name", "Gate", "channel", "WEB", "targets", Map.of("CSAT", 120)))).json()
                .at("/detail").asString()).contains("CSAT", "0..100");
        assertThat(http.post("/touchpoints", bearer("designer"), Map.of("journeyId", journeyId, "stageId", "nowhere",
                "touchpoint", valid)).json().at("/detail").asString()).contains("not a stage of journey");
        assertThat(http.post("/touchpoints", bearer("designer"), Map.of("journeyId", "no-such-journey", "stageId", "fly",
                "touchpoint", valid)).status()).isEqualTo(404);
        assertThat(http.post("/touchpoints", bearer("viewer"), Map.of("journeyId", journeyId, "stageId", "fly",
                "touchpoint", valid)).status()).isEqualTo(403);

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("stageId", "fly", "touchpoint", Map.of("name", "T" + i, "channel", "WEB")));
        }
        ServiceHttp.Response refused = http.post("/touchpoints/batch", bearer("designer"),
                Map.of("journeyId", journeyId, "touchpoints", tooMany));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/detail").asString()).contains("at most 100");

        assertThat(http.get("/touchpoints?journeyId=" + journeyId, bearer("viewer")).json().size()).isZero();
    }

    @Test
    void whenJourneyServiceIsDownNothingIsCreatedAndTheErrorSaysWhy() {
        journeyService.reply("GET", "/journeys/" + journeyId, 500, "{}");
        ServiceHttp.Response response = http.post("/touchpoints", bearer("designer"), Map.of("journeyId", journeyId,
                "stageId", "fly", "touchpoint", Map.of("name", "Gate", "channel", "STORE")));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().at("/code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(response.json().at("/detail").asString()).contains("journey-service");
        assertThat(http.get("/touchpoints?journeyId=" + journeyId, bearer("viewer")).json().size()).isZero();
        // the touchpoint service called journey-service with the caller's token
        assertThat(journeyService.requests().get(0).authorization()).startsWith("Bearer ");
    }

    @Test
    void updatesAreVersionedRestorableAndConcurrentEditsNeverLoseAnUpdate() throws Exception {
        JsonNode gate = create("fly", "Gate", null);
        String id = gate.at("/id").asString();
        JsonNode updated = send("PATCH", "/touchpoints/" + id, "designer", Map.of("expectedVersion", 1, "touchpoint",
                Map.of("ownerTeam", "ground-ops", "dimension", "SERVICE", "targets", Map.of("CSAT", 80),
                        "painPoints", List.of("Long queues"), "momentOfTruth", true))).json();
        assertThat(updated.at("/ownerTeam").asString()).isEqualTo("ground-ops");
        assertThat(updated.at("/targets/CSAT").asDouble()).isEqualTo(80.0);
        assertThat(updated.at("/name").asString()).isEqualTo("Gate");
        assertThat(send("PATCH", "/touchpoints/" + id, "designer", Map.of("expectedVersion", 1, "touchpoint",
                Map.of("name", "Stale"))).json().at("/currentVersion").asLong()).isEqualTo(2);

        JsonNode restored = send("POST", "/touchpoints/" + id + "/revisions/1/restore", "designer",
                Map.of("expectedVersion", 2)).json();
        assertThat(restored.at("/ownerTeam").isNull()).isTrue();
        assertThat(restored.at("/version").asLong()).isEqualTo(3);
        assertThat(http.get("/touchpoints/" + id + "/revisions/diff?from=2&to=3", bearer("viewer")).json()
                .at("/changes").findValuesAsString("path")).contains("ownerTeam", "momentOfTruth");

        int clients = 10;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServiceHttp.Response>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String name = "Gate " + i;
            results.add(pool.submit(() -> {
                start.await();
                return send("PATCH", "/touchpoints/" + id, "designer", Map.of("expectedVersion", 3, "touchpoint",
                        Map.of("name", name)));
            }));
        }
        start.countDown();
        List<String> applied = new ArrayList<>();
        for (Future<ServiceHttp.Response> result : results) {
            ServiceHttp.Response response = result.get();
            assertThat(response.status()).isIn(200, 409);
            if (response.status() == 200) {
                applied.add(response.json().at("/name").asString());
            }
        }
        pool.shutdown();
        assertThat(applied).hasSize(1);
        JsonNode finalState = http.get("/touchpoints/" + id, bearer("viewer")).json();
        assertThat(finalState.at("/name").asString()).isEqualTo(applied.get(0));
        assertThat(finalState.at("/version").asLong()).isEqualTo(4);
    }

    String fieldError(Map<String, Object> body) {
        ServiceHttp.Response response = http.post("/touchpoints", bearer("designer"), body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().at("/errors/0/field").asString();
    }

    @Test
    void searchFindsTheTouchpointsOfAnyOfSeveralOwningTeams() {
        for (String team : List.of("cabin-crew", "catering", "fleet")) {
            Map<String, Object> body = Map.of("journeyId", journeyId, "stageId", "fly",
                    "touchpoint", Map.of("name", "By " + team, "channel", "STORE", "ownerTeam", team));
            assertThat(http.post("/touchpoints", bearer("designer"), body).status()).isEqualTo(201);
        }
        JsonNode found = http.get("/touchpoints/search?journeyId=" + journeyId + "&ownerTeam=cabin-crew&ownerTeam=fleet",
                bearer("viewer")).json();
        assertThat(found.at("/total").asLong()).isEqualTo(2);
        assertThat(found.at("/items").valueStream().map(t -> t.at("/ownerTeam").asString()).toList())
                .containsExactlyInAnyOrder("cabin-crew", "fleet");
        assertThat(http.get("/touchpoints/search?journeyId=" + journeyId + "&ownerTeam=catering", bearer("viewer")).json()
                .at("/total").asLong()).isEqualTo(1);
    }
}
