package io.cairn.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The web UI in Chromium against the running suite: log in, create a journey, see it listed. */
@ExtendWith(RunningSuite.class)
class WebUiSmokeIT {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CAIRN_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of(System.getProperty("cairn.artifacts", "target"), "screenshots");

    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void launch() {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium not found at " + CHROMIUM + ": install it (apt-get install chromium) or set CAIRN_CHROMIUM");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void aDesignerLogsInCreatesAJourneyAndSeesItListed() {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")).newPage();
        page.navigate(RunningSuite.get().baseUrl() + "/");

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        page.locator("#username").fill("designer");
        page.locator("#password").fill("cairn");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        page.getByLabel("Journey name").fill("Smoke test journey");
        page.getByLabel("Owner team").fill("Customer Care");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create journey")).click();

        Locator row = page.locator("[data-testid=journey-row]").filter(new Locator.FilterOptions().setHasText("Smoke test journey"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Customer Care");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("journeys.png")).setFullPage(true));

        // the list comes from the API: a reload shows the journey again
        page.reload();
        assertThat(page.locator("[data-testid=journey-row]").filter(new Locator.FilterOptions()
                .setHasText("Smoke test journey"))).hasCount(1);
    }

    @Test
    void aViewerSeesJourneysButNoEditControls() {
        Page page = browser.newContext().newPage();
        page.navigate(RunningSuite.get().baseUrl() + "/login");
        page.locator("#username").fill("viewer");
        page.locator("#password").fill("cairn");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create journey"))).hasCount(0);
    }
}
