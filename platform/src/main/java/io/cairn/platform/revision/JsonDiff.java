package io.cairn.platform.revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The differences between two versions of a document, for revision history. Objects are compared
 * field by field; arrays of objects with an {@code id} are matched by id (additions, removals,
 * changed fields and a changed order are reported separately); other arrays compare as a whole.
 */
public final class JsonDiff {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonDiff() {
    }

    /** Changes from {@code before} to {@code after}; fields named in {@code ignored} are skipped at the top level. */
    public static List<Change> between(Object before, Object after, Set<String> ignored) {
        List<Change> changes = new ArrayList<>();
        diffObject("", tree(before), tree(after), ignored, changes);
        return changes;
    }

    private static JsonNode tree(Object value) {
        return value == null ? JSON.createObjectNode() : JSON.valueToTree(value);
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (equal(before, after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            diffObject(path, before, after, Set.of(), changes);
        } else if (before != null && after != null && identifiedArray(before) && identifiedArray(after)
                && !(before.isEmpty() && after.isEmpty())) {
            diffById(path, (ArrayNode) before, (ArrayNode) after, changes);
        } else {
            changes.add(new Change(path, plain(before), plain(after)));
        }
    }

    private static void diffObject(String path, JsonNode before, JsonNode after, Set<String> ignored, List<Change> changes) {
        Set<String> names = new LinkedHashSet<>(before.propertyNames());
        names.addAll(after.propertyNames());
        for (String name : names) {
            if (!ignored.contains(name)) {
                diff(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
            }
        }
    }

    private static void diffById(String path, ArrayNode before, ArrayNode after, List<Change> changes) {
        List<String> beforeIds = ids(before);
        List<String> afterIds = ids(after);
        for (JsonNode item : before) {
            String id = item.get("id").asString();
            JsonNode match = find(after, id);
            String itemPath = path + "[id=" + id + "]";
            if (match == null) {
                changes.add(new Change(itemPath, plain(item), null));
            } else {
                diffObject(itemPath, item, match, Set.of(), changes);
            }
        }
        for (JsonNode item : after) {
            if (!beforeIds.contains(item.get("id").asString())) {
                changes.add(new Change(path + "[id=" + item.get("id").asString() + "]", null, plain(item)));
            }
        }
        List<String> kept = beforeIds.stream().filter(afterIds::contains).toList();
        List<String> keptAfter = afterIds.stream().filter(beforeIds::contains).toList();
        if (!kept.equals(keptAfter)) {
            changes.add(new Change(path + ".order", kept, keptAfter));
        }
    }

    private static boolean identifiedArray(JsonNode node) {
        if (!node.isArray()) {
            return false;
        }
        for (JsonNode item : node) {
            if (!item.isObject() || !item.hasNonNull("id")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> ids(ArrayNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static JsonNode find(ArrayNode array, String id) {
        for (JsonNode item : array) {
            if (id.equals(item.get("id").asString())) {
                return item;
            }
        }
        return null;
    }

    private static boolean equal(JsonNode a, JsonNode b) {
        boolean aMissing = a == null || a.isNull();
        boolean bMissing = b == null || b.isNull();
        if (aMissing || bMissing) {
            return aMissing && bMissing;
        }
        return a.equals(b);
    }

    /** A JSON value as plain Java (maps, lists, strings, numbers) for storage and answers. */
    private static Object plain(JsonNode node) {
        return node == null || node.isNull() ? null : JSON.convertValue(node, Object.class);
    }

    /** The document a plain map (as made by {@link #toMap}) describes. */
    public static <T> T fromMap(Map<String, Object> map, Class<T> type) {
        return JSON.convertValue(map, type);
    }

    /** A document as a plain map, for storing snapshots. */
    public static Map<String, Object> toMap(Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(value, Map.class);
        return map;
    }
}
