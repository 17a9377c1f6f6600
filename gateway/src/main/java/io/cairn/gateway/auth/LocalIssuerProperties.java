package io.cairn.gateway.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The built-in issuer of the local default: one demo user per role (user name = role name),
 * all with the same password.
 *
 * @param enabled      serve {@code /auth/token}, the JWK set and the discovery document
 * @param demoPassword password of every demo user
 * @param tokenTtl     lifetime of an issued token
 * @param leaderDepartment department code in the demo {@code leader}'s token (its eNPS results scope)
 */
@ConfigurationProperties("cairn.issuer")
public record LocalIssuerProperties(boolean enabled, String demoPassword, Duration tokenTtl, String leaderDepartment) {

    public LocalIssuerProperties {
        demoPassword = demoPassword == null ? "cairn" : demoPassword;
        tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
        leaderDepartment = leaderDepartment == null || leaderDepartment.isBlank() ? "airport-operations" : leaderDepartment;
    }
}
