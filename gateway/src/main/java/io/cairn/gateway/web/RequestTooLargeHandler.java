package io.cairn.gateway.web;

import io.cairn.platform.security.ProblemJson;
import io.cairn.platform.web.ErrorCodes;
import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A request body larger than the gateway buffers ({@code spring.codec.max-in-memory-size}) is a 413
 * with a problem document, not a server error. Streamed REST routes (imports) are not buffered.
 */
@Component
@Order(-2)
class RequestTooLargeHandler implements WebExceptionHandler {

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof DataBufferLimitException)) {
            cause = cause.getCause();
        }
        if (cause == null || exchange.getResponse().isCommitted()) {
            return Mono.error(e);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ProblemJson.of(HttpStatus.PAYLOAD_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                "The request body is too large", exchange.getRequest().getPath().value()).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
