package io.cairn.journey.journey;

import jakarta.validation.constraints.NotNull;

/** A change that carries nothing but the version it is based on (archive, restore, publish, remove). */
public record VersionedRequest(@NotNull Long expectedVersion) {
}
