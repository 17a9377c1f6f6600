package io.cairn.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A journey of {@code stages} x {@code perStage} touchpoints (CSAT target 75 on each), made through the
 * gateway's REST routes, for the benchmarks of the map.
 */
public record BenchmarkJourney(String id, List<String> touchpointIds) {

    public static BenchmarkJourney create(ServiceHttp gateway, String designer, String name, int stages, int perStage) {
        List<Map<String, Object>> stageInputs = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            stageInputs.add(Map.of("name", "Stage " + (s + 1), "designedEmotion", s % 5 - 2));
        }
        JsonNode journey = created(gateway.post("/api/journey/journeys", designer, Map.of("name", name, "stages", stageInputs)));
        List<Map<String, Object>> touchpoints = new ArrayList<>();
        for (int s = 0; s < stages; s++) {
            for (int t = 0; t < perStage; t++) {
                touchpoints.add(Map.of("stageId", journey.at("/stages/" + s + "/id").asString(), "touchpoint",
                        Map.of("name", "Touchpoint " + (s + 1) + "." + (t + 1), "channel", "WEB", "ownerTeam", "team" + t,
                                "targets", Map.of("CSAT", 75))));
            }
        }
        String id = journey.at("/id").asString();
        List<String> ids = new ArrayList<>();
        created(gateway.post("/api/touchpoint/touchpoints/batch", designer, Map.of("journeyId", id, "touchpoints", touchpoints)))
                .forEach(t -> ids.add(t.at("/id").asString()));
        return new BenchmarkJourney(id, List.copyOf(ids));
    }

    private static JsonNode created(ServiceHttp.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("creating the benchmark journey failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }
}
