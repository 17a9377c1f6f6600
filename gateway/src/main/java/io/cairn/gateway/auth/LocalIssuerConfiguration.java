package io.cairn.gateway.auth;

import io.cairn.platform.security.LocalIssuer;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The local default's issuer. Its key is kept under the data directory, so tokens stay valid when
 * the suite restarts; the gateway verifies tokens with it directly, the services through its JWK set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cairn.issuer.enabled", havingValue = "true")
class LocalIssuerConfiguration {

    @Bean
    LocalIssuer localIssuer(@Value("${cairn.security.issuer-uri}") String issuerUri,
            @Value("${cairn.data-dir}") String dataDir) {
        return LocalIssuer.persistent(issuerUri, Path.of(dataDir, "gateway", "issuer-key.json"));
    }

    @Bean
    ReactiveJwtDecoder localIssuerJwtDecoder(LocalIssuer issuer) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(issuer.publicKey()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuer()));
        return decoder;
    }
}
