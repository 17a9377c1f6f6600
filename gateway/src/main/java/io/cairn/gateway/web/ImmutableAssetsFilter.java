package io.cairn.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The web UI's built assets carry a hash of their content in their names: a browser keeps them for a year
 * and never asks again, instead of loading every script of the app on each visit. Everything else keeps
 * Spring Security's no-store: {@code index.html} is asked for each time (so a new release reaches the
 * browser), and API answers are not stored. Ordered after the security filters, whose headers are written
 * first when the response is committed.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ImmutableAssetsFilter implements WebFilter {

    static final String ASSETS = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (HttpMethod.GET.equals(exchange.getRequest().getMethod()) && exchange.getRequest().getPath().value().startsWith(ASSETS)) {
            ServerHttpResponse response = exchange.getResponse();
            response.beforeCommit(() -> {
                HttpStatusCode status = response.getStatusCode();
                if (status == null || status.is2xxSuccessful() || status.value() == 304) {
                    HttpHeaders headers = response.getHeaders();
                    headers.set(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
                    headers.remove(HttpHeaders.PRAGMA);
                    headers.remove(HttpHeaders.EXPIRES);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
