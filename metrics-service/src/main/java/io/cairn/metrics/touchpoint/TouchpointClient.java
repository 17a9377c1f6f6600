package io.cairn.metrics.touchpoint;

import io.cairn.metrics.analysis.TouchpointInfo;
import io.cairn.platform.web.ServiceClient;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Reads a journey's touchpoints (targets, importance, owners) from touchpoint-service. */
@Component
public class TouchpointClient {

    private final RestClient http;

    public TouchpointClient(RestClient.Builder builder, @Value("${cairn.services.touchpoint.url}") String baseUrl,
            @Value("${cairn.services.timeout:5s}") Duration timeout) {
        this.http = ServiceClient.create(builder, "touchpoint-service", baseUrl, timeout);
    }

    public List<TouchpointInfo> ofJourney(String journeyId) {
        List<TouchpointInfo> touchpoints = http.get()
                .uri(uri -> uri.path("/touchpoints").queryParam("journeyId", journeyId).build())
                .retrieve().body(new ParameterizedTypeReference<>() { });
        return touchpoints == null ? List.of() : touchpoints;
    }
}
