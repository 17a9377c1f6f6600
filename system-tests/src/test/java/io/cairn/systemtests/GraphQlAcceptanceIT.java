package io.cairn.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.Eventually;
import io.cairn.platform.test.ServiceHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The GraphQL API on the running suite, as its acceptance asks: one query returns the airline journey with every
 * touchpoint's CSAT, n, margin and weakness; a second client subscribed over graphql-ws receives a change made by
 * the first; with metrics-service stopped the same query still returns the journey, with an error on the fields
 * that need it.
 */
@ExtendWith(RunningSuite.class)
class GraphQlAcceptanceIT {

    static final String MAP = """
            query Map($id: ID!) {
              journey(id: $id) {
                name
                stages { id name measurements(days: 30) { metric n touchpoints }
                  touchpoints { id name measurements(days: 30) { metric n score { value margin } }
                    weaknesses(days: 30) { metric status gap reason } } }
              }
              weakTouchpoints(journeyId: $id, days: 30) { touchpointId metric status target gap reason score { n margin } }
            }""";

    final ServiceHttp http = RunningSuite.get().http();
    final String designer = "Bearer " + RunningSuite.get().token("designer");

    JsonNode graphQl(String query, Map<String, Object> variables) {
        ServiceHttp.Response response = http.post("/graphql", designer, Map.of("query", query, "variables", variables));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void oneQueryAnswersTheMeasuredMapASubscriberSeesAnEditAndAnOutageOnlyBlanksItsFields() throws Exception {
        String id = graphQl("mutation { createJourneyFromTemplate(key: \"airline-trip\", name: \"Airline (GraphQL)\") { id } }",
                Map.of()).at("/data/createJourneyFromTemplate/id").asString();
        JsonNode touchpoints = http.get("/api/touchpoint/touchpoints?journeyId=" + id, designer).json();
        assertThat(touchpoints.size()).isEqualTo(14);
        // 40 passengers rate every touchpoint: the first seven 4-5, the other seven 1-2
        StringBuilder lines = new StringBuilder();
        for (int r = 0; r < 40; r++) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int t = 0; t < touchpoints.size(); t++) {
                items.add(Map.of("touchpointId", touchpoints.get(t).at("/id").asString(), "metric", "CSAT",
                        "score", (t < 7 ? 4 : 1) + r % 2));
            }
            lines.append(ServiceHttp.JSON.writeValueAsString(Map.of("id", "gql-" + r, "journeyId", id, "items", items))).append('\n');
        }
        ServiceHttp.Response ingested = http.send("POST", "/api/metrics/submissions/bulk", "Bearer " + RunningSuite.get().token("analyst"),
                lines.toString(), "application/x-ndjson");
        assertThat(ingested.json().at("/accepted").asLong()).as(ingested.body()).isEqualTo(40);

        JsonNode map = graphQl(MAP, Map.of("id", id));
        assertThat(map.has("errors")).as(map.toString()).isFalse();
        List<JsonNode> cards = new ArrayList<>();
        map.at("/data/journey/stages").forEach(stage -> stage.at("/touchpoints").forEach(cards::add));
        assertThat(cards).hasSize(14).allSatisfy(card -> {
            assertThat(card.at("/measurements/0/metric").asString()).isEqualTo("CSAT");
            assertThat(card.at("/measurements/0/n").asInt()).isEqualTo(40);
            assertThat(card.at("/measurements/0/score/margin").asDouble()).isPositive();
            // and its standing against its CSAT target, on the touchpoint itself
            assertThat(card.at("/weaknesses/0/metric").asString()).isEqualTo("CSAT");
            assertThat(card.at("/weaknesses/0/status").asString()).isIn("WEAK", "OK");
            assertThat(card.at("/weaknesses/0/reason").asString()).contains("n=40");
        });
        assertThat(cards.stream().filter(card -> card.at("/weaknesses/0/status").asString().equals("WEAK"))).hasSize(7);
        assertThat(map.at("/data/journey/stages/3/measurements/0/touchpoints").asInt()).isEqualTo(8);
        JsonNode weak = map.at("/data/weakTouchpoints");
        assertThat(weak.size()).isEqualTo(14);
        assertThat(weak.get(0).at("/status").asString()).isEqualTo("WEAK");
        assertThat(weak.get(0).at("/gap").asDouble()).isNegative();
        assertThat(weak.get(0).at("/reason").asString()).contains("n=40", "below the target");

