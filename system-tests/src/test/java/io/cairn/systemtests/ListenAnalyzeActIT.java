package io.cairn.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cairn.platform.test.ServiceHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The metrics acceptance on the running suite: the airline export imported through the gateway into
 * the airline template journey, scores with n and margins, key drivers, weak touchpoints with reasons,
 * and a case opened by a rule, acknowledged and resolved.
 */
@ExtendWith(RunningSuite.class)
class ListenAnalyzeActIT {

    static final Path AIRLINE = Path.of("../../shared/data/airline_passenger_satisfaction_sample.csv");

    ServiceHttp http() {
        return RunningSuite.get().http();
    }

    @Test
    void theAirlineSurveyFlowsFromImportToAResolvedCase() throws Exception {
        assumeTrue(Files.exists(AIRLINE), "The airline sample is not at " + AIRLINE.toAbsolutePath() + "; skipping");
        String designer = "Bearer " + RunningSuite.get().token("designer");
        String analyst = "Bearer " + RunningSuite.get().token("analyst");

        JsonNode journey = http().post("/api/journey/templates/airline-trip/journeys", designer,
                Map.of("name", "Airline (metrics acceptance)")).json();
        String journeyId = journey.at("/id").asString();
        Map<String, String> touchpointByName = new LinkedHashMap<>();
        http().get("/api/touchpoint/touchpoints?journeyId=" + journeyId, designer).json()
                .forEach(t -> touchpointByName.put(t.at("/name").asString(), t.at("/id").asString()));
        assertThat(touchpointByName).hasSize(14);

        List<Map<String, Object>> items = new ArrayList<>();
        touchpointByName.forEach((name, id) -> items.add(Map.of("column", name, "touchpointId", id, "metric", "CSAT",
                "zeroMeansNotApplicable", true)));
        Map<String, Object> mapping = Map.of("journeyId", journeyId, "idColumn", "ID",
                "timestamp", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                "segmentColumns", Map.of("Customer Type", "customer type", "Type of Travel", "travel", "Class", "class"),
                "outcome", Map.of("column", "Satisfaction", "type", "SATISFIED",
                        "values", Map.of("Satisfied", 1, "Neutral or Dissatisfied", 0)),
                "items", items);
        JsonNode job = importThroughTheGateway(Files.readAllBytes(AIRLINE), mapping, analyst);
        assertThat(job.at("/status").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.at("/accepted").asLong()).isEqualTo(6602);

        StringBuilder ids = new StringBuilder();
        touchpointByName.values().forEach(id -> ids.append("&touchpointId=").append(id));
        JsonNode scores = http().get("/api/metrics/scores?days=7" + ids, designer).json();
        assertThat(scores.size()).isEqualTo(14);
        scores.forEach(score -> {
            assertThat(score.at("/n").asLong()).isBetween(6000L, 6602L);
            assertThat(score.at("/score/margin").asDouble()).isPositive().isLessThan(3.0);
        });

        JsonNode drivers = http().get("/api/metrics/journeys/" + journeyId + "/key-drivers?days=7", designer).json();
        assertThat(drivers.size()).isEqualTo(14);
        assertThat(drivers.at("/0/importance").asDouble()).isGreaterThan(0.3);
        assertThat(drivers.at("/0/quadrant").asString()).isIn("FIX_FIRST", "KEEP_UP");

        JsonNode weak = http().get("/api/metrics/journeys/" + journeyId + "/weak-touchpoints?days=7", designer).json();
        assertThat(weak.at("/0/status").asString()).isEqualTo("WEAK");
        assertThat(weak.at("/0/reason").asString()).contains("below the target", "n=");

        String wifi = touchpointByName.get("In-flight Wifi Service");
        assertThat(http().post("/api/metrics/alert-rules", analyst, Map.of("journeyId", journeyId, "touchpointId", wifi,
                "type", "BELOW_TARGET", "metric", "CSAT", "threshold", 70, "windowDays", 7, "minN", 30)).status()).isEqualTo(201);
        JsonNode cases = http().post("/api/metrics/journeys/" + journeyId + "/alerts/evaluate", analyst, Map.of()).json();
        assertThat(cases.size()).isEqualTo(1);
        JsonNode kase = cases.at("/0");
        assertThat(kase.at("/ownerTeam").asString()).isEqualTo("digital");
        assertThat(kase.at("/reason").asString()).contains("CSAT", "below 70.0%");

        String caseId = kase.at("/id").asString();
        JsonNode acknowledged = http().post("/api/metrics/cases/" + caseId + "/acknowledge", analyst,
                Map.of("expectedVersion", kase.at("/version").asLong())).json();
        assertThat(acknowledged.at("/status").asString()).isEqualTo("ACKNOWLEDGED");
        JsonNode resolved = http().post("/api/metrics/cases/" + caseId + "/resolve", analyst,
                Map.of("expectedVersion", acknowledged.at("/version").asLong(), "note", "Satellite wifi contract renewed")).json();
        assertThat(resolved.at("/status").asString()).isEqualTo("RESOLVED");
    }

    JsonNode importThroughTheGateway(byte[] csv, Map<String, Object> mapping, String authorization) throws Exception {
        ServiceHttp.Response started = http().postMultipart("/api/metrics/imports", authorization, List.of(
                ServiceHttp.Part.json("mapping", mapping), ServiceHttp.Part.file("file", "airline.csv", "text/csv", csv)));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().at("/id").asString();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode job = http().get("/api/metrics/imports/" + id, authorization).json();
            if (!job.at("/status").asString().equals("RUNNING") || System.nanoTime() > deadline) {
                return job;
            }
            Thread.sleep(200);
        }
    }
}
