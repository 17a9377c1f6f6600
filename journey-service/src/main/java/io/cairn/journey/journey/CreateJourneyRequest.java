package io.cairn.journey.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Input of a new journey. Tags are normalised (trimmed, lower case, unique). */
public record CreateJourneyRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 5000) String description,
        @Size(max = 10) List<@Valid Persona> personas,
        @Size(max = 100) @Pattern(regexp = "^[\\p{L}\\p{N} ._/&-]*$", message = "{cairn.validation.team}") String ownerTeam,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = Journey.MAX_STAGES) List<@Valid @jakarta.validation.groups.ConvertGroup(to = StageInput.OnCreate.class) StageInput> stages) {
}
