package io.cairn.gateway.metrics;

import io.cairn.gateway.graphql.DownstreamService;
import io.cairn.gateway.graphql.DownstreamServices;
import io.cairn.gateway.touchpoint.Touchpoint;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/** Calls metrics-service's REST API, through the service's protections. Answers are passed on as JSON objects. */
@Component
public class MetricsClient {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    private final DownstreamService service;

    public MetricsClient(DownstreamServices services, @Value("${cairn.services.metrics.url}") String baseUrl) {
        this.service = services.create("metrics-service", baseUrl);
    }

    /** Scores of many touchpoints over the last {@code days} days, in one call; {@code segment}: attribute -> value to keep. */
    public Mono<List<Map<String, Object>>> scores(Collection<String> touchpointIds, int days, Map<String, String> segment) {
        return service.read(service.http().get()
                .uri(uri -> {
                    uri.path("/scores").queryParam("touchpointId", touchpointIds.toArray()).queryParam("days", days);
                    return uri.build(withSegment(uri, segment, Map.of()));
                })
                .retrieve().bodyToMono(LIST));
    }

    /**
     * Adds {@code segment.<attribute>=<value>} parameters; values go in as URI variables (encoded, never read as
     * templates). Answers the variables to build with, {@code others} included.
     */
    private static Map<String, Object> withSegment(org.springframework.web.util.UriBuilder uri, Map<String, String> segment,
            Map<String, Object> others) {
        Map<String, Object> variables = new java.util.HashMap<>(others);
        int i = 0;
        for (Map.Entry<String, String> e : segment.entrySet()) {
            uri.queryParam("segment.{a" + i + "}", "{v" + i + "}");
            variables.put("a" + i, e.getKey());
            variables.put("v" + i, e.getValue());
            i++;
        }
        return variables;
    }

    /** The segment attributes of a journey's answers, each with its values. */
    public Mono<Map<String, List<String>>> segments(String journeyId) {
        return service.read(service.http().get().uri("/journeys/{id}/segments", journeyId).retrieve()
                .bodyToMono(new ParameterizedTypeReference<Map<String, List<String>>>() { }));
    }

    /** Per touchpoint and period (DAY, WEEK, MONTH) over the last {@code days} days, for trend charts, in one call. */
    public Mono<List<Map<String, Object>>> series(Collection<String> touchpointIds, String interval, int days) {
        return service.read(service.http().get()
                .uri(uri -> uri.path("/scores/series").queryParam("touchpointId", touchpointIds.toArray())
                        .queryParam("interval", "{interval}").queryParam("days", days).build(interval))
                .retrieve().bodyToMono(LIST));
    }

    public Mono<List<Map<String, Object>>> alertRules(String journeyId) {
        return service.read(service.http().get()
                .uri(uri -> uri.path("/alert-rules").queryParam("journeyId", "{id}").build(journeyId))
                .retrieve().bodyToMono(LIST));
    }

    public Mono<Map<String, Object>> createAlertRule(Map<String, Object> input) {
        return service.write(service.http().post().uri("/alert-rules").bodyValue(input).retrieve()
                .bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { }));
    }

    public Mono<Void> deleteAlertRule(String id) {
        return service.write(service.http().delete().uri("/alert-rules/{id}", id).retrieve().bodyToMono(Void.class));
    }

    public Mono<List<Map<String, Object>>> evaluateAlerts(String journeyId) {
        return service.write(service.http().post().uri("/journeys/{id}/alerts/evaluate", journeyId).retrieve().bodyToMono(LIST));
    }

    public Mono<List<Map<String, Object>>> journeyAnalysis(String journeyId, String analysis, int days, Integer minimum,
            Map<String, String> segment) {
        return service.read(service.http().get().uri(analysisUri(journeyId, analysis, days, minimum, segment))
                .retrieve().bodyToMono(LIST));
    }

    /**
     * The same analysis over the journey's touchpoints as the gateway has just read them (weak touchpoints, stage
     * scores): metrics-service then does not ask touchpoint-service again. A read, though sent as a POST.
     */
    public Mono<List<Map<String, Object>>> journeyAnalysis(String journeyId, String analysis, int days, Integer minimum,
            Map<String, String> segment, List<Touchpoint> touchpoints) {
        List<Map<String, Object>> sent = touchpoints.stream().map(MetricsClient::asSent).toList();
        return service.read(service.http().post().uri(analysisUri(journeyId, analysis, days, minimum, segment))
                .bodyValue(Map.of("touchpoints", sent)).retrieve().bodyToMono(LIST));
    }

    /** What metrics-service uses of a touchpoint. */
    private static Map<String, Object> asSent(Touchpoint touchpoint) {
        Map<String, Object> sent = new HashMap<>();
        sent.put("id", touchpoint.id());
        sent.put("name", touchpoint.name());
        sent.put("stageId", touchpoint.stageId());
        sent.put("ownerTeam", touchpoint.ownerTeam());
        sent.put("targets", touchpoint.targets());
        sent.put("importance", touchpoint.importance());
        sent.put("importanceDerived", touchpoint.importanceDerived());
        return sent;
    }

    private static Function<UriBuilder, URI> analysisUri(String journeyId, String analysis, int days,
            Integer minimum, Map<String, String> segment) {
        return uri -> {
            uri.path("/journeys/{id}/" + analysis).queryParam("days", days);
            if (minimum != null) {
                uri.queryParam(analysis.equals("key-drivers") ? "minPairs" : "minN", minimum);
            }
            return uri.build(withSegment(uri, segment, Map.of("id", journeyId)));
        };
    }

    public Mono<List<Map<String, Object>>> cases(String status, String team, String journeyId) {
        return service.read(service.http().get().uri(uri -> {
            uri.path("/cases");
            Map<String, Object> values = new java.util.HashMap<>();
            java.util.Map.of("status", status == null ? "" : status, "team", team == null ? "" : team,
                    "journeyId", journeyId == null ? "" : journeyId).forEach((name, value) -> {
                        if (!value.isBlank()) {
                            uri.queryParam(name, "{" + name + "}");
                            values.put(name, value);
                        }
                    });
            return uri.build(values);
        }).retrieve().bodyToMono(LIST));
    }

    public Mono<Map<String, Object>> changeCase(String id, String action, long expectedVersion, String note) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("expectedVersion", expectedVersion);
        if (note != null) {
            body.put("note", note);
        }
        return service.write(service.http().method(HttpMethod.POST).uri("/cases/{id}/{action}", id, action).bodyValue(body)
                .retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { }));
    }
}
