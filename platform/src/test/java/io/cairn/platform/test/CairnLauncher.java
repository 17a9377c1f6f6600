package io.cairn.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole suite as a user starts it ({@code ./cairn up -d}), for system tests and benchmarks: on five free
 * consecutive ports, with its own data directory, and with extra environment for the launcher if wanted
 * (e.g. {@code CAIRN_JAVA_OPTS}, {@code MONGODB_URI_<PART>}).
 */
public final class CairnLauncher {

    private final Path root;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final int port = freeBasePort();

    public CairnLauncher(Path root, Path dataDir, Map<String, String> environment) {
        this.root = root;
        this.dataDir = dataDir;
        this.environment = Map.copyOf(environment);
    }

    /** The checkout holding the launcher, found upwards from the working directory. */
    public static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("cairn"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from the Cairn checkout (no ./cairn launcher above " + Path.of("").toAbsolutePath() + ")");
    }

    /** The gateway's port; the services take the next four. */
    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Starts the suite on a fresh data directory and waits until every part is ready. */
    public void up() {
        deleteRecursively(dataDir);
        run(List.of("up", "-d"), 240);
    }

    public void down() {
        run(List.of("down"), 90);
    }

    /** Stops and starts the suite on the same data. */
    public void restart() {
        down();
        run(List.of("up", "-d"), 240);
    }

    /** Stops one part (e.g. {@code metrics-service}) of the running suite. */
    public void stop(String part) {
        run(List.of("stop", part), 60);
    }

    /** Starts a stopped part again and waits until it is ready. */
    public void start(String part) {
        run(List.of("start", part), 240);
    }

    /** A bearer token of a demo user, from {@code ./cairn token <role>}. */
    public String token(String role) {
        return run(List.of("token", role), 30).trim();
    }

    /** Runs {@code ./cairn <args>}; answers its output, or fails with it and the end of each part's log. */
    public String run(List<String> args, int timeoutSeconds) {
        List<String> command = Stream.concat(Stream.of(root.resolve("cairn").toString()), args.stream()).toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
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
                throw new IllegalStateException("./cairn " + args + " failed (" + process.exitValue() + "):\n" + text + logs());
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

    private static int freeBasePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20000 + (int) (Math.random() * 20000);
            if (Stream.iterate(base, p -> p + 1).limit(5).allMatch(CairnLauncher::free)) {
                return base;
            }
        }
        throw new IllegalStateException("No five free consecutive ports");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
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
