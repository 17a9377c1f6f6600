package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import io.cairn.gateway.graphql.DownstreamServices;
import tools.jackson.databind.JsonNode;

/** A failing service trips its circuit breaker; oversized queries are refused before they cost anything. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cairn.data-dir=target/test-data", "spring.main.banner-mode=off",
        "cairn.resilience.read-retries=0", "cairn.resilience.minimum-calls=4", "cairn.resilience.sliding-window=4",
        "cairn.resilience.open-wait=60s", "cairn.graphql.max-depth=6"})
class GatewayProtectionTest {

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

    @Autowired
    DownstreamServices services;

    JsonNode query(String query) {
        return asViewer(port, query);
    }

    /** The answer to {@code query} sent by a viewer to the gateway on {@code port}. */
    static JsonNode asViewer(int port, String query) {
        ServiceHttp http = ServiceHttp.localhost(port);
        String token = http.post("/auth/token", null, Map.of("username", "viewer", "password", "cairn"))
                .json().at("/access_token").asString();
        return http.post("/graphql", "Bearer " + token, Map.of("query", query)).json();
    }

    @Test
    void aFailingServiceOpensItsCircuitAndIsLeftAloneForAWhile() {
        journeyService.reply("GET", "/journeys/x", 500, "{}");
        for (int i = 0; i < 4; i++) {
            assertThat(query("{ journey(id: \"x\") { id } }").at("/errors/0/extensions/service").asString())
                    .isEqualTo("journey-service");
        }
        assertThat(services.circuitState("journey-service")).isEqualTo("OPEN");
        int before = journeyService.requests().size();

        JsonNode refused = query("{ journey(id: \"x\") { id } }");

        assertThat(refused.at("/errors/0/extensions/code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(refused.at("/errors/0/message").asString()).contains("calls are paused");
        assertThat(journeyService.requests()).hasSize(before);
    }

    @Test
    void tooDeepQueriesAreRefused() {
        JsonNode refused = query("{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }");
        assertThat(refused.at("/errors/0/extensions/code").asString()).isEqualTo("QUERY_TOO_DEEP");
        assertThat(refused.at("/errors/0/message").asString()).contains("nested 8 fields deep; at most 6");
        assertThat(refused.at("/data").isMissingNode() || refused.at("/data").isNull()).isTrue();
    }

    @Test
    void aQueryAskingOneFieldOverAndOverUnderAliasesIsRefusedBeforeAnyCall() {
        int before = journeyService.requests().size();
        String aliases = java.util.stream.IntStream.range(0, 31).mapToObj(i -> "j" + i + ": journeys { totalCount }")
                .collect(java.util.stream.Collectors.joining(" "));

        JsonNode refused = query("{ " + aliases + " }");
        // asked again: the verdict is kept with the query, still refused
        JsonNode again = query("{ " + aliases + " }");

        for (JsonNode answer : java.util.List.of(refused, again)) {
            assertThat(answer.at("/errors/0/extensions/code").asString()).isEqualTo("TOO_MANY_ALIASES");
            assertThat(answer.at("/errors/0/message").asString()).isEqualTo(
                    "The query uses 31 aliases; at most 30 are allowed in one request");
        }
        assertThat(journeyService.requests()).hasSize(before);
        String thirty = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "t" + i + ": __typename")
                .collect(java.util.stream.Collectors.joining(" "));
        assertThat(query("{ " + thirty + " }").at("/data/t29").asString()).isEqualTo("Query");
    }
}
