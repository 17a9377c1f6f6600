package io.cairn.employeenps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.platform.test.ServiceHttp;
import io.cairn.platform.test.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The employee NPS API as the tests drive it: real HTTP, real tokens. */
public final class EnpsClient {

    public static final String HR = TestTokens.bearer("hr-admin");

    private final ServiceHttp http;

    public EnpsClient(ServiceHttp http) {
        this.http = http;
    }

    public ServiceHttp http() {
        return http;
    }

    /** Replaces the department tree; each entry is code -> parent code (null for top level). */
    public void departments(Map<String, String> parents) {
        List<Map<String, Object>> tree = new ArrayList<>();
        parents.forEach((code, parent) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("code", code);
            d.put("name", "Department " + code);
            d.put("parent", parent);
            tree.add(d);
        });
        ServiceHttp.Response response = http.send("PUT", "/departments", HR, tree);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    public JsonNode createCampaign(String name, List<String> departments, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "departments", departments,
                "closesAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()));
        body.putAll(extra);
        ServiceHttp.Response response = http.post("/campaigns", HR, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    public JsonNode step(JsonNode campaign, String action) {
        ServiceHttp.Response response = http.post("/campaigns/" + id(campaign) + "/" + action, HR,
                Map.of("expectedVersion", campaign.at("/version").asLong()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** An open campaign over {@code departments}. */
    public JsonNode openCampaign(String name, List<String> departments) {
        return step(createCampaign(name, departments, Map.of()), "open");
    }

    /** Issues links by head count; answers the link tokens per department. */
    public Map<String, List<String>> links(JsonNode campaign, Map<String, Integer> counts) {
        ServiceHttp.Response response = http.post("/campaigns/" + id(campaign) + "/invitations/counts", HR,
                Map.of("counts", counts));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        Map<String, List<String>> tokens = new LinkedHashMap<>();
        for (JsonNode link : response.json().at("/links")) {
            tokens.computeIfAbsent(link.at("/department").asString(), k -> new ArrayList<>()).add(token(link.at("/url").asString()));
        }
        return tokens;
    }

    public ServiceHttp.Response answer(String token, int score, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("score", score);
        if (comment != null) {
            body.put("comment", comment);
        }
        return http.post("/public/survey/responses", null, body);
    }

    public static String token(String url) {
        return url.substring(url.indexOf('#') + 1);
    }

    public static String id(JsonNode campaign) {
        return campaign.at("/id").asString();
    }
}