        // a second client, subscribed over graphql-ws, receives a change the first one makes
        LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        WebSocket socket = subscribe(id, received);
        try {
            JsonNode ack = received.poll(10, TimeUnit.SECONDS);
            assertThat(ack).as("connection_ack").isNotNull();
            assertThat(ack.at("/type").asString()).isEqualTo("connection_ack");
            Thread.sleep(1_500); // the feed has taken its first look at the journey
            String stageId = map.at("/data/journey/stages/0/id").asString();
            JsonNode renamed = graphQl("mutation($j: ID!, $s: ID!) { updateStage(journeyId: $j, stageId: $s, expectedVersion: 1,"
                    + " input: { name: \"Dream and book\" }) { version } }", Map.of("j", id, "s", stageId));
            assertThat(renamed.at("/data/updateStage/version").asInt()).as(renamed.toString()).isEqualTo(2);
            JsonNode next = received.poll(15, TimeUnit.SECONDS);
            assertThat(next).as("the change on the subscription").isNotNull();
            assertThat(next.at("/type").asString()).isEqualTo("next");
            assertThat(next.at("/payload/data/journeyChanged/journeyVersion").asInt()).isEqualTo(2);
            assertThat(next.at("/payload/data/journeyChanged/changedBy").asString()).isEqualTo("designer");
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }

        // metrics-service stopped: the journey and its touchpoints are intact, the measured fields null with an error
        RunningSuite.get().without("metrics-service", () -> {
            JsonNode partial = graphQl(MAP, Map.of("id", id));
            assertThat(partial.at("/data/journey/name").asString()).isEqualTo("Airline (GraphQL)");
            assertThat(partial.at("/data/journey/stages/0/name").asString()).isEqualTo("Dream and book");
            assertThat(partial.at("/data/journey/stages/3/touchpoints").size()).isEqualTo(8);
            assertThat(partial.at("/data/journey/stages/3/touchpoints/0/measurements").isNull()).isTrue();
            assertThat(partial.at("/errors")).isNotEmpty().allSatisfy(error -> {
                assertThat(error.at("/extensions/code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(error.at("/extensions/service").asString()).isEqualTo("metrics-service");
                // no internal addresses in what the client reads
                assertThat(error.at("/message").asString()).doesNotContain("localhost", "127.0.0.1");
            });
            List<String> failedFields = new ArrayList<>();
            partial.at("/errors").forEach(error -> failedFields.add(error.at("/path").get(error.at("/path").size() - 1).asString()));
            assertThat(failedFields).contains("measurements", "weaknesses", "weakTouchpoints").allMatch(field ->
                    List.of("measurements", "weaknesses", "weakTouchpoints").contains(field));
        });
        // back: once the gateway's circuit breaker lets calls through again (cairn.resilience.open-wait, 10 s)
        JsonNode[] again = {null};
        Eventually.waitFor(Duration.ofSeconds(40), Duration.ofSeconds(1), () -> !(again[0] = graphQl(MAP, Map.of("id", id))).has("errors"));
        assertThat(again[0].has("errors")).as("metrics-service is back: %s", again[0]).isFalse();
    }

    /** A graphql-ws client (JDK WebSocket) subscribed to the journey's changes; every message lands in {@code received}. */
    private WebSocket subscribe(String journeyId, LinkedBlockingQueue<JsonNode> received) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(ServiceHttp.JSON.readTree(text.toString()));
                    text.setLength(0);
                }
                webSocket.request(1);
                return CompletableFuture.completedFuture(null);
            }
        };
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(RunningSuite.get().baseUrl().replace("http", "ws") + "/subscriptions"), listener).join();
        socket.sendText(ServiceHttp.JSON.writeValueAsString(Map.of("type", "connection_init",
                "payload", Map.of("Authorization", designer))), true).join();
        socket.sendText(ServiceHttp.JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload", Map.of(
                "query", "subscription($id: ID!) { journeyChanged(id: $id) { journeyVersion changedBy at } }",
                "variables", Map.of("id", journeyId)))), true).join();
        return socket;
    }
}
