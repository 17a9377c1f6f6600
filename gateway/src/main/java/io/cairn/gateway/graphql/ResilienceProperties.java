package io.cairn.gateway.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway protects itself and its callers from a slow or failing service (one set of
 * limits per service, same values for all).
 *
 * @param readTimeout          longest wait for one read attempt
 * @param writeTimeout         longest wait for a write (never retried)
 * @param readRetries          extra attempts of a failed read (5xx, timeout, unreachable; never 4xx)
 * @param retryWait            pause before a retry
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slidingWindow        calls the failure rate is computed over
 * @param minimumCalls         calls before the failure rate counts
 * @param openWait             how long an open circuit refuses calls before trying again
 * @param maxConcurrentCalls   calls in flight to one service at once (bulkhead)
 */
@ConfigurationProperties("cairn.resilience")
public record ResilienceProperties(Duration readTimeout, Duration writeTimeout, Integer readRetries,
        Duration retryWait, Integer failureRateThreshold, Integer slidingWindow, Integer minimumCalls,
        Duration openWait, Integer maxConcurrentCalls) {

    public ResilienceProperties {
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
        writeTimeout = writeTimeout == null ? Duration.ofSeconds(15) : writeTimeout;
        readRetries = readRetries == null ? 2 : readRetries;
        retryWait = retryWait == null ? Duration.ofMillis(100) : retryWait;
        failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
        slidingWindow = slidingWindow == null ? 20 : slidingWindow;
        minimumCalls = minimumCalls == null ? 10 : minimumCalls;
        openWait = openWait == null ? Duration.ofSeconds(10) : openWait;
        maxConcurrentCalls = maxConcurrentCalls == null ? 64 : maxConcurrentCalls;
    }
}
