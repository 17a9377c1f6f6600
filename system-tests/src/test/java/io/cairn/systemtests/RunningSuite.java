package io.cairn.systemtests;

import io.cairn.platform.test.FreePorts;
import io.cairn.platform.test.ServiceHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

        private final Path root = Path.of(System.getProperty("cairn.root", "..")).toAbsolutePath().normalize();
        private final Path dataDir = Path.of(System.getProperty("cairn.artifacts", "target"), "suite-data").toAbsolutePath();
        private final int port = FreePorts.suiteBase();

        public String baseUrl() {
            return "http://localhost:" + port;
        }

        public ServiceHttp http() {
            return new ServiceHttp(baseUrl());
        }

        /** A bearer token from {@code ./cairn token <role>}. */
        public String token(String role) {
            return cairn(List.of("token", role), 30).trim();
        }

        void up() {
            deleteRecursively(dataDir);
            cairn(List.of("up", "-d"), 240);
        }

        void down() {
            cairn(List.of("down"), 90);
        }

        /** Stops and starts the suite on the same data. */
        public void restart() {
            down();
            cairn(List.of("up", "-d"), 240);
        }

        private String cairn(List<String> args, int timeoutSeconds) {
            List<String> command = Stream.concat(Stream.of(root.resolve("cairn").toString()), args.stream()).toList();
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            builder.environment().putAll(Map.of("CAIRN_PORT", String.valueOf(port), "CAIRN_DATA_DIR", dataDir.toString()));
            try {
                Process process = builder.start();
                // read while it runs: the launcher's children inherit nothing from this pipe (they log to files)
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("./cairn " + args + " did not finish in " + timeoutSeconds + "s");
                }
                String text = new String(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("./cairn " + args + " failed (" + process.exitValue() + "):\n" + text
                            + logs());
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String logs() {
            try (Stream<Path> files = Files.list(dataDir.resolve("logs"))) {
                StringBuilder text = new StringBuilder();
                for (Path file : files.toList()) {
                    List<String> lines = Files.readAllLines(file);
                    text.append("\n--- ").append(file.getFileName()).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
                }
                return text.toString();
            } catch (IOException e) {
                return "\n(no logs: " + e.getMessage() + ")";
            }
        }


        private static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
