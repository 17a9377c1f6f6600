package io.cairn.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are read. The issuer and JWK set come from Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties (set from {@code CAIRN_ISSUER_URI}
 * and {@code CAIRN_JWK_SET_URI}).
 *
 * @param rolesClaim    claim holding the role names; a dotted path reaches nested claims
 *                      (e.g. {@code realm_access.roles} for Keycloak)
 * @param usernameClaim claim naming the user; {@code sub} is used when it is absent
 * @param publicPaths   paths reachable without a token, in addition to health
 */
@ConfigurationProperties("cairn.security")
public record CairnSecurityProperties(String rolesClaim, String usernameClaim, List<String> publicPaths) {

    public CairnSecurityProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        usernameClaim = usernameClaim == null || usernameClaim.isBlank() ? "preferred_username" : usernameClaim;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /** Health probes are always public: Kubernetes and the launcher call them without a token. */
    public List<String> allPublicPaths() {
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of("/actuator/health", "/actuator/health/**"), publicPaths.stream()).toList();
    }
}
