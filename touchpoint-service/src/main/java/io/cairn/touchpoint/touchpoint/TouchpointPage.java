package io.cairn.touchpoint.touchpoint;

import java.util.List;

/** One page of a touchpoint search and the total number of matches. */
public record TouchpointPage(List<Touchpoint> items, long total, int offset, int limit) {
}
