package io.cairn.gateway.touchpoint;

import io.cairn.gateway.graphql.DownstreamException;
import io.cairn.gateway.graphql.DownstreamService;
import io.cairn.gateway.graphql.DownstreamServices;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Calls touchpoint-service's REST API, through the service's protections. */
@Component
public class TouchpointClient {

    private final DownstreamService service;

    public TouchpointClient(DownstreamServices services, @Value("${cairn.services.touchpoint.url}") String baseUrl) {
        this.service = services.create("touchpoint-service", baseUrl);
    }

    /** Every touchpoint of these journeys in one call, by journey, stage and order. */
    public Mono<List<Touchpoint>> ofJourneys(Collection<String> journeyIds) {
        return service.read(service.http().get()
                .uri(uri -> uri.path("/touchpoints").queryParam("journeyId", journeyIds.toArray()).build())
                .retrieve().bodyToMono(new ParameterizedTypeReference<List<Touchpoint>>() { }));
    }

    /** A touchpoint's history, newest first (the same page shape as a journey's). */
    public Mono<io.cairn.gateway.journey.RevisionPage> revisions(String id, int offset, int limit) {
        return service.read(service.http().get()
                .uri(uri -> uri.path("/touchpoints/{id}/revisions").queryParam("offset", offset).queryParam("limit", limit).build(id))
                .retrieve().bodyToMono(io.cairn.gateway.journey.RevisionPage.class));
    }

    public Mono<Touchpoint> get(String id) {
        return service.read(service.http().get().uri("/touchpoints/{id}", id).retrieve().bodyToMono(Touchpoint.class))
                .onErrorResume(DownstreamException.class, e -> e.status() == 404 ? Mono.empty() : Mono.error(e));
    }

    public Mono<TouchpointPage> search(Map<String, Object> filter, int offset, int limit) {
        return service.read(service.http().get().uri(uri -> {
            uri.path("/touchpoints/search").queryParam("offset", offset).queryParam("limit", limit);
            Map<String, Object> values = new java.util.HashMap<>();
            if (filter != null) {
                filter.forEach((name, value) -> {
                    if (value != null && !String.valueOf(value).isBlank()) {
                        uri.queryParam(name, "{" + name + "}");
                        values.put(name, value);
                    }
                });
            }
            return uri.build(values);
        }).retrieve().bodyToMono(TouchpointPage.class));
    }

    /** Every touchpoint owned by any of {@code teams}, in pages of 200 (one call for most organisations). */
    public Mono<List<Touchpoint>> ownedBy(Collection<String> teams) {
        return ownedBy(List.copyOf(teams), 0, new java.util.ArrayList<>());
    }

    private Mono<List<Touchpoint>> ownedBy(List<String> teams, int offset, List<Touchpoint> found) {
        return service.read(service.http().get().uri(uri -> uri.path("/touchpoints/search")
                        .queryParam("ownerTeam", teams.toArray()).queryParam("offset", offset).queryParam("limit", 200).build())
                .retrieve().bodyToMono(TouchpointPage.class))
                .flatMap(page -> {
                    found.addAll(page.items());
                    return page.items().isEmpty() || found.size() >= page.total() ? Mono.just(found)
                            : ownedBy(teams, offset + page.items().size(), found);
                });
    }

    /** A write that answers the touchpoint: {@code method} on the URI template (variables encoded) with a JSON body. */
    public Mono<Touchpoint> change(HttpMethod method, String uriTemplate, Object body, Object... variables) {
        return service.write(service.http().method(method).uri(uriTemplate, variables).bodyValue(body)
                .retrieve().bodyToMono(Touchpoint.class));
    }

    public Mono<Void> delete(String id, long expectedVersion) {
        return service.write(service.http().delete()
                .uri(uri -> uri.path("/touchpoints/{id}").queryParam("expectedVersion", expectedVersion).build(id))
                .retrieve().bodyToMono(Void.class));
    }
}
