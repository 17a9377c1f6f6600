package io.cairn.touchpoint.touchpoint;

import java.util.List;
import java.util.Map;

/** The editable content of a touchpoint (everything but its place, identity and audit fields). */
public record TouchpointFields(String name, String description, Channel channel, String ownerTeam,
        Dimension dimension, int designedEmotion, String expectation, Integer importance, boolean importanceDerived,
        Map<Metric, Double> targets, List<String> painPoints, List<String> opportunities, boolean momentOfTruth) {
}
