package io.cairn.journey.journey;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** The rules of editing a journey, as pure functions from one state to the next. */
final class JourneyEdits {

    private JourneyEdits() {
    }

    static Journey update(Journey journey, UpdateJourneyRequest change) {
        requireEditable(journey);
        Journey next = change.name() == null ? journey : journey.withName(change.name().trim());
        return next.withDetails(
                change.description() == null ? journey.description() : blankToNull(change.description()),
                change.personas() == null ? journey.personas() : change.personas(),
                change.ownerTeam() == null ? journey.ownerTeam() : blankToNull(change.ownerTeam()),
                change.tags() == null ? journey.tags() : Tags.normalise(change.tags()));
    }

    static Journey publish(Journey journey) {
        requireEditable(journey);
        return journey.withStatus(JourneyStatus.PUBLISHED);
    }

    static Journey archive(Journey journey) {
        if (journey.status() == JourneyStatus.ARCHIVED) {
            throw ApiException.invalidState(Refusal.of("journey.alreadyArchived",
                    "Journey {0} is already archived", journey.id()));
        }
        return journey.withStatus(JourneyStatus.ARCHIVED);
    }

    /** Back from the archive, as a draft. */
    static Journey restore(Journey journey) {
        if (journey.status() != JourneyStatus.ARCHIVED) {
            throw ApiException.invalidState(Refusal.of("journey.notArchived",
                    "Journey {0} is not archived", journey.id()));
        }
        return journey.withStatus(JourneyStatus.DRAFT);
    }

    static void requireDeletable(Journey journey) {
        if (journey.status() != JourneyStatus.ARCHIVED) {
            throw ApiException.invalidState(Refusal.of("journey.deleteUnarchived",
                    "Only archived journeys can be deleted; archive journey {0} first", journey.id()));
        }
    }

    static Journey addStage(Journey journey, StageInput input, Integer position) {
        requireEditable(journey);
        int at = position == null ? journey.stages().size() : position;
        if (at > journey.stages().size()) {
            throw ApiException.badRequest(Refusal.of("stage.position",
                    "position must be between 0 and {0}", journey.stages().size()));
        }
        return insertStage(journey, newStage(input), at);
    }

    /** A removed stage back in the journey, at {@code position} (or at the end, when fewer stages are left). */
    static Journey restoreStage(Journey journey, Stage stage, int position) {
        requireEditable(journey);
        if (journey.stages().stream().anyMatch(s -> s.id().equals(stage.id()))) {
            throw ApiException.invalidState(Refusal.of("stage.notRemoved",
                    "Stage {0} is on journey {1}; only a removed stage is restored", stage.id(), journey.id()));
        }
        return insertStage(journey, stage, Math.min(position, journey.stages().size()));
    }

    private static Journey insertStage(Journey journey, Stage stage, int at) {
        if (journey.stages().size() >= Journey.MAX_STAGES) {
            throw ApiException.badRequest(Refusal.of("journey.tooManyStages",
                    "A journey has at most {0} stages", Journey.MAX_STAGES));
        }
        List<Stage> stages = new ArrayList<>(journey.stages());
        stages.add(at, stage);
        return journey.withStages(stages);
    }

    static Stage newStage(StageInput input) {
        if (input.name() == null || input.name().isBlank()) {
            throw ApiException.badRequest(Refusal.of("stage.nameRequired", "A stage needs a name"));
        }
        return new Stage(UUID.randomUUID().toString(), input.name().trim(), blankToNull(input.description()),
                blankToNull(input.customerGoal()), input.designedEmotion() == null ? 0 : input.designedEmotion());
    }

    static Journey updateStage(Journey journey, String stageId, StageInput input) {
        requireEditable(journey);
        Stage stage = stage(journey, stageId);
        if (input.name() != null && input.name().isBlank()) {
            throw ApiException.badRequest(Refusal.of("stage.nameRequired", "A stage needs a name"));
        }
        Stage changed = new Stage(stage.id(),
                input.name() == null ? stage.name() : input.name().trim(),
                input.description() == null ? stage.description() : blankToNull(input.description()),
                input.customerGoal() == null ? stage.customerGoal() : blankToNull(input.customerGoal()),
                input.designedEmotion() == null ? stage.designedEmotion() : input.designedEmotion());
        return journey.withStages(journey.stages().stream().map(s -> s.id().equals(stageId) ? changed : s).toList());
    }

    static Journey removeStage(Journey journey, String stageId) {
        requireEditable(journey);
        stage(journey, stageId);
        return journey.withStages(journey.stages().stream().filter(s -> !s.id().equals(stageId)).toList());
    }

    static Journey reorderStages(Journey journey, List<String> stageIds) {
        requireEditable(journey);
        List<String> current = journey.stages().stream().map(Stage::id).toList();
        if (stageIds.size() != current.size() || !new HashSet<>(stageIds).equals(new HashSet<>(current))) {
            throw ApiException.badRequest(Refusal.of("stage.orderIncomplete",
                    "stageIds must list every stage of the journey exactly once: {0}", String.valueOf(current)));
        }
        return journey.withStages(stageIds.stream().map(id -> stage(journey, id)).toList());
    }

    static Stage stage(Journey journey, String stageId) {
        return journey.stages().stream().filter(s -> s.id().equals(stageId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Stage", stageId + " of journey " + journey.id()));
    }

    private static void requireEditable(Journey journey) {
        if (journey.status() == JourneyStatus.ARCHIVED) {
            throw ApiException.invalidState(Refusal.of("journey.archived",
                    "Journey {0} is archived; restore it to edit it", journey.id()));
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
