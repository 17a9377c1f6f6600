package io.cairn.gateway.auth;

import io.cairn.platform.security.CairnRoles;
import io.cairn.platform.security.LocalIssuer;
import io.cairn.platform.web.ApiException;
import io.cairn.platform.web.ErrorCodes;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Demo logins, the JWK set and the OIDC discovery document of the built-in issuer. */
@RestController
@ConditionalOnProperty(name = "cairn.issuer.enabled", havingValue = "true")
class LocalIssuerController {

    private final LocalIssuer issuer;
    private final LocalIssuerProperties properties;

    LocalIssuerController(LocalIssuer issuer, LocalIssuerProperties properties) {
        this.issuer = issuer;
        this.properties = properties;
    }

    @PostMapping("/auth/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        String username = request.username().trim();
        boolean known = CairnRoles.ALL.contains(username);
        boolean passwordMatches = MessageDigest.isEqual(
                request.password().getBytes(StandardCharsets.UTF_8),
                properties.demoPassword().getBytes(StandardCharsets.UTF_8));
        if (!known || !passwordMatches) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHORIZED, "Invalid username or password");
        }
        List<String> roles = List.of(username);
        Map<String, Object> claims = CairnRoles.LEADER.equals(username)
                ? Map.of("department", properties.leaderDepartment()) : Map.of();
        String token = issuer.mint(username, roles, claims, properties.tokenTtl());
        return new TokenResponse(token, "Bearer", properties.tokenTtl().toSeconds(), username, roles);
    }

    @GetMapping("/oauth2/jwks")
    Map<String, Object> jwks() {
        return issuer.jwkSet();
    }

    @GetMapping("/.well-known/openid-configuration")
    Map<String, Object> discovery() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer.issuer());
        document.put("jwks_uri", issuer.issuer() + "/oauth2/jwks");
        document.put("token_endpoint", issuer.issuer() + "/auth/token");
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("subject_types_supported", List.of("public"));
        document.put("response_types_supported", List.of("token"));
        document.put("claims_supported", List.of("sub", "preferred_username", "roles", "department"));
        return document;
    }
}
