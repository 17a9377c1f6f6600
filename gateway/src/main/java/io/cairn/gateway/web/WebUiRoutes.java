package io.cairn.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web UI is a single-page app: its own routes (deep links, reloads) answer with index.html,
 * the router in the browser takes it from there. Assets are served from {@code static/} as usual.
 */
@Configuration(proxyBeanMethods = false)
class WebUiRoutes {

    /** Top-level paths of the web UI's router; everything else is API, assets or actuator. */
    static final String[] UI_PATHS = {"/login", "/journeys/**", "/dashboard/**", "/import/**", "/enps/**", "/survey/**"};

    @Bean
    RouterFunction<ServerResponse> webUi() {
        Resource index = new ClassPathResource("static/index.html");
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (String path : UI_PATHS) {
            routes.route(GET(path).and(accept(MediaType.TEXT_HTML)),
                    request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(index));
        }
        return routes.build();
    }
}
