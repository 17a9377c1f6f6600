package io.cairn.journey.journey;

import java.util.List;

/** One page of a journey listing and the total number of matches. */
public record JourneyPage(List<Journey> items, long total, int offset, int limit) {
}
