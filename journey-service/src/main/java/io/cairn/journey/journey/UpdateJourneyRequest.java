package io.cairn.journey.journey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Changes to a journey's details, based on {@code expectedVersion}. A null field is left as it is;
 * an empty string clears description or owner team. Status changes go through publish/archive/restore.
 */
public record UpdateJourneyRequest(
        @NotNull Long expectedVersion,
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "{jakarta.validation.constraints.NotBlank.message}") String name,
        @Size(max = 5000) String description,
        @Size(max = 10) List<@Valid Persona> personas,
        @Size(max = 100) @Pattern(regexp = "^[\\p{L}\\p{N} ._/&-]*$", message = "{cairn.validation.team}") String ownerTeam,
        @Size(max = 20) List<@jakarta.validation.constraints.NotBlank @Size(max = 50) String> tags) {
}
