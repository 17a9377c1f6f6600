package io.cairn.journey.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the stage operations. */
public final class StageRequests {

    private StageRequests() {
    }

    /** Add a stage at {@code position} (0-based; null = at the end). */
    public record Add(@NotNull Long expectedVersion, @NotNull @Valid StageInput stage, @Min(0) Integer position) {
    }

    /**
     * Put a removed stage back at {@code position} (0-based; null = where it was), with {@code touchpointIds}
     * (in this order) brought back into it: the ones that were moved elsewhere or deleted with it.
     */
    public record Restore(@NotNull Long expectedVersion, @Min(0) Integer position,
            @Size(max = 100) List<@NotBlank @Size(max = 100) String> touchpointIds) {
    }

    /** Change some fields of a stage. */
    public record Update(@NotNull Long expectedVersion, @NotNull @Valid StageInput stage) {
    }

    /** The new order: every stage id of the journey, once. */
    public record Reorder(@NotNull Long expectedVersion, @NotEmpty @Size(max = Journey.MAX_STAGES) List<String> stageIds) {
    }
}
