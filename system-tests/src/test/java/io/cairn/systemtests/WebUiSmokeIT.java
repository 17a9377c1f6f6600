package io.cairn.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web UI in Chromium against the running suite: log in, create a journey, see it listed. */
class WebUiSmokeIT extends InBrowser {

    static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    static Browser browser;

    @BeforeAll
    static void browser() {
        browser = chromium.browser();
    }

    @Test
    void aDesignerLogsInCreatesAJourneyAndSeesItListed() {
        Page page = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")).newPage();
        List<String> refused = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400) {
                refused.add(response.status() + " " + response.url());
            }
        });
        page.navigate(RunningSuite.get().baseUrl() + "/");

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        page.locator("#username").fill("designer");
        page.locator("#password").fill("cairn");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        page.getByLabel("Journey name").fill("Smoke test journey");
        page.getByLabel("Owner team").fill("Customer Care");
        // the first write after the suite's restart may meet a cold service: wait for the answer itself
        // (the gateway gives a write 15 s), and say what it was when it is not the journey
        Response answer = page.waitForResponse(
                response -> response.url().endsWith("/graphql") && response.request().postData() != null
                        && response.request().postData().contains("createJourney"),
                new Page.WaitForResponseOptions().setTimeout(20_000),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create journey")).click());
        org.assertj.core.api.Assertions.assertThat(answer.text()).contains("Smoke test journey").doesNotContain("\"errors\"");

        Locator row = page.locator("[data-testid=journey-row]").filter(new Locator.FilterOptions().setHasText("Smoke test journey"));
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Customer Care");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("journeys.png")).setFullPage(true));

        // the list comes from the API: a reload shows the journey again
        page.reload();
        assertThat(page.locator("[data-testid=journey-row]").filter(new Locator.FilterOptions()
                .setHasText("Smoke test journey"))).hasCount(1);
        // nothing the web UI asked for on the way was missing or refused (its icon included)
        org.assertj.core.api.Assertions.assertThat(refused).isEmpty();
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
