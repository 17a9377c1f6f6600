package io.cairn.gateway.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.http.server.logging.AccessLogFactory;

/**
 * One line per answered request (method, path, status, bytes, milliseconds) when {@code cairn.access-log}
 * is on. Neither the query string nor the client address is written: survey links carry their invitation
 * token in the query, and a log that ties a token to an address and a time would undo the survey's anonymity.
 * Health probes are left out, as the services' request logs leave them out: Kubernetes asks every few seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cairn.access-log", havingValue = "true")
class AccessLogConfiguration {

    @Bean
    NettyServerCustomizer accessLog() {
        return server -> server.accessLog(true, AccessLogFactory.createFilter(
                arguments -> !withoutQuery(arguments.uri()).startsWith("/actuator/health"),
                arguments -> AccessLog.create("{} {} {} {} bytes {} ms", arguments.method(), withoutQuery(arguments.uri()),
                        arguments.status(), arguments.contentLength(), arguments.duration())));
    }

    static String withoutQuery(CharSequence uri) {
        String value = uri == null ? "" : uri.toString();
        int query = value.indexOf('?');
        return query < 0 ? value : value.substring(0, query);
    }
}
