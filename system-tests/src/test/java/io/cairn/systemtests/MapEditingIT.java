package io.cairn.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A designer edits the map in Chromium: keyboard reorder of a stage, inline rename, add and move a touchpoint. */
class MapEditingIT extends InBrowser {


    @Test
    void aDesignerReordersRenamesAddsAndMovesAndTheServerKeepsIt() {
        String designer = "Bearer " + RunningSuite.get().token("designer");
        String journeyId = RunningSuite.get().http().post("/api/journey/templates/airline-trip/journeys", designer,
                Map.of("name", "Airline (editing)")).json().at("/id").asString();

        Page page = signedIn("designer", new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1600, 1000));
        page.navigate(RunningSuite.get().baseUrl() + "/journeys/" + journeyId);
        Locator stages = page.locator("[data-testid=stage] h2");
        assertThat(stages.first()).hasText("Plan and book");

        // keyboard drag: pick up "Plan and book", one step right, drop
        page.getByRole(AriaRole.BUTTON, named("Move stage Plan and book")).focus();
        // dnd-kit measures the columns when the drag starts: give each step a moment, as a person would
        page.keyboard().press("Space");
        page.waitForTimeout(300);
        page.keyboard().press("ArrowRight");
        page.waitForTimeout(300);
        page.keyboard().press("Space");
        assertThat(stages.nth(1)).hasText("Plan and book");

        page.getByRole(AriaRole.BUTTON, named("Rename stage Arrive")).click();
        page.getByRole(AriaRole.TEXTBOX, named("Rename stage Arrive")).fill("Arrive and collect bags");
        page.keyboard().press("Enter");
        assertThat(stages.last()).hasText("Arrive and collect bags");

        page.getByRole(AriaRole.TEXTBOX, named("New touchpoint in Check in")).fill("Lounge access");
        page.keyboard().press("Enter");
        Locator lounge = page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Lounge access"));
        assertThat(lounge).isVisible();
        page.getByRole(AriaRole.COMBOBOX, named("Move Lounge access to another stage"))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("At the airport"));
        Locator airport = page.locator("[data-testid=stage]").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.HEADING, named("At the airport"))));
        assertThat(airport.getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions().setName("Lounge access"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("map-editing.png")).setFullPage(true));

        // the server has it all: order, name, the moved touchpoint
        page.reload();
        assertThat(airport.getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions().setName("Lounge access"))).isVisible();
        assertThat(stages.nth(0)).hasText("Check in");
        assertThat(stages.nth(1)).hasText("Plan and book");
        JsonNode journey = RunningSuite.get().http().get("/api/journey/journeys/" + journeyId, designer).json();
        org.assertj.core.api.Assertions.assertThat(journey.at("/stages/1/name").asString()).isEqualTo("Plan and book");
        org.assertj.core.api.Assertions.assertThat(journey.at("/stages/4/name").asString()).isEqualTo("Arrive and collect bags");
    }
}
