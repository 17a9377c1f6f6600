package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What an operator switches and limits by configuration: introspection and GraphiQL off (as in production), the
 * complexity limit, and the bulkhead that keeps one slow service from taking every connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cairn.data-dir=target/test-data", "spring.main.banner-mode=off",
        "spring.graphql.schema.introspection.enabled=false", "spring.graphql.graphiql.enabled=false",
        "cairn.graphql.max-complexity=10", "cairn.resilience.max-concurrent-calls=1", "cairn.resilience.read-retries=0",
        "cairn.resilience.minimum-calls=1000"})
class GatewaySwitchesTest {

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

    JsonNode query(String query) {
        return GatewayProtectionTest.asViewer(port, query);
    }

    @Test
    void withIntrospectionAndGraphiqlOffTheSchemaIsNotGivenAway() {
        JsonNode refused = query("{ __schema { types { name } } }");
        assertThat(refused.at("/errors")).isNotEmpty();
        assertThat(refused.at("/data/__schema").isMissingNode() || refused.at("/data/__schema").isNull()).isTrue();
        // the page of GraphiQL is not served either: the web UI's page (its deep-link fallback) answers instead
        ServiceHttp.Response page = ServiceHttp.localhost(port).get("/graphiql", null);
        assertThat(page.body()).doesNotContain("graphiql.min.js", "GraphiQL");
    }

    @Test
    void aQueryOverTheComplexityLimitIsRefusedBeforeAnyCall() {
        int before = journeyService.requests().size();
        JsonNode refused = query("{ journeys { totalCount nodes { id name status version tags ownerTeam createdAt createdBy updatedAt } } }");
        assertThat(refused.at("/errors/0/extensions/code").asString()).isEqualTo("QUERY_TOO_COMPLEX");
        assertThat(journeyService.requests()).hasSize(before);
    }

    @Test
    void callsBeyondTheBulkheadAreRefusedAsOverloadedAndTheRestAnswers() {
        String journey = ServiceHttp.JSON.writeValueAsString(Map.ofEntries(Map.entry("id", "a"), Map.entry("name", "A"),
                Map.entry("status", "DRAFT"), Map.entry("tags", java.util.List.of()), Map.entry("personas", java.util.List.of()),
                Map.entry("stages", java.util.List.of()), Map.entry("createdAt", "2026-11-22T10:00:00Z"),
                Map.entry("createdBy", "designer"), Map.entry("updatedAt", "2026-11-22T10:00:00Z"),
                Map.entry("updatedBy", "designer"), Map.entry("version", 1)));
        journeyService.replyAfter(400, "GET", "/journeys/a", 200, journey);
        journeyService.replyAfter(400, "GET", "/journeys/b", 200, journey.replace("\"id\":\"a\"", "\"id\":\"b\""));

        // two journeys at once through a bulkhead of one call in flight
        JsonNode answer = query("{ a: journey(id: \"a\") { id } b: journey(id: \"b\") { id } }");

        assertThat(answer.at("/errors")).hasSize(1);
        assertThat(answer.at("/errors/0/extensions/code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.at("/errors/0/message").asString()).isEqualTo("The journey-service is overloaded");
        String answered = answer.at("/data/a/id").isString() ? "a" : "b";
        assertThat(answer.at("/data/" + answered + "/id").asString()).isEqualTo(answered);
    }
}
