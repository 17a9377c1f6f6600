package io.cairn.journey.touchpoint;

import io.cairn.platform.web.ServiceClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Calls touchpoint-service for the journey operations that concern touchpoints too. */
@Component
public class TouchpointClient {

    private final RestClient http;

    public TouchpointClient(RestClient.Builder builder, @Value("${cairn.services.touchpoint.url}") String baseUrl,
            @Value("${cairn.services.timeout:10s}") Duration timeout) {
        this.http = ServiceClient.create(builder, "touchpoint-service", baseUrl, timeout);
    }

    /** Every touchpoint of the journey, as touchpoint-service returns them (plain JSON objects). */
    public List<Map<String, Object>> ofJourney(String journeyId) {
        return http.get().uri(uri -> uri.path("/touchpoints").queryParam("journeyId", journeyId).build())
                .retrieve().body(new ParameterizedTypeReference<>() { });
    }

    /** Creates touchpoints, all or none: each entry is {@code {stageId, touchpoint: {...}}}. */
    public void createMany(String journeyId, List<Map<String, Object>> placed) {
        if (!placed.isEmpty()) {
            http.post().uri("/touchpoints/batch").body(Map.of("journeyId", journeyId, "touchpoints", placed))
                    .retrieve().toBodilessEntity();
        }
    }

    /** Moves the touchpoints of {@code stageId} to the end of {@code targetStageId}, or deletes them (target null). */
    public int relocate(String journeyId, String stageId, String targetStageId) {
        Map<String, Object> body = targetStageId == null ? Map.of("action", "DELETE")
                : Map.of("action", "MOVE", "targetStageId", targetStageId);
        Map<String, Object> result = http.post().uri("/journeys/{journeyId}/stages/{stageId}/touchpoints/relocate",
                journeyId, stageId).body(body).retrieve().body(new ParameterizedTypeReference<>() { });
        return result == null ? 0 : ((Number) result.get("affected")).intValue();
    }

    /** Brings these touchpoints (moved elsewhere or deleted) into {@code stageId}, in this order. */
    public void gather(String journeyId, String stageId, List<String> touchpointIds) {
        http.post().uri("/journeys/{journeyId}/stages/{stageId}/touchpoints/gather", journeyId, stageId)
                .body(Map.of("touchpointIds", touchpointIds)).retrieve().toBodilessEntity();
    }

    public void deleteAll(String journeyId) {
        http.delete().uri("/journeys/{journeyId}/touchpoints", journeyId).retrieve().toBodilessEntity();
    }
}
