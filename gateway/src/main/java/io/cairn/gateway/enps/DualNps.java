package io.cairn.gateway.enps;

import io.cairn.gateway.touchpoint.Touchpoint;
import io.cairn.platform.score.NetPromoter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Employee NPS next to customer NPS per department: the customer side adds up the answers to the touchpoints
 * the department owns (their distributions, so the figure is exact, not an average of averages). NPS is
 * % 9-10 minus % 0-6 with its 95% margin; CSAT is % 4-5.
 */
final class DualNps {

    private DualNps() {
    }

    /**
     * @param employee   employee-nps-service's per-department rows ({@code department}, {@code name}, {@code group}, ...)
     * @param touchpoints the touchpoints owned by those departments
     * @param scores     metrics-service's scores of those touchpoints ({@code touchpointId}, {@code metric}, {@code distribution})
     */
    static List<Map<String, Object>> join(List<Map<String, Object>> employee, Collection<Touchpoint> touchpoints,
            List<Map<String, Object>> scores) {
        Map<String, String> teamOf = new HashMap<>();
        Map<String, Integer> owned = new HashMap<>();
        touchpoints.forEach(t -> {
            teamOf.put(t.id(), t.ownerTeam());
            owned.merge(t.ownerTeam(), 1, Integer::sum);
        });
        Map<String, long[]> nps = new HashMap<>();
        Map<String, long[]> csat = new HashMap<>();
        for (Map<String, Object> score : scores) {
            String team = teamOf.get(String.valueOf(score.get("touchpointId")));
            if (team == null || !(score.get("distribution") instanceof List<?> counts)) {
                continue;
            }
            String metric = String.valueOf(score.get("metric"));
            Map<String, long[]> into = "NPS".equals(metric) ? nps : "CSAT".equals(metric) ? csat : null;
            if (into != null) {
                long[] sum = into.computeIfAbsent(team, k -> new long[counts.size()]);
                for (int i = 0; i < counts.size() && i < sum.length; i++) {
                    sum[i] += ((Number) counts.get(i)).longValue();
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> department : employee) {
            String code = String.valueOf(department.get("department"));
            Map<String, Object> row = new LinkedHashMap<>(department);
            row.put("employee", department.get("group"));
            row.put("customer", customer(owned.getOrDefault(code, 0), nps.get(code), csat.get(code)));
            rows.add(row);
        }
        return rows;
    }

    static Map<String, Object> customer(int touchpoints, long[] nps, long[] csat) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("touchpoints", touchpoints);
        long n = nps == null ? 0 : sum(nps, 0, 10);
        c.put("npsN", n);
        if (n > 0) {
            c.put("nps", round(NetPromoter.score(sum(nps, 9, 10), sum(nps, 0, 6), n)));
            c.put("npsMargin", round(NetPromoter.margin(sum(nps, 9, 10), sum(nps, 0, 6), n)));
        }
        long cn = csat == null ? 0 : sum(csat, 1, 5);
        c.put("csatN", cn);
        if (cn > 0) {
            c.put("csat", round(100.0 * sum(csat, 4, 5) / cn));
        }
        return c;
    }

    private static long sum(long[] counts, int from, int to) {
        long total = 0;
        for (int i = from; i <= to && i < counts.length; i++) {
            total += counts[i];
        }
        return total;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
