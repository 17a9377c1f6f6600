package io.cairn.journey.journey;

/**
 * A step of the journey, in order. {@code designedEmotion} is how the customer should feel here,
 * from -2 (very negative) to +2 (very positive).
 */
public record Stage(String id, String name, String description, String customerGoal, int designedEmotion) {
}
