package io.cairn.gateway.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A Relay-style page built from an offset page of a service: cursors are opaque (base64 of the
 * position) and stable for a given filter and sort.
 */
public record Connection<T>(List<Edge<T>> edges, List<T> nodes, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static <T> Connection<T> of(List<T> items, int offset, long total) {
        List<Edge<T>> edges = IntStream.range(0, items.size())
                .mapToObj(i -> new Edge<>(cursor(offset + i), items.get(i)))
                .toList();
        PageInfo page = new PageInfo(offset + items.size() < total, offset > 0,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, items, page, total);
    }

    public static String cursor(int position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("cursor:" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset of the item after {@code cursor}; 0 for no cursor. */
    public static int offsetAfter(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("cursor:")) {
                int position = Integer.parseInt(decoded.substring(7));
                if (position >= 0) {
                    return position + 1;
                }
            }
        } catch (IllegalArgumentException e) {
            // fall through: not one of ours
        }
        throw new IllegalArgumentException("Invalid cursor: " + cursor);
    }

    /** Checks a page size argument. */
    public static int pageSize(Integer first, int max) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > max) {
            throw new IllegalArgumentException("first must be between 1 and " + max);
        }
        return size;
    }
}
