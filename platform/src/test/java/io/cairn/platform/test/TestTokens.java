package io.cairn.platform.test;

import io.cairn.platform.security.LocalIssuer;
import java.time.Duration;
import java.util.List;

/** Real signed tokens for tests, from one issuer key per test JVM. */
public final class TestTokens {

    public static final String ISSUER_URI = "http://cairn-test-issuer";
    public static final LocalIssuer ISSUER = LocalIssuer.ephemeral(ISSUER_URI);

    private TestTokens() {
    }

    /** A token for a demo user of that role, e.g. {@code token("designer")}. */
    public static String token(String role) {
        return ISSUER.mint(role, List.of(role), Duration.ofMinutes(10));
    }

    public static String bearer(String role) {
        return "Bearer " + token(role);
    }

    /** A leader of {@code department}: the claim the employee NPS service scopes results by. */
    public static String leaderBearer(String department) {
        return "Bearer " + ISSUER.mint("leader-" + department, List.of("leader"),
                java.util.Map.of("department", department), Duration.ofMinutes(10));
    }

    /** A correctly shaped token signed by a key the services do not trust. */
    public static String foreignBearer(String role) {
        return "Bearer " + LocalIssuer.ephemeral(ISSUER_URI).mint(role, List.of(role), Duration.ofMinutes(10));
    }
}
