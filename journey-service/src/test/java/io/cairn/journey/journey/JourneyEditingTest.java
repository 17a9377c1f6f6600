package io.cairn.journey.journey;

import static io.cairn.platform.test.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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

/** Editing journeys and stages over real HTTP: rules, versions, history. */
@CairnServiceTest
class JourneyEditingTest {

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

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        touchpointService.reset();
        touchpointService.reply("GET", "/touchpoints", 200, "[]");
        touchpointService.reply("POST", "/touchpoints/batch", 201, "[]");
        touchpointService.reply("DELETE", "/journeys/*/touchpoints", 204, "");
    }

    JsonNode create(Map<String, Object> body) {
        ServiceHttp.Response response = http.post("/journeys", bearer("designer"), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    ServiceHttp.Response send(String method, String path, String role, Object body) {
        return http.send(method, path, bearer(role), body);
    }

    JsonNode ok(ServiceHttp.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    @Test
    void stagesAreAddedRenamedReorderedAndRemovedEachAsARevision() {
        JsonNode journey = create(Map.of("name", "Appliance purchase",
                "stages", List.of(Map.of("name", "Discover"), Map.of("name", "Buy", "designedEmotion", 1))));
        String id = journey.at("/id").asString();
        String discover = journey.at("/stages/0/id").asString();
        String buy = journey.at("/stages/1/id").asString();

        JsonNode v2 = ok(send("POST", "/journeys/" + id + "/stages", "designer", Map.of("expectedVersion", 1,
                "position", 1, "stage", Map.of("name", "Compare", "customerGoal", "Pick the right model", "designedEmotion", -1))));
        String compare = v2.at("/stages/1/id").asString();
        assertThat(names(v2)).containsExactly("Discover", "Compare", "Buy");

        JsonNode v3 = ok(send("PATCH", "/journeys/" + id + "/stages/" + buy, "designer",
                Map.of("expectedVersion", 2, "stage", Map.of("name", "Purchase"))));
        assertThat(v3.at("/stages/2/designedEmotion").asInt()).isEqualTo(1);

        JsonNode v4 = ok(send("PUT", "/journeys/" + id + "/stages/order", "designer",
                Map.of("expectedVersion", 3, "stageIds", List.of(compare, discover, buy))));
        assertThat(names(v4)).containsExactly("Compare", "Discover", "Purchase");

        JsonNode v5 = ok(send("DELETE", "/journeys/" + id + "/stages/" + discover + "?expectedVersion=4", "designer", null));
        assertThat(names(v5)).containsExactly("Compare", "Purchase");
        assertThat(v5.at("/version").asLong()).isEqualTo(5);

        JsonNode history = http.get("/journeys/" + id + "/revisions", bearer("viewer")).json();
        assertThat(history.at("/total").asLong()).isEqualTo(5);
        assertThat(history.at("/items").findValuesAsString("operation"))
                .containsExactly("REMOVE_STAGE", "REORDER_STAGES", "UPDATE_STAGE", "ADD_STAGE", "CREATE");
        assertThat(history.at("/items/2/changes/0/path").asString()).isEqualTo("stages[id=" + buy + "].name");
        assertThat(history.at("/items/2/changes/0/before").asString()).isEqualTo("Buy");
        assertThat(history.at("/items/2/changes/0/after").asString()).isEqualTo("Purchase");
        assertThat(history.at("/items/1/changes/0/path").asString()).isEqualTo("stages.order");
    }

    @Test
    void aRemovedStageIsRestoredWithItsIdAndFieldsWhereItWas() {
        JsonNode journey = create(Map.of("name", "Appliance purchase", "stages", List.of(Map.of("name", "Discover"),
                Map.of("name", "Compare", "customerGoal", "Pick the right model", "designedEmotion", -1), Map.of("name", "Buy"))));
        String id = journey.at("/id").asString();
        String compare = journey.at("/stages/1/id").asString();
        ok(send("DELETE", "/journeys/" + id + "/stages/" + compare + "?expectedVersion=1", "designer", null));
        ok(send("PATCH", "/journeys/" + id, "designer", Map.of("expectedVersion", 2, "name", "Appliance purchase 2027")));

        assertThat(send("POST", "/journeys/" + id + "/stages/" + compare + "/restore", "viewer", Map.of("expectedVersion", 3))
                .status()).isEqualTo(403);
        assertThat(send("POST", "/journeys/" + id + "/stages/" + compare + "/restore", "designer", Map.of("expectedVersion", 2))
                .status()).isEqualTo(409);
        JsonNode restored = ok(send("POST", "/journeys/" + id + "/stages/" + compare + "/restore", "designer",
                Map.of("expectedVersion", 3)));
        assertThat(names(restored)).containsExactly("Discover", "Compare", "Buy");
        assertThat(restored.at("/name").asString()).isEqualTo("Appliance purchase 2027");
        assertThat(restored.at("/stages/1").toString()).isEqualTo(journey.at("/stages/1").toString());
        assertThat(restored.at("/version").asLong()).isEqualTo(4);
        assertThat(http.get("/journeys/" + id + "/revisions", bearer("viewer")).json().at("/items/0/operation").asString())
                .isEqualTo("RESTORE_STAGE");

        ServiceHttp.Response again = send("POST", "/journeys/" + id + "/stages/" + compare + "/restore", "designer",
                Map.of("expectedVersion", 4));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/code").asString()).isEqualTo("INVALID_STATE");
        assertThat(send("POST", "/journeys/" + id + "/stages/never-there/restore", "designer", Map.of("expectedVersion", 4))
                .status()).isEqualTo(404);
        assertThat(send("POST", "/journeys/" + id + "/stages/" + compare + "/restore", "designer", Map.of("position", -1))
                .status()).isEqualTo(400);

        // removed again and put back at a chosen place, with its touchpoints brought back into it
        ok(send("DELETE", "/journeys/" + id + "/stages/" + compare + "?expectedVersion=4", "designer", null));
        touchpointService.reply("POST", "/journeys/*/stages/*/touchpoints/gather", 503, "{}");
        assertThat(send("POST", "/journeys/" + id + "/stages/" + compare + "/restore", "designer",
                Map.of("expectedVersion", 5, "position", 0, "touchpointIds", List.of("t1", "t2"))).status()).isEqualTo(503);
        JsonNode afterFailure = http.get("/journeys/" + id, bearer("viewer")).json();
        assertThat(names(afterFailure)).as("a failed undo leaves the stage removed, to retry").containsExactly("Discover", "Buy");

        touchpointService.reply("POST", "/journeys/*/stages/*/touchpoints/gather", 200, "{\"affected\":2}");
        assertThat(names(ok(send("POST", "/journeys/" + id + "/stages/" + compare + "/restore", "designer",
                Map.of("expectedVersion", afterFailure.at("/version").asLong(), "position", 0, "touchpointIds", List.of("t1", "t2"))))))
                .containsExactly("Compare", "Discover", "Buy");
        FakeService.Request gather = touchpointService.requests().stream().filter(r -> r.uri().endsWith("/gather")).reduce((first, second) -> second).orElseThrow();
        assertThat(gather.uri()).isEqualTo("/journeys/" + id + "/stages/" + compare + "/touchpoints/gather");
        assertThat(gather.body()).isEqualTo("{\"touchpointIds\":[\"t1\",\"t2\"]}");
    }

    @Test
    void revisionsDiffAndRestoreAnEarlierStateAsANewRevision() {
        JsonNode journey = create(Map.of("name", "Onboarding", "tags", List.of("b2b")));
        String id = journey.at("/id").asString();
        ok(send("PATCH", "/journeys/" + id, "designer", Map.of("expectedVersion", 1, "name", "SaaS onboarding",
                "tags", List.of("b2b", "saas"))));
        ok(send("POST", "/journeys/" + id + "/stages", "designer", Map.of("expectedVersion", 2,
                "stage", Map.of("name", "Sign up"))));

        JsonNode diff = http.get("/journeys/" + id + "/revisions/diff?from=1&to=3", bearer("viewer")).json();
        assertThat(diff.at("/changes").findValuesAsString("path")).contains("name", "tags");
        assertThat(diff.at("/changes").toString()).contains("Sign up");

        JsonNode restored = ok(send("POST", "/journeys/" + id + "/revisions/1/restore", "designer",
                Map.of("expectedVersion", 3)));
        assertThat(restored.at("/name").asString()).isEqualTo("Onboarding");
        assertThat(restored.at("/stages").size()).isZero();
        assertThat(restored.at("/version").asLong()).isEqualTo(4);
        JsonNode latest = http.get("/journeys/" + id + "/revisions/4", bearer("viewer")).json();
        assertThat(latest.at("/operation").asString()).isEqualTo("RESTORE_REVISION 1");
        assertThat(latest.at("/snapshot/name").asString()).isEqualTo("Onboarding");
        assertThat(latest.at("/actor").asString()).isEqualTo("designer");
    }

    @Test
    void staleVersionsUnknownIdsAndBadInputChangeNothing() {
        JsonNode journey = create(Map.of("name", "Store visit"));
        String id = journey.at("/id").asString();
        ok(send("PATCH", "/journeys/" + id, "designer", Map.of("expectedVersion", 1, "description", "Walk-in")));

        ServiceHttp.Response stale = send("PATCH", "/journeys/" + id, "designer", Map.of("expectedVersion", 1, "name", "Lost"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().at("/code").asString()).isEqualTo("CONFLICT");
        assertThat(stale.json().at("/currentVersion").asLong()).isEqualTo(2);

        assertThat(send("PATCH", "/journeys/" + id, "designer", Map.of("expectedVersion", 2, "name", "x".repeat(300)))
                .json().at("/errors/0/field").asString()).isEqualTo("name");
        ServiceHttp.Response emotion = send("POST", "/journeys/" + id + "/stages", "designer",
                Map.of("expectedVersion", 2, "stage", Map.of("name", "Pay", "designedEmotion", 5)));
        assertThat(emotion.status()).isEqualTo(400);
        assertThat(emotion.json().at("/errors/0/field").asString()).isEqualTo("stage.designedEmotion");
        assertThat(send("POST", "/journeys/" + id + "/stages", "designer",
                Map.of("expectedVersion", 2, "stage", Map.of("description", "no name"))).status()).isEqualTo(400);
        assertThat(send("PATCH", "/journeys/" + id, "designer", Map.of("name", "No version")).status()).isEqualTo(400);
        assertThat(send("PATCH", "/journeys/unknown", "designer", Map.of("expectedVersion", 1, "name", "x"))
                .json().at("/code").asString()).isEqualTo("NOT_FOUND");
        assertThat(send("DELETE", "/journeys/" + id + "/stages/unknown?expectedVersion=2", "designer", null).status())
                .isEqualTo(404);
        assertThat(send("PATCH", "/journeys/" + id, "viewer", Map.of("expectedVersion", 2, "name", "Viewer")).status())
                .isEqualTo(403);

        JsonNode unchanged = http.get("/journeys/" + id, bearer("viewer")).json();
        assertThat(unchanged.at("/version").asLong()).isEqualTo(2);
        assertThat(unchanged.at("/name").asString()).isEqualTo("Store visit");
        assertThat(http.get("/journeys/" + id + "/revisions", bearer("viewer")).json().at("/total").asLong()).isEqualTo(2);
    }

    @Test
    void onlyArchivedJourneysAreDeletedAndOnlyByAdmins() {
        JsonNode journey = create(Map.of("name", "Short-lived"));
        String id = journey.at("/id").asString();
        assertThat(send("DELETE", "/journeys/" + id + "?expectedVersion=1", "admin", null).json().at("/code").asString())
                .isEqualTo("INVALID_STATE");

        JsonNode archived = ok(send("POST", "/journeys/" + id + "/archive", "designer", Map.of("expectedVersion", 1)));
        assertThat(archived.at("/status").asString()).isEqualTo("ARCHIVED");
        assertThat(send("PATCH", "/journeys/" + id, "designer", Map.of("expectedVersion", 2, "name", "Edit"))
                .json().at("/code").asString()).isEqualTo("INVALID_STATE");
        assertThat(send("DELETE", "/journeys/" + id + "?expectedVersion=2", "designer", null).status()).isEqualTo(403);

        assertThat(send("DELETE", "/journeys/" + id + "?expectedVersion=2", "admin", null).status()).isEqualTo(204);
        assertThat(http.get("/journeys/" + id, bearer("viewer")).status()).isEqualTo(404);
        assertThat(http.get("/journeys/" + id + "/revisions/1", bearer("viewer")).status()).isEqualTo(404);
    }

    @Test
    void duplicatesAreNewDraftsWithNewStageIds() {
        JsonNode source = create(Map.of("name", "Template trip", "stages", List.of(Map.of("name", "Book"))));
        ok(send("POST", "/journeys/" + source.at("/id").asString() + "/publish", "designer", Map.of("expectedVersion", 1)));

        JsonNode copy = ok(send("POST", "/journeys/" + source.at("/id").asString() + "/duplicate", "designer", Map.of()));

        assertThat(copy.at("/journey/name").asString()).isEqualTo("Copy of Template trip");
        assertThat(copy.at("/journey/status").asString()).isEqualTo("DRAFT");
        assertThat(copy.at("/journey/version").asLong()).isEqualTo(1);
        String oldStage = source.at("/stages/0/id").asString();
        assertThat(copy.at("/stageIds/" + oldStage).asString()).isEqualTo(copy.at("/journey/stages/0/id").asString())
                .isNotEqualTo(oldStage);
    }

    @Test
    void twentyConcurrentEditsEachApplyWithTheirOwnRevisionOrConflict() throws Exception {
        String id = create(Map.of("name", "Contended")).at("/id").asString();
        int clients = 20;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ServiceHttp.Response>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String name = "Edit " + i;
            Callable<ServiceHttp.Response> edit = () -> {
                start.await();
                // each client reads, then writes on the version it read
                long version = http.get("/journeys/" + id, bearer("designer")).json().at("/version").asLong();
                return send("PATCH", "/journeys/" + id, "designer", Map.of("expectedVersion", version, "name", name));
            };
            results.add(pool.submit(edit));
        }
        start.countDown();
        List<String> applied = new ArrayList<>();
        for (Future<ServiceHttp.Response> result : results) {
            ServiceHttp.Response response = result.get();
            assertThat(response.status()).as(response.body()).isIn(200, 409);
            if (response.status() == 200) {
                applied.add(response.json().at("/name").asString() + "@" + response.json().at("/version").asLong());
            } else {
                assertThat(response.json().at("/code").asString()).isEqualTo("CONFLICT");
            }
        }
        pool.shutdown();

        JsonNode finalState = http.get("/journeys/" + id, bearer("viewer")).json();
        long finalVersion = finalState.at("/version").asLong();
        assertThat(applied).hasSize((int) finalVersion - 1);
        JsonNode history = http.get("/journeys/" + id + "/revisions?limit=200", bearer("viewer")).json();
        assertThat(history.at("/total").asLong()).isEqualTo(finalVersion);
        for (String edit : applied) {
            long version = Long.parseLong(edit.substring(edit.indexOf('@') + 1));
            JsonNode revision = http.get("/journeys/" + id + "/revisions/" + version, bearer("viewer")).json();
            assertThat(revision.at("/snapshot/name").asString() + "@" + version).isEqualTo(edit);
        }
        JsonNode last = http.get("/journeys/" + id + "/revisions/" + finalVersion, bearer("viewer")).json();
        assertThat(last.at("/snapshot/name").asString()).isEqualTo(finalState.at("/name").asString());
    }

    @Test
    void aStageWithTouchpointsIsRemovedOnlyWithAnExplicitChoice() {
        JsonNode journey = create(Map.of("name", "Trip", "stages", List.of(Map.of("name", "Fly"), Map.of("name", "Arrive"))));
        String id = journey.at("/id").asString();
        String fly = journey.at("/stages/0/id").asString();
        String arrive = journey.at("/stages/1/id").asString();
        touchpointService.reply("GET", "/touchpoints", 200,
                "[{\"id\":\"t1\",\"stageId\":\"" + arrive + "\",\"name\":\"Baggage\"}]");
        touchpointService.reply("POST", "/journeys/*/stages/*/touchpoints/relocate", 200, "{\"affected\":1}");

        ServiceHttp.Response refused = send("DELETE", "/journeys/" + id + "/stages/" + arrive + "?expectedVersion=1", "designer", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/code").asString()).isEqualTo("STAGE_HAS_TOUCHPOINTS");
        assertThat(send("DELETE", "/journeys/" + id + "/stages/" + arrive + "?expectedVersion=1&touchpoints=MOVE", "designer",
                null).status()).isEqualTo(400);
        assertThat(send("DELETE", "/journeys/" + id + "/stages/" + arrive + "?expectedVersion=1&touchpoints=MOVE&targetStageId=nope",
                "designer", null).status()).isEqualTo(404);
        assertThat(touchpointService.requests()).noneMatch(r -> r.method().equals("POST"));

        JsonNode removed = ok(send("DELETE", "/journeys/" + id + "/stages/" + arrive
                + "?expectedVersion=1&touchpoints=MOVE&targetStageId=" + fly, "designer", null));
        assertThat(names(removed)).containsExactly("Fly");
        FakeService.Request relocate = touchpointService.requests().stream().filter(r -> r.method().equals("POST"))
                .findFirst().orElseThrow();
        assertThat(relocate.uri()).isEqualTo("/journeys/" + id + "/stages/" + arrive + "/touchpoints/relocate");
        assertThat(ServiceHttp.JSON.readTree(relocate.body()).at("/targetStageId").asString()).isEqualTo(fly);
    }

    @Test
    void theAirlineTemplateBecomesAJourneyWithItsFourteenRatedTouchpoints() {
        JsonNode templates = http.get("/templates", bearer("viewer")).json();
        assertThat(templates.findValuesAsString("key")).contains("airline-trip", "appliance-store", "b2b-onboarding");

        ServiceHttp.Response created = http.post("/templates/airline-trip/journeys", bearer("designer"), Map.of("name", "Our airline"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode journey = created.json();
        assertThat(journey.at("/name").asString()).isEqualTo("Our airline");
        assertThat(names(journey)).containsExactly("Plan and book", "Check in", "At the airport", "On board", "Arrive");

        JsonNode batch = ServiceHttp.JSON.readTree(touchpointService.requests().stream()
                .filter(r -> r.uri().equals("/touchpoints/batch")).findFirst().orElseThrow().body());
        assertThat(batch.at("/journeyId").asString()).isEqualTo(journey.at("/id").asString());
        assertThat(batch.at("/touchpoints").findValuesAsString("name")).containsExactlyInAnyOrder(
                "Departure and Arrival Time Convenience", "Ease of Online Booking", "Check-in Service", "Online Boarding",
                "Gate Location", "On-board Service", "Seat Comfort", "Leg Room Service", "Cleanliness", "Food and Drink",
                "In-flight Service", "In-flight Wifi Service", "In-flight Entertainment", "Baggage Handling");
        assertThat(batch.at("/touchpoints/13/stageId").asString()).isEqualTo(journey.at("/stages/4/id").asString());
    }

    @Test
    void whenTouchpointsCannotBeCreatedNoHalfMadeJourneyIsLeft() {
        touchpointService.reply("POST", "/touchpoints/batch", 503, "{}");
        long before = http.get("/journeys", bearer("viewer")).json().at("/total").asLong();

        ServiceHttp.Response failed = http.post("/templates/b2b-onboarding/journeys", bearer("designer"), Map.of());

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().at("/detail").asString()).contains("touchpoint-service");
        assertThat(http.get("/journeys", bearer("viewer")).json().at("/total").asLong()).isEqualTo(before);
    }

    static List<String> names(JsonNode journey) {
        return journey.at("/stages").findValuesAsString("name");
    }
}
