package io.cairn.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A designer edits the map in Chromium: reorder of stages by keyboard and by mouse, inline renames, add a
 * touchpoint, move it by menu and by mouse drag and drop to another stage, undo, reorder it within its stage by keyboard.
 */
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
        keyboardDrag(page, "Move stage Plan and book", "ArrowRight");
        assertThat(stages.nth(1)).hasText("Plan and book");

        // mouse drag: "At the airport" by its handle onto the place of "Plan and book"
        Locator columns = page.locator("[data-testid=stage]");
        var stageHandle = page.getByRole(AriaRole.BUTTON, named("Move stage At the airport")).boundingBox();
        double shift = columns.nth(1).boundingBox().x - columns.nth(2).boundingBox().x;
        page.mouse().move(stageHandle.x + stageHandle.width / 2, stageHandle.y + stageHandle.height / 2);
        page.mouse().down();
        page.mouse().move(stageHandle.x - 10, stageHandle.y + stageHandle.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(stageHandle.x + stageHandle.width / 2 + shift, stageHandle.y + stageHandle.height / 2,
                new com.microsoft.playwright.Mouse.MoveOptions().setSteps(15));
        page.mouse().up();
        assertThat(stages.nth(1)).hasText("At the airport");
        assertThat(stages.nth(2)).hasText("Plan and book");

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

        // drag it by its handle onto the first card of "On board", as a person would with the mouse
        Locator onBoard = page.locator("[data-testid=stage]").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.HEADING, named("On board"))));
        var handle = page.getByRole(AriaRole.BUTTON, named("Drag touchpoint Lounge access")).boundingBox();
        var target = onBoard.locator("[data-testid=touchpoint-card]").first().boundingBox();
        page.mouse().move(handle.x + handle.width / 2, handle.y + handle.height / 2);
        page.mouse().down();
        page.mouse().move(handle.x + 20, handle.y + 20, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(target.x + target.width / 2, target.y + 10, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(15));
        page.mouse().up();
        assertThat(onBoard.locator("[data-testid=touchpoint-card]").first()).hasAttribute("aria-label", "Lounge access");

        // inline rename, then undone
        page.getByRole(AriaRole.BUTTON, named("Rename touchpoint Lounge access")).click();
        page.getByRole(AriaRole.TEXTBOX, named("Rename touchpoint Lounge access")).fill("Lounge");
        page.keyboard().press("Enter");
        assertThat(onBoard.getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions().setName("Lounge").setExact(true))).isVisible();
        // the undo is on the server before the page is reloaded below
        page.waitForResponse(r -> r.url().endsWith("/graphql") && String.valueOf(r.request().postData()).contains("RenameTouchpoint"),
                () -> page.getByRole(AriaRole.BUTTON, named("Undo: rename touchpoint \u201cLounge access\u201d to \u201cLounge\u201d")).click());
        assertThat(onBoard.getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions().setName("Lounge access"))).isVisible();

        // within its stage, by keyboard: its handle focused, Space, one place down, Space
        Locator onBoardCards = onBoard.locator("[data-testid=touchpoint-card]");
        String secondCard = onBoardCards.nth(1).getAttribute("aria-label");
        page.waitForResponse(r -> r.url().endsWith("/graphql") && String.valueOf(r.request().postData()).contains("MoveTouchpoint"),
                () -> keyboardDrag(page, "Drag touchpoint Lounge access", "ArrowDown"));
        assertThat(onBoardCards.nth(0)).hasAttribute("aria-label", secondCard);
        assertThat(onBoardCards.nth(1)).hasAttribute("aria-label", "Lounge access");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("map-editing.png")).setFullPage(true));
        // every card stays inside its column, whatever the longest word of a column (a card had been pushed out)
        Object outside = page.evaluate("""
            () => [...document.querySelectorAll('.stage .touchpoint')].filter((card) =>
              card.getBoundingClientRect().right > card.closest('.stage').getBoundingClientRect().right + 0.5)
              .map((card) => card.querySelector('h3').textContent)""");
        org.assertj.core.api.Assertions.assertThat((java.util.List<?>) outside).isEmpty();

        // the server has it all: order, names, the moved touchpoint
        page.reload();
        assertThat(onBoard.locator("[data-testid=touchpoint-card]").nth(1)).hasAttribute("aria-label", "Lounge access");
        assertThat(stages.nth(0)).hasText("Check in");
        assertThat(stages.nth(1)).hasText("At the airport");
        assertThat(stages.nth(2)).hasText("Plan and book");
        JsonNode journey = RunningSuite.get().http().get("/api/journey/journeys/" + journeyId, designer).json();
        org.assertj.core.api.Assertions.assertThat(journey.at("/stages/1/name").asString()).isEqualTo("At the airport");
        org.assertj.core.api.Assertions.assertThat(journey.at("/stages/2/name").asString()).isEqualTo("Plan and book");
        org.assertj.core.api.Assertions.assertThat(journey.at("/stages/4/name").asString()).isEqualTo("Arrive and collect bags");
    }

    /**
     * A drag by keyboard: the handle focused, Space, one arrow step, Space. dnd-kit measures the places when the drag
     * starts: each step is given a moment, as a person would.
     */
    static void keyboardDrag(Page page, String handle, String arrow) {
        page.getByRole(AriaRole.BUTTON, named(handle)).focus();
        page.keyboard().press("Space");
        page.waitForTimeout(300);
        page.keyboard().press(arrow);
        page.waitForTimeout(300);
        page.keyboard().press("Space");
    }
}
