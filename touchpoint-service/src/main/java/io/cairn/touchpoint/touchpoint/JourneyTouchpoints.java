package io.cairn.touchpoint.touchpoint;

import java.util.List;

/**
 * A journey's touchpoints by stage, in the journey's stage order, and those whose stage no longer
 * exists ({@code unassigned}): never dropped, waiting to be moved or deleted.
 */
public record JourneyTouchpoints(String journeyId, List<StageTouchpoints> stages, List<Touchpoint> unassigned) {

    public record StageTouchpoints(String stageId, String stageName, List<Touchpoint> touchpoints) {
    }
}
