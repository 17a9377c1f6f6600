package io.cairn.journey.journey;

import jakarta.validation.constraints.Size;

/**
 * What happens to the touchpoints of a stage being removed ({@code ?touchpoints=MOVE&targetStageId=...}
 * or {@code ?touchpoints=DELETE}); required when the stage has touchpoints.
 */
public record StageRemoval(Touchpoints touchpoints, @Size(max = 100) String targetStageId) {

    public enum Touchpoints { MOVE, DELETE }
}
