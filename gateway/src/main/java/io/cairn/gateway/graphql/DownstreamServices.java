package io.cairn.gateway.graphql;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.function.client.WebClient;

/** Builds the {@link DownstreamService}s from one set of limits, with their metrics in Micrometer. */
@Component
@EnableConfigurationProperties(ResilienceProperties.class)
public class DownstreamServices {

    private final WebClient.Builder builder;
    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;
    private final ResilienceProperties properties;

    public DownstreamServices(WebClient.Builder builder, ResilienceProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.builder = builder;
        this.properties = properties;
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindow())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openWait())
                .recordException(DownstreamService::isServiceFailure)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentCalls())
                .maxWaitDuration(java.time.Duration.ZERO)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(properties.readRetries() + 1)
                .waitDuration(properties.retryWait())
                .retryOnException(e -> DownstreamService.isServiceFailure(e) || e instanceof TimeoutException)
                .build());
        meters.ifAvailable(registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        });
    }

    /** Keeps each request's exchange in the Reactor context, where {@link ServiceClients} reads the caller's language. */
    @Bean
    static ServerWebExchangeContextFilter exchangeContextFilter() {
        return new ServerWebExchangeContextFilter();
    }

    public DownstreamService create(String service, String baseUrl) {
        return new DownstreamService(service, ServiceClients.create(builder, service, baseUrl),
                circuitBreakers.circuitBreaker(service), bulkheads.bulkhead(service), retries.retry(service),
                properties.readTimeout(), properties.writeTimeout());
    }

    /** The circuit breaker state of a service (CLOSED, OPEN, HALF_OPEN), for tests and health. */
    public String circuitState(String service) {
        return circuitBreakers.circuitBreaker(service).getState().name();
    }

    Bulkhead bulkhead(String service) {
        return bulkheads.bulkhead(service);
    }
}
