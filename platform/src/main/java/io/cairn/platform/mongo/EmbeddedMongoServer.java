package io.cairn.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An in-process MongoDB wire-protocol server that the real driver reaches over TCP. */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedMongoServer(MongoBackend backend, String host, int port, String description) {
        this.server = new MongoServer(backend);
        this.server.bind(host, port);
        this.address = server.getLocalAddress();
        this.description = description;
        log.info("Embedded MongoDB ({}) listening on {}:{}", description, address.getHostString(), address.getPort());
    }

    /** A server whose data lives in {@code file} (created with its parent directories). */
    public static EmbeddedMongoServer file(Path file, String host, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory for " + file, e);
        }
        return new EmbeddedMongoServer(new H2Backend(file.toString()), host, port, "file " + file.toAbsolutePath());
    }

    public static EmbeddedMongoServer memory(String host, int port) {
        return new EmbeddedMongoServer(new MemoryBackend(), host, port, "in memory");
    }

    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        // shutdownNow also closes the backend, which flushes and closes the H2 store
        server.shutdownNow();
        log.info("Embedded MongoDB ({}) stopped", description);
    }
}
