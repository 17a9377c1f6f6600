package io.cairn.gateway.journey;

import io.cairn.gateway.graphql.DownstreamException;
import io.cairn.gateway.graphql.DownstreamService;
import io.cairn.gateway.graphql.DownstreamServices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/** Calls journey-service's REST API, through the service's protections. */
@Component
public class JourneyClient {

    static final String SERVICE = "journey-service";

    private final DownstreamService service;

    public JourneyClient(DownstreamServices services, @Value("${cairn.services.journey.url}") String baseUrl) {
        this.service = services.create(SERVICE, baseUrl);
    }

    public Mono<JourneyPage> search(JourneyFilter filter, JourneySort sort, int offset, int limit) {
        JourneyFilter f = filter == null ? new JourneyFilter(null, null, null, null) : filter;
        return service.read(service.http().get()
                .uri(uri -> {
                    Map<String, Object> values = new HashMap<>();
                    UriBuilder b = uri.path("/journeys")
                            .queryParam("sort", sort.parameter())
                            .queryParam("offset", offset)
                            .queryParam("limit", limit);
                    queryParam(b, values, "status", f.status());
                    queryParam(b, values, "tag", f.tag());
                    queryParam(b, values, "owner", f.ownerTeam());
                    queryParam(b, values, "text", f.text());
                    return b.build(values);
                })
                .retrieve()
                .bodyToMono(JourneyPage.class));
    }

    /** The journey, or empty when it does not exist. */
    public Mono<Journey> get(String id) {
        return service.read(service.http().get().uri("/journeys/{id}", id).retrieve().bodyToMono(Journey.class))
                .onErrorResume(DownstreamException.class, e -> e.status() == 404 ? Mono.empty() : Mono.error(e));
    }

    public Mono<RevisionPage> revisions(String id, int offset, int limit) {
        return service.read(service.http().get()
                .uri(uri -> uri.path("/journeys/{id}/revisions").queryParam("offset", offset).queryParam("limit", limit)
                        .build(id))
                .retrieve().bodyToMono(RevisionPage.class));
    }

    public Mono<Map<String, Object>> diff(String id, long from, long to) {
        return service.read(service.http().get()
                .uri(uri -> uri.path("/journeys/{id}/revisions/diff").queryParam("from", from).queryParam("to", to).build(id))
                .retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { }));
    }

    public Mono<List<JourneyTemplate>> templates() {
        return service.read(service.http().get().uri("/templates").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<JourneyTemplate>>() { }));
    }

    public Mono<Journey> create(Object input) {
        return send(HttpMethod.POST, "/journeys", input, Journey.class);
    }

    /**
     * A write of journey-service that answers the journey: {@code method} on the URI template with its
     * variables (encoded, so ids cannot change the path) and a JSON body (null for none).
     */
    public Mono<Journey> change(HttpMethod method, String uriTemplate, Object body, Object... variables) {
        return send(method, uriTemplate, body, Journey.class, variables);
    }

    /** Deletes an archived journey (journey-service also deletes its touchpoints). */
    public Mono<Void> delete(String id, long expectedVersion) {
        return service.write(service.http().delete()
                .uri(uri -> uri.path("/journeys/{id}").queryParam("expectedVersion", expectedVersion).build(id))
                .retrieve().bodyToMono(Void.class));
    }

    /** A duplicate: journey-service answers {@code {journey, stageIds}}. */
    public Mono<Journey> duplicate(String id, String name) {
        return send(HttpMethod.POST, "/journeys/{id}/duplicate", name == null ? Map.of() : Map.of("name", name),
                Duplicate.class, id).map(Duplicate::journey);
    }

    record Duplicate(Journey journey, Map<String, String> stageIds) {
    }

    private <T> Mono<T> send(HttpMethod method, String uriTemplate, Object body, Class<T> type, Object... variables) {
        var request = service.http().method(method).uri(uriTemplate, variables);
        var withBody = body == null ? request : request.bodyValue(body);
        return service.write(withBody.retrieve().bodyToMono(type));
    }

    private static void queryParam(UriBuilder builder, Map<String, Object> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            // a template variable, so the value is encoded, never read as a template
            builder.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }
}
