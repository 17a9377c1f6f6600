package io.cairn.gateway.security;

import io.cairn.platform.security.CairnJwtAuthenticationConverter;
import io.cairn.platform.security.CairnSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

/**
 * Subscriptions run over graphql-ws, where browsers cannot send headers: the bearer token travels in
 * the {@code connection_init} payload ({@code {"Authorization": "Bearer ..."}}) and is checked like any other.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketAuthenticationConfiguration {

    @Bean
    AuthenticationWebSocketInterceptor webSocketAuthentication(ReactiveJwtDecoder decoder, CairnSecurityProperties properties) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
        manager.setJwtAuthenticationConverter(
                new ReactiveJwtAuthenticationConverterAdapter(new CairnJwtAuthenticationConverter(properties)));
        return new AuthenticationWebSocketInterceptor(new BearerTokenAuthenticationExtractor(), manager);
    }
}
