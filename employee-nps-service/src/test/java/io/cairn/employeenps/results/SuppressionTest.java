package io.cairn.employeenps.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    @Test
    void aGroupBelowTheMinimumIsHiddenAndSoIsTheNextSmallestWhenTheParentWouldGiveItAway() {
        // company (no own responses) = sales 12 + support 9 + legal 3: company minus the visible two is legal
        Map<String, List<String>> tree = Map.of("*", List.of("sales", "support", "legal"));
        Suppression s = new Suppression(tree, "*", Map.of("sales", 12L, "support", 9L, "legal", 3L));

        Set<String> shown = s.visible(5, node -> true);

        assertThat(shown).containsExactlyInAnyOrder("*", "sales");
        assertThat(s.total("*")).isEqualTo(24);
        // the threshold alone would have given legal away, and the checker sees it
        Map<String, Long> counts = Map.of("sales", 12L, "support", 9L, "legal", 3L);
        assertThat(Disclosure.exposedGroup(List.of(Set.of("sales", "support", "legal"), Set.of("sales"),
                Set.of("support")), counts, 5)).containsExactly("legal");
        assertThat(Disclosure.exposedGroup(List.of(Set.of("sales", "support", "legal"), Set.of("sales")), counts, 5))
                .isNull();
    }

    @Test
    void aParentsOwnMembersCountAsAGroupToo() {
        // ops has 2 people of its own and two teams of 6: ops minus its teams would be those 2
        Map<String, List<String>> tree = Map.of("*", List.of("ops"), "ops", List.of("a", "b"));
        Suppression s = new Suppression(tree, "*", Map.of("ops", 2L, "a", 6L, "b", 7L));

        assertThat(s.visible(5, node -> true)).containsExactlyInAnyOrder("*", "ops", "b");
        // with 5 of its own the teams can show
        assertThat(new Suppression(tree, "*", Map.of("ops", 5L, "a", 6L, "b", 7L)).visible(5, node -> true))
                .containsExactlyInAnyOrder("*", "ops", "a", "b");
    }

    @Test
    void groupsWithNoResponsesLeftOverExposeNothing() {
        Map<String, List<String>> tree = Map.of("*", List.of("a", "b"));
        Suppression s = new Suppression(tree, "*", Map.of("a", 5L, "b", 5L));
        assertThat(s.visible(5, node -> true)).containsExactlyInAnyOrder("*", "a", "b");
    }

    /** Property: random trees and counts; no group below the minimum is computable from what is shown. */
    @Test
    void noSmallGroupCanBeComputedFromTheShownGroupsOfRandomTrees() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 400; round++) {
            RandomTree t = RandomTree.generate(random, 2 + random.nextInt(10), 0.35, 14);
            int min = 3 + random.nextInt(4);
            Suppression s = new Suppression(t.children(), "*", t.direct());
            Set<String> shown = s.visible(min, node -> true);

            List<Set<String>> groups = new ArrayList<>();
            shown.forEach(node -> groups.add(t.subtree(node)));
            Set<String> exposed = Disclosure.exposedGroup(groups, t.direct(), min);
            assertThat(exposed).as("seed %d round %d: tree %s counts %s min %d shown %s", seed, round, t.children(),
                    t.direct(), min, shown).isNull();
            // and nothing that could show is hidden without cause: every large enough leaf group of a
            // tree without small groups shows
            shown.forEach(node -> assertThat(s.total(node)).isGreaterThanOrEqualTo(min));
        }
    }

    /** A random department tree under the whole ("*"), with random response counts. */
    record RandomTree(Map<String, List<String>> children, Map<String, Long> direct) {

        static RandomTree generate(Random random, int departments, double zeroShare, int maxCount) {
            Map<String, List<String>> children = new HashMap<>();
            List<String> nodes = new ArrayList<>(List.of("*"));
            Map<String, Long> direct = new HashMap<>();
            for (int i = 0; i < departments; i++) {
                String code = "d" + i;
                String parent = nodes.get(random.nextInt(nodes.size()));
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(code);
                nodes.add(code);
                direct.put(code, random.nextDouble() < zeroShare ? 0L : 1L + random.nextInt(maxCount));
            }
            return new RandomTree(children, direct);
        }

        Set<String> subtree(String node) {
            Set<String> result = new LinkedHashSet<>();
            result.add(node);
            children.getOrDefault(node, List.of()).forEach(child -> result.addAll(subtree(child)));
            return result;
        }
    }
}
