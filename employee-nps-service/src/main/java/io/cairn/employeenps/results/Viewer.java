package io.cairn.employeenps.results;

import io.cairn.employeenps.department.DepartmentTree;
import io.cairn.platform.security.CairnRoles;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.ErrorCodes;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who reads results: HR admins see every group; a leader sees their department and the ones below it. */
public record Viewer(boolean everything, String department) {

    public static Viewer of(Authentication user, String departmentClaim) {
        Set<String> roles = CairnRoles.roles(user.getAuthorities());
        if (roles.contains(CairnRoles.HR_ADMIN)) {
            return new Viewer(true, null);
        }
        Object department = user instanceof JwtAuthenticationToken jwt ? jwt.getToken().getClaims().get(departmentClaim) : null;
        if (roles.contains(CairnRoles.LEADER) && department instanceof String code && !code.isBlank()) {
            return new Viewer(false, code.trim().toLowerCase(java.util.Locale.ROOT));
        }
        throw new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                "Employee NPS results are for HR admins and for leaders of a department");
    }

    /** May this viewer see the group of {@code code} (null: the whole campaign) in {@code scope}? */
    public boolean sees(String code, DepartmentTree scope) {
        if (everything) {
            return true;
        }
        return code != null && scope.contains(department) && scope.subtree(department).contains(code);
    }
}
