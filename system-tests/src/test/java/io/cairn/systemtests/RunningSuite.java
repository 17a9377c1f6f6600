package io.cairn.systemtests;

import io.cairn.platform.test.CairnLauncher;
import io.cairn.platform.test.ServiceHttp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole suite, started once per test run exactly as a user starts it ({@code ./cairn up -d}) on
 * free ports with a fresh data directory, and stopped ({@code ./cairn down}) when the run ends.
 */
public final class RunningSuite implements BeforeAllCallback {

    private static Instance instance;

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (RunningSuite.class) {
            if (instance == null) {
                instance = new Instance();
                instance.up();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(RunningSuite.class, (AutoCloseable) instance::down);
            }
        }
    }

    public static Instance get() {
        return instance;
    }

    /** The running suite: where it listens and how to drive the launcher. */
    public static final class Instance {

        private final Path dataDir = Path.of(System.getProperty("cairn.artifacts", "target"), "suite-data").toAbsolutePath();
        private final CairnLauncher launcher = new CairnLauncher(
                Path.of(System.getProperty("cairn.root", "..")).toAbsolutePath().normalize(), dataDir,
                // the gateway logs each answered request, for the report of a browser test left waiting
                Map.of("CAIRN_ACCESS_LOG", "true"));

        /** The thread dump of a running part (e.g. {@code gateway}), for the report of a test that found it stuck. */
        public String threads(String part) {
            try {
                String pid = java.nio.file.Files.readString(dataDir.resolve("run").resolve(part + ".pid")).trim();
                Process jcmd = new ProcessBuilder("jcmd", pid, "Thread.print").redirectErrorStream(true).start();
                String dump = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
                return dump;
            } catch (java.io.IOException e) {
                return "no thread dump of " + part + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "no thread dump of " + part + ": interrupted";
            }
        }

        /** The last {@code lines} requests the gateway answered (its access log). */
        public String answeredRequests(int lines) {
            try (var log = java.nio.file.Files.lines(dataDir.resolve("logs").resolve("gateway.log"))) {
                java.util.List<String> answered = log.filter(line -> line.contains("\"reactor.netty.http.server.AccessLog\""))
                        .map(line -> ServiceHttp.JSON.readTree(line))
                        .map(entry -> entry.at("/@timestamp").asString() + " " + entry.at("/message").asString())
                        .toList();
                return String.join("\n", answered.subList(Math.max(0, answered.size() - lines), answered.size()));
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                return "no access log: " + e.getMessage();
            }
        }

        public String baseUrl() {
            return launcher.baseUrl();
        }

        public ServiceHttp http() {
            return new ServiceHttp(baseUrl());
        }

        /** A bearer token from {@code ./cairn token <role>}. */
        public String token(String role) {
            return launcher.token(role);
        }

        void up() {
            launcher.up();
        }

        void down() {
            launcher.down();
        }

        /** Runs {@code work} with one part of the suite stopped, and starts that part again however it ends. */
        public void without(String part, Runnable work) {
            launcher.stop(part);
            try {
                work.run();
            } finally {
                launcher.start(part);
            }
        }

        /** Stops and starts the suite on the same data. */
        public void restart() {
            launcher.restart();
        }
    }
}
