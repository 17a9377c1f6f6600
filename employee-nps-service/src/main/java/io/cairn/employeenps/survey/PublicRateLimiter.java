package io.cairn.employeenps.survey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cairn.employeenps.config.EnpsProperties;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.ErrorCodes;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Limits the public survey endpoints per client address (a Resilience4j rate limiter per address, kept
 * while the address is active). Behind the gateway the address is the one the gateway decided
 * ({@code X-Cairn-Client-Address}, replacing whatever a client sent), so a client cannot pick its own bucket.
 */
@Component
public class PublicRateLimiter {

    private final EnpsProperties properties;
    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    public PublicRateLimiter(EnpsProperties properties) {
        this.properties = properties;
        this.config = RateLimiterConfig.custom().limitForPeriod(properties.publicRateLimit())
                .limitRefreshPeriod(properties.publicRatePeriod()).timeoutDuration(Duration.ZERO).build();
        this.limiters = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(properties.publicRatePeriod().multipliedBy(2)).build();
    }

    public void check(HttpServletRequest request) {
        String client = client(request);
        RateLimiter limiter = limiters.get(client, key -> RateLimiter.of("public-survey", config));
        if (!limiter.acquirePermission()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.TOO_MANY_REQUESTS,
                    "Too many requests; try again in a minute",
                    Map.of("retryAfterSeconds", Math.max(1, properties.publicRatePeriod().toSeconds())));
        }
    }

    private String client(HttpServletRequest request) {
        String fromGateway = request.getHeader("X-Cairn-Client-Address");
        if (properties.clientAddressFromGateway() && fromGateway != null && !fromGateway.isBlank()) {
            return fromGateway.trim();
        }
        return request.getRemoteAddr();
    }
}
