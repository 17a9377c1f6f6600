package io.cairn.employeenps.department;

import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.Refusal;
import io.cairn.platform.web.ErrorCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department tree. Everyone signed in reads it (designers pick touchpoint owners from it);
 * HR admins change it. Campaigns keep the tree as it was when they opened, so a later change never
 * alters their results.
 */
@RestController
@Validated
public class DepartmentController {

    private final DepartmentRepository departments;

    public DepartmentController(DepartmentRepository departments) {
        this.departments = departments;
    }

    @GetMapping("/departments")
    @PreAuthorize("hasRole('VIEWER')")
    List<TreeRow> list() {
        DepartmentTree tree = departments.tree();
        return tree.depthFirst().stream().map(code -> TreeRow.of(tree, code)).toList();
    }

    /** Replaces the whole tree (the usual way to load an organisation chart). */
    @PutMapping("/departments")
    @PreAuthorize("hasRole('HR_ADMIN')")
    List<TreeRow> replace(@RequestBody @Size(max = 5000) List<@Valid Department> tree) {
        DepartmentTree checked = DepartmentTree.of(tree);
        departments.replaceAll(tree);
        return checked.depthFirst().stream().map(code -> TreeRow.of(checked, code)).toList();
    }

    @PostMapping("/departments")
    @PreAuthorize("hasRole('HR_ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Department add(@Valid @RequestBody Department department) {
        DepartmentTree tree = departments.tree();
        if (department.parent() != null && !tree.contains(department.parent())) {
            throw ApiException.badRequest(Refusal.of("department.unknownParent",
                    "Department {0} has an unknown parent {1}",
                    department.code(), department.parent()));
        }
        try {
            departments.insert(department);
        } catch (DuplicateKeyException e) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCodes.CONFLICT,
                    Refusal.of("department.exists", "Department {0} already exists", department.code()));
        }
        return department;
    }

    @DeleteMapping("/departments/{code}")
    @PreAuthorize("hasRole('HR_ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String code) {
        DepartmentTree tree = departments.tree();
        tree.get(code);
        if (!tree.children(code).isEmpty()) {
            throw new ApiException(HttpStatus.CONFLICT, ErrorCodes.CONFLICT, Refusal.of("department.hasChildren",
                    "Department {0} has departments below it; move or delete them first", code));
        }
        departments.delete(code);
    }

    /** A department with its place in the tree. */
    public record TreeRow(String code, String name, String parent, int depth, Collection<String> children) {

        static TreeRow of(DepartmentTree tree, String code) {
            Department d = tree.get(code);
            return new TreeRow(d.code(), d.name(), d.parent(), tree.depth(code), tree.children(code));
        }
    }
}
