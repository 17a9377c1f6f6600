package io.cairn.employeenps.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.employeenps.EnpsClient;
import io.cairn.platform.test.CairnServiceTest;
import io.cairn.platform.test.ServiceHttp;
import io.cairn.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Property, through the API: for random department trees and response counts, everything any reader can get
 * (HR results, the CSV export, each leader's results, trends and per-department eNPS, for HR and for every
 * leader) shows correct figures for the groups it shows, and taken together lets no group below the minimum
 * be computed by differences, for scores and for comments alike.
 */
@CairnServiceTest
@TestPropertySource(properties = "cairn.enps.public-rate-limit=1000000")
class AnonymityPropertyTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void noQueryOrCombinationOfQueriesRevealsASmallGroup() {
        EnpsClient enps = new EnpsClient(ServiceHttp.localhost(port));
        ServiceHttp http = enps.http();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 12; round++) {
            String context = "seed " + seed + " round " + round;
            // a random tree under one top department, with random responses per department
            String top = "r" + round;
            Map<String, String> parents = new LinkedHashMap<>();
            parents.put(top, null);
            List<String> codes = new ArrayList<>(List.of(top));
            int size = 2 + random.nextInt(9);
            for (int i = 1; i < size; i++) {
                String code = top + "-d" + i;
                parents.put(code, codes.get(random.nextInt(codes.size())));
                codes.add(code);
            }
            enps.departments(parents);
            Map<String, Integer> counts = new LinkedHashMap<>();
            codes.forEach(code -> {
                int n = random.nextDouble() < 0.3 ? 0 : 1 + random.nextInt(12);
                if (n > 0) {
                    counts.put(code, n);
                }
            });
            int min = 3 + random.nextInt(4);
            int commentMin = min + random.nextInt(5);
            JsonNode campaign = enps.step(enps.createCampaign("Property " + round, List.of(top), Map.of(
                    "minGroupSize", min, "minCommentGroupSize", commentMin, "openQuestion", Map.of("en", "Why?"))), "open");
            String id = EnpsClient.id(campaign);

            Map<String, long[]> truth = new HashMap<>();
            Map<String, List<String>> truthComments = new HashMap<>();
            if (!counts.isEmpty()) {
                enps.links(campaign, counts).forEach((department, tokens) -> {
                    for (String token : tokens) {
                        int score = random.nextInt(11);
                        String comment = department + " says " + random.nextLong();
                        assertThat(enps.answer(token, score, comment).status()).isEqualTo(201);
                        truth.computeIfAbsent(department, k -> new long[11])[score]++;
                        truthComments.computeIfAbsent(department, k -> new ArrayList<>()).add(comment);
                    }
                });
            }
            enps.step(http.get("/campaigns/" + id, EnpsClient.HR).json(), "close");

            Observed observed = new Observed(parents, truth, truthComments, context);
            Map<String, List<String>> readers = new LinkedHashMap<>();
            readers.put(EnpsClient.HR, codes);
            codes.forEach(code -> readers.put(TestTokens.leaderBearer(code), List.of(code)));
            for (Map.Entry<String, List<String>> entry : readers.entrySet()) {
                String reader = entry.getKey();
                JsonNode results = http.get("/campaigns/" + id + "/results", reader).json();
                if (!results.at("/overall").isNull() && !results.at("/overall").isMissingNode()) {
                    observed.group(top, results.at("/overall"), true);
                }
                results.at("/departments").forEach(g -> observed.group(g.at("/department").asString(), g, true));
                for (String line : http.get("/campaigns/" + id + "/results.csv", reader).body().lines().skip(1).toList()) {
                    observed.csvRow(line, top);
                }
                for (String code : entry.getValue()) {
                    http.get("/results/trend?department=" + code, reader).json().valueStream()
                            .filter(p -> p.at("/campaignId").asString().equals(id))
                            .forEach(p -> observed.group(code, p.at("/group"), false));
                }
                http.get("/results/departments", reader).json().valueStream()
                        .filter(d -> d.at("/campaignId").asString().equals(id))
                        .forEach(d -> observed.group(d.at("/department").asString(), d.at("/group"), false));
            }

            Map<String, Long> cells = new TreeMap<>();
            codes.forEach(code -> cells.put(code, (long) counts.getOrDefault(code, 0)));
            assertThat(Disclosure.exposedGroup(observed.scoreGroups, cells, min))
                    .as("%s: scores of a small group computable; tree %s counts %s min %d shown %s", context, parents,
                            counts, min, observed.scoreGroups).isNull();
            assertThat(Disclosure.exposedGroup(observed.commentGroups, cells, commentMin))
                    .as("%s: comments of a small group computable; tree %s counts %s min %d", context, parents, counts,
                            commentMin).isNull();
        }
    }

    /** What readers were shown, checked against the truth as it arrives. */
    static final class Observed {

        final Map<String, String> parents;
        final Map<String, long[]> truth;
        final Map<String, List<String>> comments;
        final String context;
        final List<Set<String>> scoreGroups = new ArrayList<>();
        final List<Set<String>> commentGroups = new ArrayList<>();

        Observed(Map<String, String> parents, Map<String, long[]> truth, Map<String, List<String>> comments, String context) {
            this.parents = parents;
            this.truth = truth;
            this.comments = comments;
            this.context = context;
        }

        void group(String code, JsonNode group, boolean commentsListed) {
            Set<String> members = subtree(code);
            long[] expected = distribution(members);
            if (group.at("/hidden").asBoolean()) {
                assertThat(group.at("/figures").isNull() || group.at("/figures").isMissingNode()).as(context).isTrue();
            } else {
                long[] shown = new long[11];
                for (int i = 0; i < 11; i++) {
                    shown[i] = group.at("/figures/distribution/" + i).asLong();
                }
                assertThat(shown).as("%s: figures of %s", context, code).containsExactly(expected);
                assertThat(group.at("/figures/enps").asDouble()).as(context).isEqualTo(Figures.of(expected).enps());
                scoreGroups.add(members);
            }
            List<String> listed = new ArrayList<>();
            group.at("/comments").forEach(c -> listed.add(c.asString()));
            if (!listed.isEmpty()) {
                List<String> expectedComments = new ArrayList<>();
                members.forEach(m -> expectedComments.addAll(comments.getOrDefault(m, List.of())));
                assertThat(listed).as("%s: comments of %s", context, code).containsExactlyInAnyOrderElementsOf(expectedComments);
                commentGroups.add(members);
            } else if (commentsListed && !group.at("/commentsHidden").asBoolean()) {
                assertThat(distribution(members)).as(context).containsOnly(0L);
            }
        }

        void csvRow(String line, String top) {
            String[] cells = line.split(",", -1);
            String code = cells[0].equals("(all)") ? top : cells[0];
            if (!cells[6].equals("yes")) {
                assertThat(cells[7]).as("%s: hidden row %s shows a score", context, line).isEmpty();
                return;
            }
            long[] shown = new long[11];
            for (int i = 0; i < 11; i++) {
                shown[i] = Long.parseLong(cells[12 + i]);
            }
            assertThat(shown).as("%s: csv %s", context, line).containsExactly(distribution(subtree(code)));
            scoreGroups.add(subtree(code));
        }

        Set<String> subtree(String code) {
            Set<String> members = new LinkedHashSet<>(List.of(code));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (Map.Entry<String, String> e : parents.entrySet()) {
                    if (e.getValue() != null && members.contains(e.getValue()) && members.add(e.getKey())) {
                        grew = true;
                    }
                }
            }
            return members;
        }

        long[] distribution(Set<String> members) {
            long[] d = new long[11];
            members.forEach(m -> {
                long[] own = truth.get(m);
                if (own != null) {
                    for (int i = 0; i < 11; i++) {
                        d[i] += own[i];
                    }
                }
            });
            return d;
        }
    }
}
