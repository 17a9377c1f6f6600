package io.cairn.gateway.graphql;

import io.cairn.platform.web.ErrorCodes;
import io.cairn.platform.web.FieldError;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * How the gateway calls a service: the caller's bearer token is passed on (services check it too), so is
 * the caller's language (a service explains a refusal in it), and failures become
 * {@link DownstreamException}s naming the service.
 */
public final class ServiceClients {

    private ServiceClients() {
    }

    /** A client for {@code service} at {@code baseUrl}, built from Boot's builder (so calls are traced). */
    public static WebClient create(WebClient.Builder builder, String service, String baseUrl) {
        return builder.clone()
                .baseUrl(baseUrl)
                .filter(relayBearerToken())
                .filter(relayLanguage())
                .filter(translateErrors(service))
                .build();
    }

    static ExchangeFilterFunction relayBearerToken() {
        return (request, next) -> ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .filter(AbstractOAuth2TokenAuthenticationToken.class::isInstance)
                .map(auth -> ((AbstractOAuth2TokenAuthenticationToken<?>) auth).getToken().getTokenValue())
                .map(token -> ClientRequest.from(request).headers(h -> h.setBearerAuth(token)).build())
                .defaultIfEmpty(request)
                .flatMap(next::exchange);
    }

    /** The caller's {@code Accept-Language}, read from the exchange that {@code ServerWebExchangeContextFilter} keeps. */
    static ExchangeFilterFunction relayLanguage() {
        return (request, next) -> Mono.deferContextual(context -> next.exchange(
                ServerWebExchangeContextFilter.getExchange(context)
                        .map(exchange -> exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE))
                        .filter(language -> !request.headers().containsHeader(HttpHeaders.ACCEPT_LANGUAGE))
                        .map(language -> ClientRequest.from(request).header(HttpHeaders.ACCEPT_LANGUAGE, language).build())
                        .orElse(request)));
    }

    static ExchangeFilterFunction translateErrors(String service) {
        return (request, next) -> next.exchange(request)
                .onErrorMap(WebClientRequestException.class, e -> unavailable(service, e))
                .flatMap(response -> response.statusCode().isError() ? toException(service, response) : Mono.just(response));
    }

    private static DownstreamException unavailable(String service, Throwable cause) {
        String reason = cause.getCause() instanceof ConnectException ? "is not reachable" : "did not answer";
        return new DownstreamException(service, 503, ErrorCodes.SERVICE_UNAVAILABLE,
                "The " + service + " " + reason, List.of(), Map.of());
    }

    private static Mono<ClientResponse> toException(String service, ClientResponse response) {
        int status = response.statusCode().value();
        return response.bodyToMono(JsonNode.class)
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode())
                .flatMap(problem -> Mono.error(fromProblem(service, status, problem)));
    }

    private static DownstreamException fromProblem(String service, int status, JsonNode problem) {
        if (status >= 500) {
            // never pass a service's internals on to the client
            return new DownstreamException(service, status, status == 503 || status == 502 || status == 504
                    ? ErrorCodes.SERVICE_UNAVAILABLE : ErrorCodes.INTERNAL_ERROR,
                    "The " + service + " failed to answer", List.of(), Map.of());
        }
        String code = problem.path("code").asString(ErrorCodes.forStatus(org.springframework.http.HttpStatusCode.valueOf(status)));
        String detail = problem.path("detail").asString("The " + service + " refused the request");
        List<FieldError> fields = new ArrayList<>();
        // other itemised problems (e.g. roster rows: row, column, reason) pass on as extensions.errors
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            if (error.has("field")) {
                fields.add(new FieldError(error.path("field").asString(), error.path("message").asString()));
            } else {
                Map<String, Object> item = new java.util.LinkedHashMap<>();
                error.properties().forEach(p -> item.put(p.getKey(), p.getValue().isNumber() ? p.getValue().numberValue()
                        : p.getValue().asString()));
                items.add(item);
            }
        }
        Map<String, Object> extensions = new java.util.LinkedHashMap<>();
        if (problem.has("currentVersion")) {
            extensions.put("currentVersion", problem.path("currentVersion").asLong());
        }
        if (!items.isEmpty()) {
            extensions.put("errors", items);
        }
        return new DownstreamException(service, status, code, detail, fields, extensions);
    }

}
