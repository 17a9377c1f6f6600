package io.cairn.journey.touchpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The editable content of a touchpoint as returned by touchpoint-service, ready to create a copy. */
public final class TouchpointCopy {

    private static final List<String> CONTENT = List.of("name", "description", "channel", "ownerTeam", "dimension",
            "designedEmotion", "expectation", "importance", "importanceDerived", "targets", "painPoints",
            "opportunities", "momentOfTruth");

    private TouchpointCopy() {
    }

    public static Map<String, Object> content(Map<String, Object> touchpoint) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (String field : CONTENT) {
            if (touchpoint.get(field) != null) {
                copy.put(field, touchpoint.get(field));
            }
        }
        return copy;
    }
}
