package io.cairn.touchpoint.touchpoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.ConvertGroup;
import jakarta.validation.groups.Default;
import java.util.List;

/** Request bodies of the touchpoint operations. */
public final class TouchpointRequests {

    private TouchpointRequests() {
    }

    /** A new touchpoint in {@code stageId} of {@code journeyId}, at {@code position} (0-based; null = last). */
    public record Create(@NotBlank @Size(max = 100) String journeyId, @NotBlank @Size(max = 100) String stageId,
            @Min(0) Integer position,
            @NotNull @Valid @ConvertGroup(from = Default.class, to = TouchpointInput.OnCreate.class) TouchpointInput touchpoint) {
    }

    /** Many new touchpoints of one journey, all or none (e.g. from a template). */
    public record CreateMany(@NotBlank @Size(max = 100) String journeyId,
            @NotEmpty @Size(max = 1000) List<@Valid Placed> touchpoints) {
    }

    /** One touchpoint of a {@link CreateMany}, appended to its stage in list order. */
    public record Placed(@NotBlank @Size(max = 100) String stageId,
            @NotNull @Valid @ConvertGroup(from = Default.class, to = TouchpointInput.OnCreate.class) TouchpointInput touchpoint) {
    }

    public record Update(@NotNull Long expectedVersion, @NotNull @Valid TouchpointInput touchpoint) {
    }

    /** A change that carries nothing but the version it is based on. */
    public record Versioned(@NotNull Long expectedVersion) {
    }

    /** Move to {@code position} (0-based) of {@code stageId}: reorder within the stage, or move to another. */
    public record Move(@NotNull Long expectedVersion, @NotBlank @Size(max = 100) String stageId, @NotNull @Min(0) Integer position) {
    }

    /** Touchpoints to bring (back) into a stage, in this order: moved there, or restored there when deleted. */
    public record Gather(@NotEmpty @Size(max = Touchpoint.MAX_PER_STAGE) List<@NotBlank @Size(max = 100) String> touchpointIds) {
    }

    /** What happens to the touchpoints of a stage that goes away: MOVE them (to the end of {@code targetStageId}) or DELETE them. */
    public record Relocate(@NotNull Action action, @Size(max = 100) String targetStageId) {

        public enum Action { MOVE, DELETE }
    }
}
