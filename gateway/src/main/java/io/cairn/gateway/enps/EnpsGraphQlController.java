package io.cairn.gateway.enps;

import io.cairn.gateway.metrics.MetricsClient;
import io.cairn.gateway.touchpoint.Touchpoint;
import io.cairn.gateway.touchpoint.TouchpointClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Employee NPS in the GraphQL API: departments, campaigns and their lifecycle, links, results with
 * suppression shown as such, trends, and dual NPS (employee NPS per department next to the customer NPS of
 * the touchpoints it owns). employee-nps-service enforces anonymity and roles; the gateway checks roles too.
 */
@Controller
class EnpsGraphQlController {

    private final EmployeeNpsClient enps;
    private final TouchpointClient touchpoints;
    private final MetricsClient metrics;

    EnpsGraphQlController(EmployeeNpsClient enps, TouchpointClient touchpoints, MetricsClient metrics) {
        this.enps = enps;
        this.touchpoints = touchpoints;
        this.metrics = metrics;
    }

    @QueryMapping
    @PreAuthorize("hasRole('VIEWER')")
    Mono<List<Map<String, Object>>> departments() {
        return enps.list("/departments", Map.of());
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
    Mono<List<Map<String, Object>>> campaigns(@Argument String status) {
        return enps.list("/campaigns", optional("status", status));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
    Mono<Map<String, Object>> campaign(@Argument String id) {
        return enps.get("/campaigns/{id}", id);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
    Mono<Map<String, Object>> campaignResults(@Argument String id) {
        return enps.get("/campaigns/{id}/results", id);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
    Mono<List<Map<String, Object>>> campaignParticipation(@Argument String id) {
        return enps.list("/campaigns/{id}/participation", Map.of(), id);
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
    Mono<List<Map<String, Object>>> enpsTrend(@Argument String department) {
        return enps.list("/results/trend", optional("department", department));
    }

    /** Three downstream calls whatever the number of departments: eNPS rows, owned touchpoints, their scores. */
    @QueryMapping
    @PreAuthorize("hasAnyRole('HR_ADMIN', 'LEADER')")
    Mono<List<Map<String, Object>>> dualNps(@Argument Integer days) {
        int window = days == null ? 365 : days;
        if (window < 1 || window > 3660) {
            throw new IllegalArgumentException("days must be between 1 and 3660");
        }
        Map<String, Object> query = Map.of("from", Instant.now().minus(window, ChronoUnit.DAYS).toString());
        return enps.list("/results/departments", query).flatMap(employee -> {
            List<String> codes = employee.stream().map(row -> String.valueOf(row.get("department"))).toList();
            if (codes.isEmpty()) {
                return Mono.just(List.<Map<String, Object>>of());
            }
            return touchpoints.ownedBy(codes).flatMap(owned -> scoresOf(owned, window)
                    .map(scores -> DualNps.join(employee, owned, scores)));
        });
    }

    private Mono<List<Map<String, Object>>> scoresOf(List<Touchpoint> owned, int days) {
        List<String> ids = owned.stream().map(Touchpoint::id).toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 500) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 500)));
        }
        return Flux.fromIterable(chunks).concatMap(chunk -> metrics.scores(chunk, days, Map.of()))
                .collectList().map(parts -> parts.stream().flatMap(List::stream).toList());
    }

    @SchemaMapping(typeName = "Campaign")
    List<Map<String, String>> question(Map<String, Object> campaign) {
        return translations(campaign.get("question"));
    }

    @SchemaMapping(typeName = "Campaign")
    List<Map<String, String>> openQuestion(Map<String, Object> campaign) {
        return translations(campaign.get("openQuestion"));
    }

