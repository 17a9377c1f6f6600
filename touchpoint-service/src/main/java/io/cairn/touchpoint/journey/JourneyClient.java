package io.cairn.touchpoint.journey;

import io.cairn.platform.web.ServiceClient;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Reads journeys from journey-service: touchpoints may only be placed in stages that exist. */
@Component
public class JourneyClient {

    private final RestClient http;

    public JourneyClient(RestClient.Builder builder, @Value("${cairn.services.journey.url}") String baseUrl,
            @Value("${cairn.services.timeout:5s}") Duration timeout) {
        this.http = ServiceClient.create(builder, "journey-service", baseUrl, timeout);
    }

    /** The journey's stages in order; NOT_FOUND when the journey does not exist. */
    public List<Stage> stages(String journeyId) {
        JourneyStages journey = http.get().uri("/journeys/{id}", journeyId).retrieve().body(JourneyStages.class);
        return journey == null || journey.stages() == null ? List.of() : journey.stages();
    }

    public record Stage(String id, String name) {
    }

    record JourneyStages(String id, List<Stage> stages) {
    }
}
