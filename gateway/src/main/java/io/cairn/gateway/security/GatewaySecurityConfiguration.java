package io.cairn.gateway.security;

import io.cairn.platform.security.CairnJwtAuthenticationConverter;
import io.cairn.platform.security.CairnSecurityProperties;
import io.cairn.platform.security.ProblemJson;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Bearer JWT on the API (GraphQL, REST routes, actuator); open: health, the web UI's static files,
 * the login and issuer documents, and the public survey links.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(CairnSecurityProperties.class)
class GatewaySecurityConfiguration {

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, CairnSecurityProperties properties) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(properties.allPublicPaths().toArray(String[]::new)).permitAll()
                        .pathMatchers(HttpMethod.POST, "/auth/token").permitAll()
                        // graphql-ws: the token comes in connection_init and is checked there
                        .pathMatchers(HttpMethod.GET, "/subscriptions").permitAll()
                        .pathMatchers("/api/employee-nps/public/**").permitAll()
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .pathMatchers("/graphql", "/graphql/**", "/api/**").authenticated()
                        // the web UI, GraphiQL page, JWK set and discovery document are public reads
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(new CairnJwtAuthenticationConverter(properties))))
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN)))
                .build();
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status) {
        boolean tokenPresent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        String path = exchange.getRequest().getPath().value();
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body;
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, ProblemJson.bearerChallenge(tokenPresent));
            body = ProblemJson.unauthorized(tokenPresent, path);
        } else {
            body = ProblemJson.forbidden(path);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }
}
