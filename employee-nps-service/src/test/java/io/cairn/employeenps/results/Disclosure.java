package io.cairn.employeenps.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An attacker's view of shown groups: any linear combination of shown figures is computable, so a group is
 * exposed when its member set lies in the span of the shown member sets. Checked exhaustively over all
 * subsets of the cells that hold responses (small trees), independently of how suppression works.
 */
final class Disclosure {

    private Disclosure() {
    }

    /**
     * A subset of cells with between 1 and {@code min - 1} responses that can be computed from {@code shown},
     * or null when there is none.
     */
    static Set<String> exposedGroup(Collection<Set<String>> shown, Map<String, Long> cellCounts, long min) {
        List<String> cells = cellCounts.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .sorted().toList();
        if (cells.size() > 16) {
            throw new IllegalArgumentException("too many cells for an exhaustive check: " + cells.size());
        }
        List<double[]> basis = new ArrayList<>();
        for (Set<String> group : shown) {
            basis.add(vector(cells, group));
        }
        int rank = rank(basis);
        for (int mask = 1; mask < (1 << cells.size()); mask++) {
            long n = 0;
            double[] v = new double[cells.size()];
            for (int i = 0; i < cells.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    v[i] = 1;
                    n += cellCounts.get(cells.get(i));
                }
            }
            if (n >= min) {
                continue;
            }
            List<double[]> extended = new ArrayList<>(basis);
            extended.add(v);
            if (rank(extended) == rank) {
                Set<String> exposed = new java.util.TreeSet<>();
                for (int i = 0; i < cells.size(); i++) {
                    if ((mask & (1 << i)) != 0) {
                        exposed.add(cells.get(i));
                    }
                }
                return exposed;
            }
        }
        return null;
    }

    private static double[] vector(List<String> cells, Set<String> group) {
        double[] v = new double[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            v[i] = group.contains(cells.get(i)) ? 1 : 0;
        }
        return v;
    }

    private static int rank(List<double[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        double[][] m = rows.stream().map(double[]::clone).toArray(double[][]::new);
        int cols = m[0].length;
        int rank = 0;
        for (int c = 0; c < cols && rank < m.length; c++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][c]) > 1e-9 && (pivot < 0 || Math.abs(m[r][c]) > Math.abs(m[pivot][c]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] tmp = m[pivot];
            m[pivot] = m[rank];
            m[rank] = tmp;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][c]) > 1e-12) {
                    double f = m[r][c] / m[rank][c];
                    for (int k = c; k < cols; k++) {
                        m[r][k] -= f * m[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
