package io.cairn.platform.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Embedded MongoDB wire server used when no external MongoDB is configured.
 *
 * @param backend {@code file} keeps data in an H2 store under {@code cairn.data-dir}; {@code memory} forgets it on exit
 * @param host    address the server listens on (loopback: only this process connects)
 * @param port    0 picks a free port
 */
@ConfigurationProperties("cairn.mongodb.embedded")
public record EmbeddedMongoProperties(Backend backend, String host, int port) {

    public enum Backend { FILE, MEMORY }

    public EmbeddedMongoProperties {
        backend = backend == null ? Backend.FILE : backend;
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
    }
}
