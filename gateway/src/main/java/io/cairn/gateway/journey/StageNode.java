package io.cairn.gateway.journey;

/** A stage in the GraphQL graph: knows its journey and position, so its touchpoints can be batched per journey. */
public record StageNode(String journeyId, int position, String id, String name, String description,
        String customerGoal, int designedEmotion) {

    static StageNode of(Journey journey, int position) {
        Journey.Stage stage = journey.stages().get(position);
        return new StageNode(journey.id(), position, stage.id(), stage.name(), stage.description(),
                stage.customerGoal(), stage.designedEmotion());
    }
}
