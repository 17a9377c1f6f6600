package io.cairn.gateway.journey;

import io.cairn.gateway.graphql.DownstreamException;
import io.cairn.gateway.graphql.ServiceClients;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/** Calls journey-service's REST API. */
@Component
public class JourneyClient {

    static final String SERVICE = "journey-service";

    private final WebClient http;

    public JourneyClient(WebClient.Builder builder, @Value("${cairn.services.journey.url}") String baseUrl) {
        this.http = ServiceClients.create(builder, SERVICE, baseUrl);
    }

    public Mono<JourneyPage> search(JourneyFilter filter, JourneySort sort, int offset, int limit) {
        JourneyFilter f = filter == null ? new JourneyFilter(null, null, null, null) : filter;
        return http.get()
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
                .bodyToMono(JourneyPage.class);
    }

    /** The journey, or empty when it does not exist. */
    public Mono<Journey> get(String id) {
        return http.get().uri("/journeys/{id}", id)
                .retrieve()
                .bodyToMono(Journey.class)
                .onErrorResume(DownstreamException.class, e -> e.status() == 404 ? Mono.empty() : Mono.error(e));
    }

    public Mono<Journey> create(CreateJourneyInput input) {
        return http.post().uri("/journeys").bodyValue(input).retrieve().bodyToMono(Journey.class);
    }

    private static void queryParam(UriBuilder builder, Map<String, Object> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            // a template variable, so the value is encoded, never read as a template
            builder.queryParam(name, "{" + name + "}");
            values.put(name, value);
        }
    }
}
