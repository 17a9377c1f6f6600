package io.cairn.gateway.enps;

import io.cairn.gateway.graphql.DownstreamService;
import io.cairn.gateway.graphql.DownstreamServices;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Calls employee-nps-service's REST API through the service's protections; answers pass on as JSON objects. */
@Component
public class EmployeeNpsClient {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };

    private final DownstreamService service;

    public EmployeeNpsClient(DownstreamServices services, @Value("${cairn.services.employee-nps.url}") String baseUrl) {
        this.service = services.create("employee-nps-service", baseUrl);
    }

    /** GET of a list, with query parameters (null values left out). */
    public Mono<List<Map<String, Object>>> list(String path, Map<String, ?> query, Object... variables) {
        return service.read(service.http().get().uri(uri -> {
            uri.path(path);
            query.forEach((name, value) -> {
                if (value != null) {
                    uri.queryParam(name, value);
                }
            });
            return uri.build(variables);
        }).retrieve().bodyToMono(LIST));
    }

    /** The participation of several campaigns in one call, by campaign id. */
    public Mono<Map<String, List<Map<String, Object>>>> participation(java.util.Collection<String> campaignIds) {
        return service.read(service.http().get().uri(uri -> uri.path("/participation").queryParam("campaignId", campaignIds.toArray())
                .build()).retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, List<Map<String, Object>>>>() { }));
    }

    public Mono<Map<String, Object>> get(String path, Object... variables) {
        return service.read(service.http().get().uri(path, variables).retrieve().bodyToMono(OBJECT));
    }

    /** A change with a JSON body, answering an object. */
    public Mono<Map<String, Object>> change(HttpMethod method, String path, Object body, Object... variables) {
        return service.write(service.http().method(method).uri(path, variables).bodyValue(body).retrieve().bodyToMono(OBJECT));
    }

    public Mono<List<Map<String, Object>>> replaceDepartments(List<Map<String, Object>> departments) {
        return service.write(service.http().put().uri("/departments").bodyValue(departments).retrieve().bodyToMono(LIST));
    }

    public Mono<Map<String, Object>> roster(String campaignId, String csv) {
        return service.write(service.http().post().uri("/campaigns/{id}/invitations/roster", campaignId)
                .contentType(new MediaType("text", "csv")).bodyValue(csv).retrieve().bodyToMono(OBJECT));
    }

    public Mono<Void> delete(String path, Object... variables) {
        return service.write(service.http().delete().uri(path, variables).retrieve().bodyToMono(Void.class));
    }
}
