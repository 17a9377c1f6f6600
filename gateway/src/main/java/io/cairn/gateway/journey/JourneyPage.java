package io.cairn.gateway.journey;

import java.util.List;

/** One page of journey-service's listing. */
public record JourneyPage(List<Journey> items, long total, int offset, int limit) {
}
