package io.cairn.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.ServiceHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The foundation's acceptance, on the suite started by ./cairn up -d. */
@ExtendWith(RunningSuite.class)
class SuiteAcceptanceIT {

    static final String CREATE = "mutation($input: CreateJourneyInput!) { createJourney(input: $input) { id name status createdBy version } }";
    static final String LIST = "{ journeys(filter: {text: \"Acceptance\"}) { totalCount nodes { id name } } }";

    @Test
    void aJourneyCreatedThroughGraphQlIsListedAndSurvivesARestart() {
        RunningSuite.Instance suite = RunningSuite.get();
        ServiceHttp http = suite.http();
        assertThat(http.get("/actuator/health/readiness", null).json().at("/status").asString()).isEqualTo("UP");

        String designer = "Bearer " + suite.token("designer");
        JsonNode created = graphql(http, designer, CREATE, Map.of("input", Map.of("name", "Acceptance journey")));
        assertThat(created.at("/errors").isMissingNode()).as(created.toString()).isTrue();
        String id = created.at("/data/createJourney/id").asString();
        assertThat(created.at("/data/createJourney/createdBy").asString()).isEqualTo("designer");

        assertThat(graphql(http, designer, LIST, Map.of()).at("/data/journeys/nodes/0/id").asString()).isEqualTo(id);

        suite.restart();

        JsonNode afterRestart = graphql(suite.http(), "Bearer " + suite.token("viewer"), LIST, Map.of());
        assertThat(afterRestart.at("/data/journeys/totalCount").asInt()).isEqualTo(1);
        assertThat(afterRestart.at("/data/journeys/nodes/0/id").asString()).isEqualTo(id);
    }

    @Test
    void withoutATokenThereIsNoApiAndAViewerCannotCreate() {
        RunningSuite.Instance suite = RunningSuite.get();
        ServiceHttp http = suite.http();

        ServiceHttp.Response anonymous = http.post("/graphql", null, Map.of("query", LIST));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(http.get("/api/journey/journeys", null).status()).isEqualTo(401);

        JsonNode refused = graphql(http, "Bearer " + suite.token("viewer"), CREATE,
                Map.of("input", Map.of("name", "Viewer journey")));
        assertThat(refused.at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(refused.at("/errors/0/message").asString()).contains("role");
    }

    @Test
    void theServicesTrustOnlyTheSuitesIssuer() {
        // a token from the gateway's issuer, checked by journey-service itself through the REST route
        RunningSuite.Instance suite = RunningSuite.get();
        assertThat(suite.http().get("/api/journey/journeys", "Bearer " + suite.token("viewer")).status()).isEqualTo(200);
        assertThat(suite.http().get("/api/journey/journeys",
                io.cairn.platform.test.TestTokens.foreignBearer("admin")).status()).isEqualTo(401);
    }

    @Test
    void eachServicesOpenApiDocumentIsReachedThroughTheGateway() {
        RunningSuite.Instance suite = RunningSuite.get();
        String token = "Bearer " + suite.token("viewer");
        Map<String, String> paths = Map.of("journey", "/journeys", "touchpoint", "/touchpoints", "metrics", "/scores",
                "employee-nps", "/campaigns");
        paths.forEach((service, path) -> {
            ServiceHttp.Response document = suite.http().get("/api/" + service + "/v3/api-docs", token);
            assertThat(document.status()).as(service + ": " + document.body()).isEqualTo(200);
            assertThat(document.json().at("/openapi").asString()).as(service).startsWith("3.");
            assertThat(document.json().at("/paths").has(path)).as(service + " documents " + path).isTrue();
        });
    }

    static JsonNode graphql(ServiceHttp http, String authorization, String query, Map<String, Object> variables) {
        ServiceHttp.Response response = http.post("/graphql", authorization, Map.of("query", query, "variables", variables));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
