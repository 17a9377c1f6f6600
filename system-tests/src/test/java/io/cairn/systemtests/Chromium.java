package io.cairn.systemtests;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system Chromium driven by Playwright (which cannot download its own browser here). Tests that need it
 * are skipped with a message where it is missing.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CAIRN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("cairn.artifacts", "target"), "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    /** A headless Chromium, or the calling test class skipped when there is none. */
    static Chromium launch() {
        assumeTrue(Files.isExecutable(EXECUTABLE),
                "Chromium not found at " + EXECUTABLE + ": install it (apt-get install chromium) or set CAIRN_CHROMIUM");
        return new Chromium();
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        playwright.close();
    }
}
