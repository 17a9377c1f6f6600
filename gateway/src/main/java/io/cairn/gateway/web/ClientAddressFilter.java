package io.cairn.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the services behind the REST routes who the client is, in {@value #HEADER}, decided here once: the address
 * the request came from, or, when that is a trusted proxy (an ingress in front of the gateway,
 * {@code cairn.gateway.trusted-proxies}), the last address in its {@code X-Forwarded-For} that is not one. A value
 * the client sent itself is replaced, so nobody picks the address their requests count against (the public survey's
 * rate limit is per address).
 */
@Component
public class ClientAddressFilter implements GlobalFilter, Ordered {

    public static final String HEADER = "X-Cairn-Client-Address";

    private final Pattern trustedProxies;

    public ClientAddressFilter(@Value("${cairn.gateway.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String client = clientOf(peer(request.getRemoteAddress()), request.getHeaders().get("X-Forwarded-For"));
        return chain.filter(exchange.mutate().request(request.mutate().headers(headers -> {
            headers.remove(HEADER);
            if (client != null) {
                headers.set(HEADER, client);
            }
        }).build()).build());
    }

    /** The client: {@code peer}, or past trusted proxies the last untrusted hop they name (the first one if all are trusted). */
    String clientOf(String peer, List<String> forwardedFor) {
        if (peer == null || !trusted(peer) || forwardedFor == null) {
            return peer;
        }
        List<String> hops = forwardedFor.stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::trim).filter(hop -> !hop.isEmpty()).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusted(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private boolean trusted(String address) {
        return trustedProxies != null && trustedProxies.matcher(address).matches();
    }

    private static String peer(InetSocketAddress remote) {
        return remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
