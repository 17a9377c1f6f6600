package io.cairn.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The suite's roles. A token's roles are expanded through the hierarchy when it is read, so
 * {@code hasRole('VIEWER')} also admits designers, analysts, HR admins, leaders and admins everywhere.
 */
public final class CairnRoles {

    public static final String VIEWER = "viewer";
    public static final String DESIGNER = "designer";
    public static final String ANALYST = "analyst";
    public static final String HR_ADMIN = "hr-admin";
    /** A department leader: reads the employee NPS results of their own department subtree. */
    public static final String LEADER = "leader";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(VIEWER, DESIGNER, ANALYST, HR_ADMIN, LEADER, ADMIN);

    private static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.fromHierarchy("""
            ROLE_ADMIN > ROLE_DESIGNER
            ROLE_ADMIN > ROLE_ANALYST
            ROLE_ADMIN > ROLE_HR_ADMIN
            ROLE_DESIGNER > ROLE_VIEWER
            ROLE_ANALYST > ROLE_VIEWER
            ROLE_HR_ADMIN > ROLE_VIEWER
            ROLE_LEADER > ROLE_VIEWER
            """);

    private CairnRoles() {
    }

    /** {@code hr-admin} -> {@code ROLE_HR_ADMIN}. */
    public static String authority(String role) {
        return "ROLE_" + role.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The authorities a set of role names grants, implied roles included. */
    public static Set<GrantedAuthority> authorities(Collection<String> roles) {
        List<GrantedAuthority> direct = roles.stream()
                .filter(role -> role != null && !role.isBlank())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(authority(role)))
                .toList();
        return Set.copyOf(HIERARCHY.getReachableGrantedAuthorities(direct));
    }

    /** Role names (lower case, as in tokens) held by a set of authorities. */
    public static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring(5).toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.toUnmodifiableSet());
    }
}
