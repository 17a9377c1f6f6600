package io.cairn.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.ServiceHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A designer builds a journey map through the REST routes of the running suite: journey-service and
 * touchpoint-service talk to each other for real (templates, stage removal, placement checks).
 */
@ExtendWith(RunningSuite.class)
class JourneyMapApiIT {

    ServiceHttp.Response call(String method, String path, String token, Object body) {
        return RunningSuite.get().http().send(method, path, "Bearer " + token, body);
    }

    JsonNode ok(ServiceHttp.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    @Test
    void aDesignerBuildsTheAirlineJourneyReordersMovesAndRestores() {
        String designer = RunningSuite.get().token("designer");

        JsonNode journey = ok(call("POST", "/api/journey/templates/airline-trip/journeys", designer, Map.of("name", "Airline (system test)")));
        String id = journey.at("/id").asString();
        JsonNode map = ok(call("GET", "/api/touchpoint/journeys/" + id + "/touchpoints", designer, null));
        List<String> all = new ArrayList<>();
        map.at("/stages").forEach(stage -> all.addAll(stage.at("/touchpoints").findValuesAsString("name")));
        assertThat(all).hasSize(14).contains("Online Boarding", "In-flight Wifi Service", "Baggage Handling");

        // reorder stages: "At the airport" before "Check in"
        List<String> stages = journey.at("/stages").findValuesAsString("id");
        List<String> order = List.of(stages.get(0), stages.get(2), stages.get(1), stages.get(3), stages.get(4));
        JsonNode reordered = ok(call("PUT", "/api/journey/journeys/" + id + "/stages/order", designer,
                Map.of("expectedVersion", 1, "stageIds", order)));
        assertThat(reordered.at("/stages/1/name").asString()).isEqualTo("At the airport");

        // move the wifi touchpoint from "On board" to the front of "Plan and book"
        JsonNode wifi = ok(call("GET", "/api/touchpoint/touchpoints/search?text=wifi&journeyId=" + id, designer, null)).at("/items/0");
        JsonNode moved = ok(call("POST", "/api/touchpoint/touchpoints/" + wifi.at("/id").asString() + "/move", designer,
                Map.of("expectedVersion", wifi.at("/version").asLong(), "stageId", stages.get(0), "position", 0)));
        assertThat(moved.at("/stageId").asString()).isEqualTo(stages.get(0));
        JsonNode after = ok(call("GET", "/api/touchpoint/journeys/" + id + "/touchpoints", designer, null));
        assertThat(after.at("/stages/0/touchpoints/0/name").asString()).isEqualTo("In-flight Wifi Service");

        // a stage with touchpoints goes only with a choice; its touchpoints move to the chosen stage
        ServiceHttp.Response refused = call("DELETE", "/api/journey/journeys/" + id + "/stages/" + stages.get(4)
                + "?expectedVersion=2", designer, null);
        assertThat(refused.json().at("/code").asString()).isEqualTo("STAGE_HAS_TOUCHPOINTS");
        JsonNode removed = ok(call("DELETE", "/api/journey/journeys/" + id + "/stages/" + stages.get(4)
                + "?expectedVersion=2&touchpoints=MOVE&targetStageId=" + stages.get(3), designer, null));
        assertThat(removed.at("/stages").size()).isEqualTo(4);
        JsonNode afterRemoval = ok(call("GET", "/api/touchpoint/journeys/" + id + "/touchpoints", designer, null));
        assertThat(afterRemoval.at("/unassigned").size()).isZero();
        assertThat(afterRemoval.at("/stages/3/touchpoints").findValuesAsString("name")).last().isEqualTo("Baggage Handling");

        // history, and back to the template's stages
        JsonNode history = ok(call("GET", "/api/journey/journeys/" + id + "/revisions", designer, null));
        assertThat(history.at("/items").findValuesAsString("operation"))
                .containsExactly("REMOVE_STAGE", "REORDER_STAGES", "CREATE");
        JsonNode restored = ok(call("POST", "/api/journey/journeys/" + id + "/revisions/1/restore", designer,
                Map.of("expectedVersion", 3)));
        assertThat(restored.at("/stages").findValuesAsString("name"))
                .containsExactly("Plan and book", "Check in", "At the airport", "On board", "Arrive");
        assertThat(restored.at("/version").asLong()).isEqualTo(4);
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        String designer = RunningSuite.get().token("designer");
        JsonNode journey = ok(call("POST", "/api/journey/journeys", designer,
                Map.of("name", "Validation (system test)", "stages", List.of(Map.of("name", "Only stage")))));
        String id = journey.at("/id").asString();
        String stage = journey.at("/stages/0/id").asString();

        assertThat(call("POST", "/api/journey/journeys", designer, Map.of("description", "no name")).json()
                .at("/errors/0/field").asString()).isEqualTo("name");
        assertThat(call("POST", "/api/journey/journeys", designer, Map.of("name", "x".repeat(300))).status()).isEqualTo(400);
        assertThat(call("POST", "/api/journey/journeys/" + id + "/stages", designer, Map.of("expectedVersion", 1,
                "stage", Map.of("name", "Pay", "designedEmotion", 5))).json().at("/errors/0/field").asString())
                .isEqualTo("stage.designedEmotion");
        assertThat(call("POST", "/api/touchpoint/touchpoints", designer, Map.of("journeyId", id, "stageId", stage,
                "touchpoint", Map.of("name", "Kiosk", "channel", "TELEPATHY"))).json().at("/errors/0/message").asString())
                .contains("WEB", "STORE");
        assertThat(call("PATCH", "/api/journey/journeys/" + id, designer, Map.of("expectedVersion", 7, "name", "Stale"))
                .json().at("/currentVersion").asLong()).isEqualTo(1);
        assertThat(call("GET", "/api/journey/journeys/no-such-id", designer, null).status()).isEqualTo(404);
        assertThat(call("POST", "/api/touchpoint/touchpoints", designer, Map.of("journeyId", "no-such-id", "stageId", stage,
                "touchpoint", Map.of("name", "Kiosk", "channel", "STORE"))).status()).isEqualTo(404);

        JsonNode unchanged = ok(call("GET", "/api/journey/journeys/" + id, designer, null));
        assertThat(unchanged.at("/version").asLong()).isEqualTo(1);
        assertThat(unchanged.at("/stages").size()).isEqualTo(1);
        assertThat(ok(call("GET", "/api/touchpoint/touchpoints?journeyId=" + id, designer, null)).size()).isZero();
    }
}
