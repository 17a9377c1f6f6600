package io.cairn.employeenps.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which groups of a tree may show their figures. A group is a node's subtree; its size is the responses in
 * it. A group shows only with at least {@code min} responses, and only while no smaller group can be worked
 * out by subtraction: the figures shown are sums over disjoint "residuals" (a shown group minus the largest
 * shown groups inside it), every combination of shown figures is a sum of residuals, so each non-empty
 * residual must itself reach {@code min}. Where one does not, the smallest shown group inside it is hidden as
 * well (merging the two), until every residual is safe.
 */
public final class Suppression {

    private final Map<String, List<String>> children;
    private final String root;
    private final Map<String, Long> totals = new HashMap<>();

    /**
     * @param children the tree, parent to children; {@code root} is the whole population
     * @param direct   responses belonging to each node itself (not to its children)
     */
    public Suppression(Map<String, List<String>> children, String root, Map<String, Long> direct) {
        this.children = children;
        this.root = root;
        total(root, direct);
    }

    public long total(String node) {
        return totals.getOrDefault(node, 0L);
    }

    /** The groups that may show, among those {@code eligible}, at threshold {@code min}. */
    public Set<String> visible(long min, Predicate<String> eligible) {
        Set<String> visible = new LinkedHashSet<>();
        preorder(root).stream().filter(node -> eligible.test(node) && total(node) >= min).forEach(visible::add);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String node : visible) {
                List<String> inner = maximalVisibleBelow(node, visible);
                long residual = total(node) - inner.stream().mapToLong(this::total).sum();
                if (residual > 0 && residual < min) {
                    visible.remove(inner.stream()
                            .min(Comparator.<String>comparingLong(this::total).thenComparing(Comparator.naturalOrder()))
                            .orElseThrow());
                    changed = true;
                    break;
                }
            }
        }
        return visible;
    }

    private List<String> maximalVisibleBelow(String node, Set<String> visible) {
        List<String> found = new ArrayList<>();
        List<String> stack = new ArrayList<>(children.getOrDefault(node, List.of()));
        while (!stack.isEmpty()) {
            String next = stack.remove(stack.size() - 1);
            if (visible.contains(next)) {
                found.add(next);
            } else {
                stack.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return found;
    }

    private long total(String node, Map<String, Long> direct) {
        long sum = direct.getOrDefault(node, 0L);
        for (String child : children.getOrDefault(node, List.of())) {
            sum += total(child, direct);
        }
        totals.put(node, sum);
        return sum;
    }

    private List<String> preorder(String node) {
        List<String> order = new ArrayList<>();
        order.add(node);
        children.getOrDefault(node, List.of()).forEach(child -> order.addAll(preorder(child)));
        return order;
    }
}
