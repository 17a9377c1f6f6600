package io.cairn.employeenps.campaign;

import io.cairn.employeenps.department.Department;
import io.cairn.employeenps.department.DepartmentTree;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An eNPS campaign. {@code scope} is the part of the department tree it covers, copied when it opens:
 * results are always computed on that copy, so moving departments later cannot expose a group by
 * comparing results before and after. Thresholds are fixed once the campaign opens for the same reason.
 */
@Document("campaigns")
public record Campaign(@Id String id, String name, String company, Map<String, String> question,
        Map<String, String> openQuestion, String language, List<String> departments, Instant opensAt,
        Instant closesAt, Status status, int minGroupSize, int minCommentGroupSize, List<Department> scope,
        Instant createdAt, Instant openedAt, Instant closedAt, String createdBy, long version) {

    public enum Status { DRAFT, OPEN, CLOSED }

    /** The status now: an open campaign whose closing time has passed is closed. */
    public Status statusAt(Instant now) {
        return status == Status.OPEN && closesAt != null && !now.isBefore(closesAt) ? Status.CLOSED : status;
    }

    /** When it stopped taking answers, if it has. */
    public Instant closedAtOrDeadline(Instant now) {
        if (closedAt != null) {
            return closedAt;
        }
        return statusAt(now) == Status.CLOSED ? closesAt : null;
    }

    public boolean acceptsAnswersAt(Instant now) {
        return statusAt(now) == Status.OPEN && (opensAt == null || !now.isBefore(opensAt));
    }

    /** The departments the campaign covers: its frozen scope once opened, else from the current tree (read only then). */
    public DepartmentTree scopeTree(java.util.function.Supplier<DepartmentTree> current) {
        return scope != null ? DepartmentTree.of(scope) : current.get().restrictTo(departments);
    }

    Campaign with(Status newStatus, List<Department> newScope, Instant newOpenedAt, Instant newClosedAt) {
        return new Campaign(id, name, company, question, openQuestion, language, departments, opensAt, closesAt,
                newStatus, minGroupSize, minCommentGroupSize, newScope, createdAt, newOpenedAt, newClosedAt, createdBy,
                version + 1);
    }
}
