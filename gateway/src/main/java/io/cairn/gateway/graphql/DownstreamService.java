package io.cairn.gateway.graphql;

import io.cairn.platform.web.ErrorCodes;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * One downstream service as the gateway sees it: its HTTP client and its protections. Reads get a
 * timeout per attempt and retries; writes get a (longer) timeout and are never retried; both go
 * through the service's circuit breaker and bulkhead. Whatever fails becomes a
 * {@link DownstreamException} naming the service.
 */
public final class DownstreamService {

    private final String name;
    private final WebClient http;
    private final CircuitBreaker circuitBreaker;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final Duration readTimeout;
    private final Duration writeTimeout;

    DownstreamService(String name, WebClient http, CircuitBreaker circuitBreaker, Bulkhead bulkhead, Retry retry,
            Duration readTimeout, Duration writeTimeout) {
        this.name = name;
        this.http = http;
        this.circuitBreaker = circuitBreaker;
        this.bulkhead = bulkhead;
        this.retry = retry;
        this.readTimeout = readTimeout;
        this.writeTimeout = writeTimeout;
    }

    public String name() {
        return name;
    }

    public WebClient http() {
        return http;
    }

    /** An idempotent call: retried when the service failed (not when it refused). */
    public <T> Mono<T> read(Mono<T> call) {
        return protect(call, readTimeout).transformDeferred(RetryOperator.of(retry)).onErrorMap(this::unavailable);
    }

    /** A call that changes something: never repeated by the gateway. */
    public <T> Mono<T> write(Mono<T> call) {
        return protect(call, writeTimeout).onErrorMap(this::unavailable);
    }

    private <T> Mono<T> protect(Mono<T> call, Duration timeout) {
        return call.timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(circuitBreaker))
                .transformDeferred(BulkheadOperator.of(bulkhead));
    }

    private Throwable unavailable(Throwable e) {
        String reason;
        if (e instanceof TimeoutException) {
            reason = "did not answer in time";
        } else if (e instanceof CallNotPermittedException) {
            reason = "is failing; calls are paused for a moment";
        } else if (e instanceof BulkheadFullException) {
            reason = "is overloaded";
        } else {
            return e;
        }
        return new DownstreamException(name, 503, ErrorCodes.SERVICE_UNAVAILABLE, "The " + name + " " + reason,
                List.of(), Map.of());
    }

    /** Failures that say the service is unwell (and may be retried / open the circuit); 4xx answers do not. */
    static boolean isServiceFailure(Throwable e) {
        return !(e instanceof DownstreamException d) || d.status() >= 500;
    }
}
