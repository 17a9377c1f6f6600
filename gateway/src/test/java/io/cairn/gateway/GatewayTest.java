package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.Eventually;
import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway over real HTTP, with a real local server standing in for journey-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cairn.data-dir=target/test-data", "spring.main.banner-mode=off", "cairn.access-log=true"})
@ExtendWith(OutputCaptureExtension.class)
class GatewayTest {

    static final FakeService journeyService = new FakeService();
    static final FakeService enpsService = new FakeService();

    static final String JOURNEY = """
            {"id":"j-1","name":"Airline trip","description":null,"personas":[{"name":"Business traveller","description":null,
             "goals":["Arrive on time"],"frustrations":[]}],"ownerTeam":"care","status":"DRAFT","tags":["travel"],
             "createdAt":"2026-11-22T10:00:00Z","createdBy":"designer","updatedAt":"2026-11-22T10:00:00Z",
             "updatedBy":"designer","version":1}""";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.journey.url", journeyService::url);
        registry.add("cairn.services.employee-nps.url", enpsService::url);
    }

    @AfterAll
    static void stop() {
        enpsService.close();
        journeyService.close();
    }

    @Value("${local.server.port}")
    int port;

    ServiceHttp http;

    @BeforeEach
    void setUp() {
        http = ServiceHttp.localhost(port);
        journeyService.reset();
    }

    String login(String user) {
        ServiceHttp.Response response = http.post("/auth/token", null, Map.of("username", user, "password", "cairn"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/roles/0").asString()).isEqualTo(user);
        return response.json().at("/access_token").asString();
    }

    HttpGraphQlTester graphQl(String token) {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token).build();
        return HttpGraphQlTester.create(client);
    }

    @Test
    void theAccessLogSaysWhatWasAnsweredButNeverASurveyToken(CapturedOutput output) throws InterruptedException {
        login("designer");
        assertThat(http.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        http.get("/survey?token=secret-invitation-7", null);
        // a line is written when the response has been sent, just after the client has read it
        Eventually.waitFor(Duration.ofSeconds(1), () -> output.getOut().contains("GET /survey "));
        assertThat(output.getOut()).containsPattern("POST /auth/token 200 \\d+ bytes \\d+ ms")
                .containsPattern("GET /survey 200 \\d+ bytes \\d+ ms")
                .doesNotContain("secret-invitation-7").doesNotContain("127.0.0.1")
                .doesNotContain("GET /actuator/health");
    }

    @Test
    void demoUsersLogInAndWrongCredentialsAreRefused() {
        login("hr-admin");
        ServiceHttp.Response wrong = http.post("/auth/token", null, Map.of("username", "admin", "password", "guess"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().at("/code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(http.post("/auth/token", null, Map.of("username", "root", "password", "cairn")).status()).isEqualTo(401);
        assertThat(http.post("/auth/token", null, Map.of("username", "", "password", "")).json().at("/code").asString())
                .isEqualTo("VALIDATION_FAILED");

        assertThat(http.get("/oauth2/jwks", null).json().at("/keys/0/kty").asString()).isEqualTo("RSA");
        assertThat(http.get("/oauth2/jwks", null).body()).doesNotContain("\"d\"");
        assertThat(http.get("/.well-known/openid-configuration", null).json().at("/jwks_uri").asString())
                .endsWith("/oauth2/jwks");
    }

    @Test
    void theApiNeedsAValidToken() {
        ServiceHttp.Response anonymous = http.post("/graphql", null, Map.of("query", "{ journeys { totalCount } }"));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().at("/code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(http.post("/graphql", "Bearer forged", Map.of("query", "{ journeys { totalCount } }")).status())
                .isEqualTo(401);
        assertThat(http.get("/api/journey/journeys", null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "Bearer " + login("viewer")).status()).isEqualTo(403);
        assertThat(http.get("/actuator/health/readiness", null).json().at("/status").asString()).isEqualTo("UP");
        assertThat(journeyService.requests()).isEmpty();
    }

    @Test
    void journeysArePagedThroughJourneyServiceWithTheCallersToken() {
        String token = login("viewer");
        journeyService.reply("GET", "/journeys", 200,
                "{\"items\":[" + JOURNEY + "," + JOURNEY.replace("j-1", "j-2") + "],\"total\":5,\"offset\":2,\"limit\":2}");
        String firstCursorOfSecondPage = io.cairn.gateway.graphql.Connection.cursor(1);

        graphQl(token).documentName("journeys")
                .variable("first", 2).variable("after", firstCursorOfSecondPage)
                .variable("sort", "NAME_ASC").variable("filter", Map.of("text", "trip & {more}", "status", "DRAFT"))
                .execute()
                .path("journeys.totalCount").entity(Integer.class).isEqualTo(5)
                .path("journeys.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("journeys.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true)
                .path("journeys.edges[1].node.id").entity(String.class).isEqualTo("j-2")
                .path("journeys.nodes[0].personas[0].goals[0]").entity(String.class).isEqualTo("Arrive on time")
                .path("journeys.pageInfo.endCursor").entity(String.class).isEqualTo(io.cairn.gateway.graphql.Connection.cursor(3));

        FakeService.Request call = journeyService.requests().get(0);
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        assertThat(call.uri()).startsWith("/journeys?")
                .contains("sort=name,asc", "offset=2", "limit=2", "status=DRAFT", "text=trip%20%26%20%7Bmore%7D");
    }

    @Test
    void onlyDesignersCreateJourneysAndServiceValidationReachesTheClient() {
        graphQl(login("viewer")).documentName("createJourney").variable("input", Map.of("name", "Nope"))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "FORBIDDEN");
                });
        assertThat(journeyService.requests()).isEmpty();

        journeyService.reply("POST", "/journeys", 201, JOURNEY);
        String designer = login("designer");
        graphQl(designer).documentName("createJourney")
                .variable("input", Map.of("name", "Airline trip", "tags", List.of("travel")))
                .execute()
                .path("createJourney.id").entity(String.class).isEqualTo("j-1")
                .path("createJourney.status").entity(String.class).isEqualTo("DRAFT");
        FakeService.Request create = journeyService.requests().get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(ServiceHttp.JSON.readTree(create.body()).at("/name").asString()).isEqualTo("Airline trip");

        // the service explains a refusal in the caller's language, which the gateway passes on
        journeyService.reply("POST", "/journeys", 400, """
                {"status":400,"code":"VALIDATION_FAILED","detail":"输入无效：name 不能为空",
                 "errors":[{"field":"name","message":"不能为空"}]}""");
        WebTestClient chinese = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("Authorization", "Bearer " + designer).defaultHeader("Accept-Language", "zh-CN").build();
        HttpGraphQlTester.create(chinese).documentName("createJourney").variable("input", Map.of("name", " "))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "VALIDATION_FAILED")
                            .containsEntry("fields", List.of(Map.of("field", "name", "message", "不能为空")));
                    assertThat(errors.get(0).getMessage()).contains("name 不能为空");
                });
        assertThat(journeyService.requests().get(1).header("Accept-Language")).isEqualTo("zh-CN");
        assertThat(create.header("Accept-Language")).isNull();
    }

    @Test
    void aServiceThatIsDownGivesAnErrorNamingItNotAFailedRequest() {
        String token = login("viewer");
        journeyService.reply("GET", "/journeys", 500, "{\"detail\":\"NullPointerException at com.internal.Thing\"}");
        graphQl(token).documentName("journeys").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors.get(0).getExtensions()).containsEntry("code", "INTERNAL_ERROR")
                            .containsEntry("service", "journey-service");
                    assertThat(errors.get(0).getMessage()).doesNotContain("NullPointer");
                });
    }

    @Test
    void restRoutesReachTheServicesWithTheToken() {
        String token = login("viewer");
        journeyService.reply("GET", "/journeys", 200, "{\"items\":[],\"total\":0,\"offset\":0,\"limit\":50}");

        ServiceHttp.Response routed = http.get("/api/journey/journeys?limit=50", "Bearer " + token);

        assertThat(routed.status()).isEqualTo(200);
        assertThat(routed.json().at("/total").asInt()).isZero();
        assertThat(journeyService.requests().get(0).uri()).isEqualTo("/journeys?limit=50");
        assertThat(journeyService.requests().get(0).authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void thePublicSurveyRouteNeedsNoTokenAndTellsTheServiceTheClientsOwnAddress() {
        enpsService.reply("POST", "/public/survey", 200, "{\"status\":\"OPEN\"}");

        // a client naming some other address for itself does not get that address's rate limit bucket: the gateway
        // tells the service the address the request came from
        ServiceHttp.Response answered = http.send("POST", "/api/employee-nps/public/survey", null, java.util.Map.of("token", "t"),
                "application/json", java.util.Map.of("X-Forwarded-For", "203.0.113.9"));

        assertThat(answered.status()).isEqualTo(200);
        FakeService.Request forwarded = enpsService.requests().get(0);
        assertThat(forwarded.authorization()).isNull();
        assertThat(forwarded.header("X-Cairn-Client-Address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");

        // nor by naming it in the gateway's own header
        http.send("POST", "/api/employee-nps/public/survey", null, java.util.Map.of("token", "t"), "application/json",
                java.util.Map.of("X-Cairn-Client-Address", "203.0.113.9"));
        assertThat(enpsService.requests().get(1).header("X-Cairn-Client-Address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void graphQlOverHttpFollowsTheSpecification() {
        String token = "Bearer " + login("viewer");
        journeyService.reply("GET", "/journeys", 200, "{\"items\":[],\"total\":0,\"offset\":0,\"limit\":20}");
        Map<String, String> modern = Map.of("Accept", "application/graphql-response+json");

        ServiceHttp.Response get = http.get("/graphql?query=" + encode("query Count { journeys { totalCount } }")
                + "&operationName=Count", token, modern);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.contentType()).startsWith("application/graphql-response+json");
        assertThat(get.json().at("/data/journeys/totalCount").asInt()).isZero();

        ServiceHttp.Response mutation = http.get("/graphql?query=" + encode("mutation { createJourney(input: {name: \"x\"}) { id } }"),
                token, modern);
        assertThat(mutation.status()).isEqualTo(405);
        assertThat(journeyService.requests()).noneMatch(r -> r.method().equals("POST"));

        ServiceHttp.Response parseError = http.post("/graphql", token, Map.of("query", "{ journeys { "), modern);
        assertThat(parseError.status()).isEqualTo(400);
        assertThat(parseError.json().at("/errors/0/message").asString()).contains("Invalid syntax");
        assertThat(http.get("/graphql?query=" + encode("{ nope }"), token, modern).status()).isEqualTo(400);
        // plain application/json keeps 200 for GraphQL errors, as the specification says
        assertThat(http.post("/graphql", token, Map.of("query", "{ nope }")).status()).isEqualTo(200);

        ServiceHttp.Response tooLarge = http.post("/graphql", token, Map.of("query", "{ journeys { totalCount } }",
                "variables", Map.of("pad", "x".repeat(1_000_000))));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().at("/code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");

        int asked = journeyService.requests().size();
        ServiceHttp.Response batch = http.post("/graphql", token, java.util.List.of(
                Map.of("query", "{ journeys { totalCount } }"), Map.of("query", "{ journeys { totalCount } }")), modern);
        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.json().at("/code").asString()).isEqualTo("BATCH_NOT_SUPPORTED");
        assertThat(batch.json().at("/detail").asString()).contains("one GraphQL request per HTTP request");
        assertThat(journeyService.requests()).hasSize(asked);
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theWebUiIsServedAtTheRootAndOnItsDeepLinks() {
        ServiceHttp.Response root = http.get("/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.body()).contains("<div id=\"root\"></div>");
        ServiceHttp.Response deepLink = http.get("/login", null, Map.of("Accept", "text/html"));
        assertThat(deepLink.status()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(root.body());
    }
}
