package io.cairn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.FakeService;
import io.cairn.platform.test.ServiceHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Employee NPS through GraphQL, with real local servers standing in for the services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cairn.data-dir=target/test-data", "spring.main.banner-mode=off",
        "cairn.resilience.read-timeout=600ms", "cairn.resilience.retry-wait=10ms", "cairn.resilience.minimum-calls=1000"})
class EnpsGraphQlTest {

    static final FakeService enpsService = new FakeService();
    static final FakeService touchpointService = new FakeService();
    static final FakeService metricsService = new FakeService();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("cairn.services.employee-nps.url", enpsService::url);
        registry.add("cairn.services.touchpoint.url", touchpointService::url);
        registry.add("cairn.services.metrics.url", metricsService::url);
    }

    @AfterAll
    static void stop() {
        enpsService.close();
        touchpointService.close();
        metricsService.close();
    }

    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void reset() {
        enpsService.reset();
        touchpointService.reset();
        metricsService.reset();
    }

    HttpGraphQlTester as(String user) {
        String token = ServiceHttp.localhost(port).post("/auth/token", null, Map.of("username", user, "password", "cairn"))
                .json().at("/access_token").asString();
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .defaultHeader("Authorization", "Bearer " + token).build());
    }

    static String json(Object value) {
        return ServiceHttp.JSON.writeValueAsString(value);
    }

    static Map<String, Object> group(String department, boolean hidden, Integer n, Double enps) {
        Map<String, Object> group = new java.util.HashMap<>(Map.of("name", "Group", "depth", 1, "invited", 10,
                "answered", n == null ? 2 : n, "hidden", hidden, "commentsHidden", true, "comments", List.of()));
        if (department != null) {
            group.put("department", department);
        }
        return group;
    }

    @Test
    void dualNpsJoinsEachDepartmentsEmployeeNpsWithTheCustomerAnswersOfTheTouchpointsItOwnsInThreeCalls() {
        Map<String, Object> crew = group("cabin-crew", false, 12, 25.0);
        crew.put("figures", Map.of("n", 12, "enps", 25.0));
        Map<String, Object> catering = group("catering", true, 2, null);
        catering.put("hiddenReason", "hidden: fewer than 5 responses");
        enpsService.reply("GET", "/results/departments", 200, json(List.of(
                Map.of("department", "cabin-crew", "name", "Cabin crew", "campaignId", "c1", "campaignName", "Spring pulse",
                        "group", crew),
                Map.of("department", "catering", "name", "Catering", "campaignId", "c1", "campaignName", "Spring pulse",
                        "group", catering))));
        touchpointService.reply("GET", "/touchpoints/search", 200, json(Map.of("total", 3, "offset", 0, "limit", 200,
                "items", List.of(touchpoint("t1", "cabin-crew"), touchpoint("t2", "cabin-crew"), touchpoint("t3", "catering")))));
        // t1: 6 promoters (10), 2 detractors (3); t2: 2 passives (8); t3: CSAT 4, 4, 2
        metricsService.reply("GET", "/scores", 200, json(List.of(
                Map.of("touchpointId", "t1", "metric", "NPS", "n", 8, "distribution", List.of(0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 6)),
                Map.of("touchpointId", "t2", "metric", "NPS", "n", 2, "distribution", List.of(0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0)),
                Map.of("touchpointId", "t3", "metric", "CSAT", "n", 3, "distribution", List.of(0, 0, 1, 0, 2, 0)))));

        var response = as("hr-admin").documentName("dualNps").variable("days", 90).execute();

        response.errors().verify()
                .path("dualNps[0].department").entity(String.class).isEqualTo("cabin-crew")
                .path("dualNps[0].employee.figures.enps").entity(Double.class).isEqualTo(25.0)
                // (6 - 2) / 10 = 40
                .path("dualNps[0].customer.nps").entity(Double.class).isEqualTo(40.0)
                .path("dualNps[0].customer.npsN").entity(Integer.class).isEqualTo(10)
                .path("dualNps[0].customer.touchpoints").entity(Integer.class).isEqualTo(2)
                .path("dualNps[1].employee.hidden").entity(Boolean.class).isEqualTo(true)
                .path("dualNps[1].employee.hiddenReason").entity(String.class).isEqualTo("hidden: fewer than 5 responses")
                .path("dualNps[1].employee.figures").valueIsNull()
                .path("dualNps[1].customer.nps").valueIsNull()
                .path("dualNps[1].customer.csat").entity(Double.class).isEqualTo(66.7);
        assertThat(enpsService.requests()).hasSize(1);
        assertThat(touchpointService.requests()).hasSize(1);
        assertThat(touchpointService.requests().get(0).uri()).contains("ownerTeam=cabin-crew").contains("ownerTeam=catering");
        assertThat(metricsService.requests()).hasSize(1);
        assertThat(metricsService.requests().get(0).uri()).contains("touchpointId=t1").contains("days=90");
    }

    @Test
    void resultsAreForHrAdminsAndLeadersAndHiddenGroupsComeThroughAsHidden() {
        Map<String, Object> overall = group(null, false, 24, null);
        overall.put("name", "Pulse");
        overall.put("figures", Map.of("n", 24, "enps", -33.3, "marginOfError", 30.1, "promoters", 7, "passives", 2,
                "detractors", 15, "promotersPercent", 29.2, "passivesPercent", 8.3, "detractorsPercent", 62.5,
                "distribution", List.of(3, 0, 0, 1, 0, 1, 10, 1, 1, 4, 3)));
        Map<String, Object> legal = group("legal", true, 3, null);
        legal.put("hiddenReason", "hidden: fewer than 5 responses");
        legal.put("commentsHiddenReason", "comments hidden: fewer than 10 responses");
        enpsService.reply("GET", "/campaigns/c1/results", 200, json(Map.of("campaignId", "c1", "campaignName", "Pulse",
                "minGroupSize", 5, "minCommentGroupSize", 10, "overall", overall, "departments", List.of(legal))));

        as("hr-admin").documentName("campaignResults").variable("id", "c1").execute().errors().verify()
                .path("campaignResults.overall.figures.enps").entity(Double.class).isEqualTo(-33.3)
                .path("campaignResults.overall.figures.distribution").entityList(Integer.class).hasSize(11)
                .path("campaignResults.departments[0].hidden").entity(Boolean.class).isEqualTo(true)
                .path("campaignResults.departments[0].hiddenReason").entity(String.class).isEqualTo("hidden: fewer than 5 responses")
                .path("campaignResults.departments[0].figures").valueIsNull();
        assertThat(enpsService.requests()).hasSize(1);

        for (String user : List.of("designer", "analyst", "viewer")) {
            as(user).documentName("campaignResults").variable("id", "c1").execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions().get("code")).isEqualTo("FORBIDDEN")));
        }
        // refused at the gateway: the service never heard of those attempts
        assertThat(enpsService.requests()).hasSize(1);

        enpsService.reply("GET", "/campaigns/c2/results", 409, json(Map.of("status", 409, "code", "RESULTS_NOT_RELEASED",
                "detail", "Results are released when the campaign closes")));
        as("leader").documentName("campaignResults").variable("id", "c2").execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getExtensions().get("code")).isEqualTo("RESULTS_NOT_RELEASED")));
    }

    @Test
    void theParticipationOfEveryCampaignOfAListTakesOneCall() {
        enpsService.reply("GET", "/campaigns", 200, json(List.of(Map.of("id", "c1"), Map.of("id", "c2"), Map.of("id", "c3"))));
        Map<String, Object> row = Map.of("department", "sales", "name", "Sales", "depth", 1, "invited", 20, "answered", 12,
                "responseRate", 60.0);
        enpsService.reply("GET", "/participation", 200, json(Map.of("c1", List.of(row), "c2", List.of(), "c3", List.of(row))));

        as("hr-admin").document("{ campaigns { id participation { department answered responseRate } } }").execute().errors().verify()
                .path("campaigns[0].participation[0].answered").entity(Integer.class).isEqualTo(12)
                .path("campaigns[1].participation").entityList(Object.class).hasSize(0)
                .path("campaigns[2].participation[0].department").entity(String.class).isEqualTo("sales");
        assertThat(enpsService.requests()).extracting(r -> r.uri().replaceAll("\\?.*", "")).containsExactly("/campaigns", "/participation");
        assertThat(enpsService.requests().get(1).uri()).contains("campaignId=c1", "campaignId=c2", "campaignId=c3");
    }

    @Test
    void campaignsAreCreatedWithTranslationsAndTheServiceBeingDownIsSaidSo() {
        Map<String, String> question = new java.util.LinkedHashMap<>();
        question.put("en", "How likely…?");
        question.put("zh-CN", "您有多大可能…？");
        enpsService.reply("POST", "/campaigns", 201, json(Map.of("id", "c9", "status", "DRAFT", "version", 1,
                "question", question, "openQuestion", Map.of("en", "Why?"))));

        as("hr-admin").documentName("createCampaign").variable("input", Map.of("name", "Pulse", "departments", List.of("sales"),
                        "openQuestion", List.of(Map.of("language", "en", "text", "Why?")), "minGroupSize", 6))
                .execute().errors().verify()
                .path("createCampaign.question[1].language").entity(String.class).isEqualTo("zh-CN")
                .path("createCampaign.openQuestion[0].text").entity(String.class).isEqualTo("Why?");
        JsonNode sent = ServiceHttp.JSON.readTree(enpsService.requests().get(0).body());
        assertThat(sent.at("/openQuestion/en").asString()).isEqualTo("Why?");
        assertThat(sent.at("/minGroupSize").asInt()).isEqualTo(6);

        enpsService.reply("POST", "/campaigns/c9/invitations/roster", 400, json(Map.of("status", 400, "code", "ROSTER_INVALID",
                "detail", "1 roster row(s) are invalid; nothing was issued",
                "errors", List.of(Map.of("row", 3, "column", "email", "reason", "is not an email address")))));
        as("hr-admin").document("mutation { issueSurveyLinksFromRoster(campaignId: \"c9\", csv: \"department,email\\nsales,x\") { issued } }")
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions().get("code")).isEqualTo("ROSTER_INVALID");
                    assertThat(e.getExtensions().get("errors")).isEqualTo(
                            List.of(Map.of("row", 3, "column", "email", "reason", "is not an email address")));
                }));
        assertThat(enpsService.requests().get(1).header("Content-Type")).startsWith("text/csv");

        as("designer").documentName("createCampaign").variable("input", Map.of("name", "x")).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions().get("code")).isEqualTo("FORBIDDEN")));

        enpsService.close();
        as("hr-admin").documentName("campaignResults").variable("id", "c1").execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions().get("code")).isEqualTo("SERVICE_UNAVAILABLE");
                    assertThat(e.getExtensions().get("service")).isEqualTo("employee-nps-service");
                }));
    }

    static Map<String, Object> touchpoint(String id, String team) {
        return Map.ofEntries(Map.entry("id", id), Map.entry("journeyId", "j"), Map.entry("stageId", "s"),
                Map.entry("name", id), Map.entry("channel", "WEB"), Map.entry("ownerTeam", team),
                Map.entry("designedEmotion", 0), Map.entry("importanceDerived", false), Map.entry("targets", Map.of()),
                Map.entry("painPoints", List.of()), Map.entry("opportunities", List.of()), Map.entry("momentOfTruth", false),
                Map.entry("version", 1));
    }
}
