package io.cairn.gateway.touchpoint;

import java.util.List;

/** One page of touchpoint-service's search. */
public record TouchpointPage(List<Touchpoint> items, long total, int offset, int limit) {
}
