package io.cairn.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the user name and roles of a bearer token, whichever OIDC issuer signed it. */
public class CairnJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final CairnSecurityProperties properties;

    public CairnJwtAuthenticationConverter(CairnSecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String username = jwt.getClaimAsString(properties.usernameClaim());
        if (username == null || username.isBlank()) {
            username = jwt.getSubject();
        }
        return new JwtAuthenticationToken(jwt, CairnRoles.authorities(roles(jwt)), username);
    }

    private List<String> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String part : properties.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (value instanceof Collection<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        if (value instanceof String names) {
            return List.of(names.split("[,\\s]+"));
        }
        return List.of();
    }
}
