package io.cairn.employeenps.department;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Departments as a tree: lookups by code, subtrees, and the checks a tree must pass (known parents, no cycles). */
public final class DepartmentTree {

    private final Map<String, Department> byCode = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();

    private DepartmentTree(Collection<Department> departments) {
        departments.stream().sorted(Comparator.comparing(Department::code))
                .forEach(d -> byCode.put(d.code(), d));
        byCode.values().forEach(d -> children.computeIfAbsent(d.parent(), k -> new ArrayList<>()).add(d.code()));
    }

    /** A tree of departments that must be consistent: unique codes, parents among them, no cycles. */
    public static DepartmentTree of(Collection<Department> departments) {
        Set<String> seen = new LinkedHashSet<>();
        for (Department d : departments) {
            if (!seen.add(d.code())) {
                throw ApiException.badRequest(Refusal.of("department.listedTwice",
                        "Department {0} is listed twice", d.code()));
            }
        }
        DepartmentTree tree = new DepartmentTree(departments);
        for (Department d : departments) {
            if (d.parent() != null && !tree.contains(d.parent())) {
                throw ApiException.badRequest(Refusal.of("department.unknownParent",
                        "Department {0} has an unknown parent {1}", d.code(), d.parent()));
            }
            Set<String> path = new LinkedHashSet<>();
            for (String at = d.code(); at != null; at = tree.byCode.get(at).parent()) {
                if (!path.add(at)) {
                    throw ApiException.badRequest(Refusal.of("department.cycle",
                            "Departments {0} form a cycle", String.join(" > ", path)));
                }
            }
        }
        return tree;
    }

    /** The part of this tree under {@code roots}: a root whose parent is left out becomes top-level. */
    public DepartmentTree restrictTo(Collection<String> roots) {
        Set<String> keep = new LinkedHashSet<>();
        roots.forEach(root -> keep.addAll(subtree(root)));
        return new DepartmentTree(keep.stream().map(byCode::get)
                .map(d -> keep.contains(d.parent()) ? d : new Department(d.code(), d.name(), null)).toList());
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Department get(String code) {
        Department d = byCode.get(code);
        if (d == null) {
            throw ApiException.notFound("Department", code);
        }
        return d;
    }

    public Collection<Department> departments() {
        return byCode.values();
    }

    /** Top-level codes (no parent in the tree). */
    public List<String> roots() {
        return children.getOrDefault(null, List.of());
    }

    public List<String> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** {@code code} and every department below it. */
    public Set<String> subtree(String code) {
        get(code);
        Set<String> result = new LinkedHashSet<>();
        collect(code, result);
        return result;
    }

    /** Codes depth-first from the roots, parents before their children. */
    public List<String> depthFirst() {
        List<String> result = new ArrayList<>();
        roots().forEach(root -> collectList(root, result));
        return result;
    }

    public int depth(String code) {
        int depth = 0;
        for (String at = get(code).parent(); at != null; at = byCode.get(at).parent()) {
            depth++;
        }
        return depth;
    }

    private void collect(String code, Set<String> into) {
        into.add(code);
        children(code).forEach(child -> collect(child, into));
    }

    private void collectList(String code, List<String> into) {
        into.add(code);
        children(code).forEach(child -> collectList(child, into));
    }
}
