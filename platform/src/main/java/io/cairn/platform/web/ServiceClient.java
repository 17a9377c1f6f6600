package io.cairn.platform.web;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How one service calls another over HTTP: the caller's bearer token goes along (the callee checks
 * it), calls are traced (Boot's builder), time out, and failures become {@link ApiException}s that say
 * which service failed: its 4xx answers keep their status, code and message; anything else is 503.
 */
public final class ServiceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceClient() {
    }

    public static RestClient create(RestClient.Builder builder, String service, String baseUrl, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(timeout);
        return builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .requestInterceptor(relayBearerToken())
                .requestInterceptor(unreachableAsUnavailable(service))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw translate(service, response.getStatusCode(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
                })
                .build();
    }

    private static ClientHttpRequestInterceptor relayBearerToken() {
        return (request, body, execution) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth instanceof AbstractOAuth2TokenAuthenticationToken<?> token) {
                request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken().getTokenValue());
            }
            return execution.execute(request, body);
        };
    }

    private static ClientHttpRequestInterceptor unreachableAsUnavailable(String service) {
        return (request, body, execution) -> {
            try {
                return execution.execute(request, body);
            } catch (IOException e) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                        "The " + service + " is not reachable; nothing was changed", Map.of("service", service));
            }
        };
    }

    static ApiException translate(String service, HttpStatusCode status, String body) {
        if (!status.is4xxClientError()) {
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "The " + service + " failed to answer; nothing was changed", Map.of("service", service));
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException e) {
            problem = JSON.createObjectNode();
        }
        return new ApiException(HttpStatus.valueOf(status.value()),
                problem.path("code").asString(ErrorCodes.forStatus(status)),
                problem.path("detail").asString("The " + service + " refused the request"),
                Map.of("service", service));
    }
}
