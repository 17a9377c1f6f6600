package io.cairn.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** axe-core (the web UI's own copy) on the main screens in Chromium: no critical or serious violations. */
class AccessibilityIT extends InBrowser {

    static final Path AXE = Path.of(System.getProperty("cairn.root", ".."), "web-ui", "node_modules", "axe-core", "axe.min.js");

    @BeforeAll
    static void axeIsThere() {
        assumeTrue(Files.exists(AXE), "axe-core not found at " + AXE.toAbsolutePath() + " (the web-ui build installs it)");
    }

    /** Violations of impact critical or serious, as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    static List<String> violations(Page page) {
        page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                  .filter(v => v.impact === 'critical' || v.impact === 'serious')
                  .map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' ')).join(', ') }))""");
        return found.stream().map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("targets")).toList();
    }

    @Test
    void theCheckCatchesASeriousViolation() {
        Page page = chromium.browser().newPage();
        page.setContent("<html lang='en'><head><title>t</title></head><body><main><img src='x.png'></main></body></html>");
        assertThat(violations(page)).anyMatch(v -> v.contains("image-alt"));
    }

    @Test
    void theLoginJourneysMapDrawerImportEmployeeNpsAndSurveyScreensHaveNoSeriousViolations() {
        Page page = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US")).newPage();
        String base = RunningSuite.get().baseUrl();
        page.navigate(base + "/login");
        page.locator("#username").waitFor();
        assertThat(violations(page)).as("login").isEmpty();

        page.locator("#username").fill("hr-admin");
        page.locator("#password").fill("cairn");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Journeys")).waitFor();
        assertThat(violations(page)).as("journeys").isEmpty();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Employee NPS")).click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New campaign")).waitFor();
        assertThat(violations(page)).as("employee NPS").isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dual NPS: employees and customers")).click();
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dual NPS")).waitFor();
        assertThat(violations(page)).as("dual NPS").isEmpty();

        String designerToken = "Bearer " + RunningSuite.get().token("designer");
        String journeyId = RunningSuite.get().http().post("/api/journey/templates/airline-trip/journeys", designerToken,
                Map.of("name", "Airline (accessibility)")).json().at("/id").asString();
        Page designer = signedIn("designer", new Browser.NewContextOptions().setLocale("en-US"));
        designer.navigate(base + "/journeys/" + journeyId);
        designer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check in")).waitFor();
        assertThat(violations(designer)).as("journey map, with edit controls").isEmpty();
        designer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Details of Online Boarding")).click();
        designer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Week by week")).waitFor();
        assertThat(violations(designer)).as("touchpoint drawer").isEmpty();
        designer.navigate(base + "/journeys/" + journeyId + "/import");
        designer.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("1. The survey export")).waitFor();
        assertThat(violations(designer)).as("import screen").isEmpty();

        Page survey = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(390, 844)).newPage();
        survey.navigate(base + "/survey#not-a-real-link");
        survey.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("This link is not valid")).waitFor();
        assertThat(violations(survey)).as("survey page").isEmpty();
    }
}
