package io.cairn.journey.template;

import io.cairn.journey.journey.Persona;
import java.util.List;
import java.util.Map;

/** A ready-made journey with its stages and touchpoints, to start a new map from. */
public record JourneyTemplate(String key, String name, String description, String ownerTeam, List<String> tags,
        List<Persona> personas, List<TemplateStage> stages) {

    /** A stage with its touchpoints (touchpoint fields as touchpoint-service accepts them). */
    public record TemplateStage(String name, String description, String customerGoal, Integer designedEmotion,
            List<Map<String, Object>> touchpoints) {
    }

    public Summary summary() {
        return new Summary(key, name, description, tags, stages.size(),
                stages.stream().mapToInt(s -> s.touchpoints().size()).sum());
    }

    public record Summary(String key, String name, String description, List<String> tags, int stageCount,
            int touchpointCount) {
    }
}
