package io.cairn.touchpoint.touchpoint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import java.util.List;
import java.util.Map;

/**
 * Touchpoint fields as sent by a client. On create, name and channel are required; on update a null
 * field is left as it is (an empty string clears a text, an empty list clears a list).
 * {@code importance} is 1-10; {@code importanceDerived: true} lets key-driver analysis decide instead.
 */
public record TouchpointInput(
        @NotBlank(groups = OnCreate.class) @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "{jakarta.validation.constraints.NotBlank.message}") String name,
        @Size(max = 5000) String description,
        @NotNull(groups = OnCreate.class) Channel channel,
        @Size(max = 100) @Pattern(regexp = "^[\\p{L}\\p{N} ._/&-]*$", message = "{cairn.validation.team}") String ownerTeam,
        Dimension dimension,
        @Min(-2) @Max(2) Integer designedEmotion,
        @Size(max = 1000) String expectation,
        @Min(1) @Max(10) Integer importance,
        Boolean importanceDerived,
        @Size(max = 3) Map<Metric, Double> targets,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> painPoints,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> opportunities,
        Boolean momentOfTruth) {

    /** Validation group of a touchpoint being created. */
    public interface OnCreate extends Default {
    }
}
