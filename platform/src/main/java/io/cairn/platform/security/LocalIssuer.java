package io.cairn.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The suite's built-in token issuer for the local default and for tests: an RSA key that signs
 * short-lived JWTs and publishes its public half as a JWK set. Production uses an external OIDC issuer.
 */
public final class LocalIssuer {

    private final String issuer;
    private final RSAKey key;
    private final Clock clock;

    private LocalIssuer(String issuer, RSAKey key, Clock clock) {
        this.issuer = issuer;
        this.key = key;
        this.clock = clock;
    }

    /** A fresh key that lives as long as this object (tests). */
    public static LocalIssuer ephemeral(String issuer) {
        return new LocalIssuer(issuer, generate(), Clock.systemUTC());
    }

    /** A key kept in {@code keyFile} (created on first use), so tokens stay valid across restarts. */
    public static LocalIssuer persistent(String issuer, Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return new LocalIssuer(issuer, RSAKey.parse(Files.readString(keyFile)), Clock.systemUTC());
            }
            RSAKey key = generate();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "issuer", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: rely on the directory's permissions
            }
            Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
            return new LocalIssuer(issuer, key, Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the issuer key " + keyFile, e);
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer key " + keyFile + " is not a valid JWK; delete it to create a new one", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    /** A signed access token for {@code username} holding {@code roles}. */
    public String mint(String username, Collection<String> roles, Duration ttl) {
        return mint(username, roles, Map.of(), ttl);
    }

    /** A signed access token with further claims, e.g. the {@code department} of a leader. */
    public String mint(String username, Collection<String> roles, Map<String, Object> extraClaims, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        extraClaims.forEach(builder::claim);
        JWTClaimsSet claims = builder
                .issuer(issuer)
                .subject(username)
                .claim("preferred_username", username)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }

    public String issuer() {
        return issuer;
    }

    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK set, as served at {@code /oauth2/jwks}. */
    public Map<String, Object> jwkSet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }
}
