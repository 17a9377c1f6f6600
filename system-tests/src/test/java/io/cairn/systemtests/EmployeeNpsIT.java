package io.cairn.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.ServiceHttp;
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
 * The eNPS acceptance on the running suite, through the gateway: HR sets up a small department tree and a
 * campaign over GraphQL, issues links, 40 employees answer through the public endpoints without logging in,
 * a used link is refused, and the results show the large departments and hide the small one and its
 * complement; a designer reads nothing of it.
 */
@ExtendWith(RunningSuite.class)
class EmployeeNpsIT {

    ServiceHttp http() {
        return RunningSuite.get().http();
    }

    JsonNode graphQl(String bearer, String query, Map<String, Object> variables) {
        ServiceHttp.Response response = http().post("/graphql", bearer, Map.of("query", query, "variables", variables));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    JsonNode data(String bearer, String query, Map<String, Object> variables) {
        JsonNode body = graphQl(bearer, query, variables);
        assertThat(body.at("/errors").isMissingNode()).as(body.toString()).isTrue();
        return body.at("/data");
    }

    @Test
    void hrRunsACampaignThroughToResultsThatHideTheSmallDepartmentAndItsComplement() {
        String hr = "Bearer " + RunningSuite.get().token("hr-admin");
        List<Map<String, Object>> tree = List.of(
                department("acme", "Acme", null), department("ops", "Operations", "acme"),
                department("cabin-crew", "Cabin crew", "ops"), department("ops-air", "Air operations", "ops"),
                department("people", "People", "acme"), department("legal", "Legal", "acme"));
        assertThat(data(hr, "mutation($d: [DepartmentInput!]!) { replaceDepartments(departments: $d) { code depth } }",
                Map.of("d", tree)).at("/replaceDepartments").size()).isEqualTo(6);

        JsonNode campaign = data(hr, """
                mutation($input: CampaignInput!) { createCampaign(input: $input) { id version status question { language text } } }""",
                Map.of("input", Map.of("name", "Winter pulse", "company", "Acme", "departments", List.of("acme"),
                        "closesAt", Instant.now().plus(14, ChronoUnit.DAYS).toString(),
                        "openQuestion", List.of(Map.of("language", "en", "text", "What would make Acme a better place to work?")))))
                .at("/createCampaign");
        assertThat(campaign.at("/question/0/text").asString()).isEqualTo("How likely are you to recommend Acme as a place to work?");
        String id = campaign.at("/id").asString();
        JsonNode opened = data(hr, "mutation($id: ID!, $v: Int!) { openCampaign(id: $id, expectedVersion: $v) { status version } }",
                Map.of("id", id, "v", campaign.at("/version").asInt())).at("/openCampaign");
        assertThat(opened.at("/status").asString()).isEqualTo("OPEN");

        Map<String, Integer> headCount = new LinkedHashMap<>(Map.of("cabin-crew", 14, "ops-air", 12, "people", 11, "legal", 3));
        List<Map<String, Object>> counts = new ArrayList<>();
        headCount.forEach((code, n) -> counts.add(Map.of("department", code, "count", n)));
        JsonNode issued = data(hr, """
                mutation($id: ID!, $c: [DepartmentCount!]!) { issueSurveyLinks(campaignId: $id, counts: $c) { issued links { department url } } }""",
                Map.of("id", id, "c", counts)).at("/issueSurveyLinks");
        assertThat(issued.at("/issued").asInt()).isEqualTo(40);

        // 40 employees answer on the public survey endpoints: no login, the token from the link's fragment
        String used = null;
        int i = 0;
        for (JsonNode link : issued.at("/links")) {
            String url = link.at("/url").asString();
            assertThat(url).startsWith(RunningSuite.get().baseUrl() + "/survey#");
            String token = url.substring(url.indexOf('#') + 1);
            JsonNode survey = http().post("/api/employee-nps/public/survey", null, Map.of("token", token)).json();
            assertThat(survey.at("/question").asString()).contains("Acme");
            int score = link.at("/department").asString().equals("cabin-crew") ? 9 + i % 2 : i % 11;
            ServiceHttp.Response answer = http().post("/api/employee-nps/public/survey/responses", null,
                    Map.of("token", token, "score", score, "comment", "Comment number " + i));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            used = token;
            i++;
        }
        ServiceHttp.Response again = http().post("/api/employee-nps/public/survey/responses", null,
                Map.of("token", used, "score", 0));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().at("/code").asString()).isEqualTo("LINK_USED");

        String results = """
                query($id: ID!) { campaignResults(id: $id) {
                  overall { answered hidden figures { n enps } comments }
                  departments { department answered hidden hiddenReason figures { n enps marginOfError } commentsHidden } } }""";
        JsonNode early = graphQl(hr, results, Map.of("id", id));
        assertThat(early.at("/errors/0/extensions/code").asString()).isEqualTo("RESULTS_NOT_RELEASED");

        JsonNode participation = data(hr, "query($id: ID!) { campaignParticipation(id: $id) { department invited answered } }",
                Map.of("id", id)).at("/campaignParticipation");
        assertThat(participation.at("/0/answered").asInt()).isEqualTo(40);
        int version = data(hr, "query($id: ID!) { campaign(id: $id) { version } }", Map.of("id", id)).at("/campaign/version").asInt();
        assertThat(data(hr, "mutation($id: ID!, $v: Int!) { closeCampaign(id: $id, expectedVersion: $v) { status } }",
                Map.of("id", id, "v", version)).at("/closeCampaign/status").asString()).isEqualTo("CLOSED");

        JsonNode shown = data(hr, results, Map.of("id", id)).at("/campaignResults");
        assertThat(shown.at("/overall/figures/n").asInt()).isEqualTo(40);
        assertThat(shown.at("/overall/comments").size()).isEqualTo(40);
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        shown.at("/departments").forEach(d -> byCode.put(d.at("/department").asString(), d));
        assertThat(byCode.get("cabin-crew").at("/figures/enps").asDouble()).isEqualTo(100.0);
        assertThat(byCode.get("ops").at("/figures/n").asInt()).isEqualTo(26);
        assertThat(byCode.get("ops-air").at("/hidden").asBoolean()).isFalse();
        assertThat(byCode.get("legal").at("/hidden").asBoolean()).isTrue();
        assertThat(byCode.get("legal").at("/hiddenReason").asString()).isEqualTo("hidden: fewer than 5 responses");
        assertThat(byCode.get("legal").at("/figures").isNull()).isTrue();
        // acme minus operations minus people would be legal: people is hidden too
        assertThat(byCode.get("people").at("/hidden").asBoolean()).isTrue();
        assertThat(byCode.get("people").at("/hiddenReason").asString()).contains("smaller group");

        String designer = "Bearer " + RunningSuite.get().token("designer");
        assertThat(graphQl(designer, results, Map.of("id", id)).at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(http().get("/api/employee-nps/campaigns/" + id + "/results", designer).status()).isEqualTo(403);

        // customers answer NPS on the touchpoints the cabin crew owns in an airline journey
        String designerToken = "Bearer " + RunningSuite.get().token("designer");
        String analyst = "Bearer " + RunningSuite.get().token("analyst");
        String journeyId = http().post("/api/journey/templates/airline-trip/journeys", designerToken,
                Map.of("name", "Airline (dual NPS)")).json().at("/id").asString();
        List<String> crewTouchpoints = http().get("/api/touchpoint/touchpoints?journeyId=" + journeyId, designerToken).json()
                .valueStream().filter(t -> "cabin-crew".equals(t.at("/ownerTeam").asString()))
                .map(t -> t.at("/id").asString()).toList();
        assertThat(crewTouchpoints).isNotEmpty();
        for (int r = 0; r < 10; r++) {
            List<Map<String, Object>> items = new ArrayList<>();
            int score = r < 6 ? 10 : 3;
            crewTouchpoints.forEach(tp -> items.add(Map.of("touchpointId", tp, "metric", "NPS", "score", score)));
            assertThat(http().post("/api/metrics/submissions", analyst, Map.of("id", "dual-" + r, "journeyId", journeyId,
                    "items", items)).status()).isEqualTo(201);
        }
        JsonNode dual = data(hr, """
                { dualNps(days: 30) { department employee { hidden figures { enps } } customer { touchpoints npsN nps } } }""",
                Map.of()).at("/dualNps");
        JsonNode crew = dual.valueStream().filter(d -> d.at("/department").asString().equals("cabin-crew")).findFirst().orElseThrow();
        assertThat(crew.at("/employee/figures/enps").asDouble()).isEqualTo(100.0);
        assertThat(crew.at("/customer/touchpoints").asInt()).isGreaterThanOrEqualTo(crewTouchpoints.size());
        // 6 promoters and 4 detractors on each crew touchpoint: +20, whatever else the crew owns without NPS answers
        assertThat(crew.at("/customer/npsN").asInt()).isEqualTo(10 * crewTouchpoints.size());
        assertThat(crew.at("/customer/nps").asDouble()).isEqualTo(20.0);
        assertThat(dual.valueStream().filter(d -> d.at("/department").asString().equals("legal")).findFirst().orElseThrow()
                .at("/employee/hidden").asBoolean()).isTrue();
    }

    static Map<String, Object> department(String code, String name, String parent) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", code);
        d.put("name", name);
        d.put("parent", parent);
        return d;
    }
}
