package io.cairn.journey.journey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new stage, or the fields of a stage to change (null = leave as is, on update). */
public record StageInput(
        @NotBlank(groups = OnCreate.class) @Size(min = 1, max = 100) String name,
        @Size(max = 2000) String description,
        @Size(max = 500) String customerGoal,
        @Min(-2) @Max(2) Integer designedEmotion) {

    /** Validation group of a stage being created (a name is required then). */
    public interface OnCreate extends jakarta.validation.groups.Default {
    }
}
