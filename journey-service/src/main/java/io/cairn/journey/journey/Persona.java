package io.cairn.journey.journey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The customer a journey is drawn for. */
public record Persona(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 2000) String description,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> goals,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> frustrations) {

    public Persona {
        goals = goals == null ? List.of() : List.copyOf(goals);
        frustrations = frustrations == null ? List.of() : List.copyOf(frustrations);
    }
}
