package io.cairn.journey.journey;

import java.util.UUID;

/** Opaque journey identifier. */
public record JourneyId(String value) {

    public JourneyId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("journey id must not be blank");
        }
    }

    public static JourneyId random() {
        return new JourneyId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