    /** The participation of every campaign of a query in one call. */
    @org.springframework.graphql.data.method.annotation.BatchMapping(typeName = "Campaign")
    Mono<Map<Map<String, Object>, List<Map<String, Object>>>> participation(List<Map<String, Object>> campaigns) {
        return enps.participation(campaigns.stream().map(c -> String.valueOf(c.get("id"))).distinct().toList())
                .map(byId -> {
                    Map<Map<String, Object>, List<Map<String, Object>>> result = new java.util.LinkedHashMap<>();
                    campaigns.forEach(c -> result.put(c, byId.getOrDefault(String.valueOf(c.get("id")), List.of())));
                    return result;
                });
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<List<Map<String, Object>>> replaceDepartments(@Argument List<Map<String, Object>> departments) {
        return enps.replaceDepartments(departments);
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<Map<String, Object>> addDepartment(@Argument Map<String, Object> input) {
        return enps.change(HttpMethod.POST, "/departments", input);
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<String> deleteDepartment(@Argument String code) {
        return enps.delete("/departments/{code}", code).thenReturn(code);
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<Map<String, Object>> createCampaign(@Argument Map<String, Object> input) {
        return enps.change(HttpMethod.POST, "/campaigns", campaignBody(input, null));
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<Map<String, Object>> updateCampaign(@Argument String id, @Argument long expectedVersion,
            @Argument Map<String, Object> input) {
        return enps.change(HttpMethod.PATCH, "/campaigns/{id}", campaignBody(input, expectedVersion), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<Map<String, Object>> openCampaign(@Argument String id, @Argument long expectedVersion) {
        return enps.change(HttpMethod.POST, "/campaigns/{id}/open", Map.of("expectedVersion", expectedVersion), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<Map<String, Object>> closeCampaign(@Argument String id, @Argument long expectedVersion) {
        return enps.change(HttpMethod.POST, "/campaigns/{id}/close", Map.of("expectedVersion", expectedVersion), id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<String> deleteCampaign(@Argument String id) {
        return enps.delete("/campaigns/{id}", id).thenReturn(id);
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<Map<String, Object>> issueSurveyLinks(@Argument String campaignId, @Argument List<Map<String, Object>> counts) {
        Map<String, Object> byDepartment = new LinkedHashMap<>();
        counts.forEach(c -> byDepartment.merge(String.valueOf(c.get("department")), c.get("count"),
                (a, b) -> ((Number) a).intValue() + ((Number) b).intValue()));
        return enps.change(HttpMethod.POST, "/campaigns/{id}/invitations/counts", Map.of("counts", byDepartment), campaignId);
    }

    @MutationMapping
    @PreAuthorize("hasRole('HR_ADMIN')")
    Mono<Map<String, Object>> issueSurveyLinksFromRoster(@Argument String campaignId, @Argument String csv) {
        return enps.roster(campaignId, csv);
    }

    /** One query parameter that may be absent (null values are left out of the call). */
    private static Map<String, Object> optional(String name, Object value) {
        Map<String, Object> query = new java.util.HashMap<>();
        query.put(name, value);
        return query;
    }

    /** The service's body: translations as a language -> text object. */
    private static Map<String, Object> campaignBody(Map<String, Object> input, Long expectedVersion) {
        Map<String, Object> body = new LinkedHashMap<>(input);
        for (String field : List.of("question", "openQuestion")) {
            if (input.get(field) instanceof List<?> list) {
                Map<String, Object> texts = new LinkedHashMap<>();
                list.forEach(item -> {
                    if (item instanceof Map<?, ?> t) {
                        texts.put(String.valueOf(t.get("language")), t.get("text"));
                    }
                });
                body.put(field, texts);
            }
        }
        if (expectedVersion != null) {
            body.put("expectedVersion", expectedVersion);
        }
        return body;
    }

    private static List<Map<String, String>> translations(Object value) {
        if (!(value instanceof Map<?, ?> texts)) {
            return null;
        }
        List<Map<String, String>> list = new ArrayList<>();
        texts.forEach((language, text) -> list.add(Map.of("language", String.valueOf(language), "text", String.valueOf(text))));
        return list;
    }
}
