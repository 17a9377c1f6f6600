package io.cairn.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cairn.platform.test.ServiceHttp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The measured map in Chromium: after answers arrive, the weak touchpoint is highlighted with its reason. */
class MeasuredMapIT extends InBrowser {


    @Test
    void aWeakTouchpointIsHighlightedWithItsReasonOnceAnswersArrive() {
        ServiceHttp http = RunningSuite.get().http();
        String designer = "Bearer " + RunningSuite.get().token("designer");
        String analyst = "Bearer " + RunningSuite.get().token("analyst");
        String journeyId = http.post("/api/journey/templates/airline-trip/journeys", designer,
                Map.of("name", "Airline (measured map)")).json().at("/id").asString();
        Map<String, String> byName = new LinkedHashMap<>();
        http.get("/api/touchpoint/touchpoints?journeyId=" + journeyId, designer).json()
                .forEach(t -> byName.put(t.at("/name").asString(), t.at("/id").asString()));
        // 40 passengers: wifi disappoints (CSAT 1-2), boarding pleases (4-5)
        for (int r = 0; r < 40; r++) {
            List<Map<String, Object>> items = new ArrayList<>();
            items.add(Map.of("touchpointId", byName.get("In-flight Wifi Service"), "metric", "CSAT", "score", 1 + r % 2));
            items.add(Map.of("touchpointId", byName.get("Online Boarding"), "metric", "CSAT", "score", 4 + r % 2));
            org.assertj.core.api.Assertions.assertThat(http.post("/api/metrics/submissions", analyst,
                    Map.of("id", "map-" + r, "journeyId", journeyId, "items", items)).status()).isEqualTo(201);
        }

        Page page = signedIn("viewer", new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1600, 1000));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the map of Airline (measured map)")).click();

        Locator wifi = page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("In-flight Wifi Service"));
        assertThat(wifi).hasClass(java.util.regex.Pattern.compile(".*\\bweak\\b.*"));
        assertThat(wifi).containsText("n=40");
        assertThat(wifi).containsText("Weak:");
        Locator boarding = page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Online Boarding"));
        assertThat(boarding).containsText("CSAT 100%");
        assertThat(boarding).not().hasClass(java.util.regex.Pattern.compile(".*\\bweak\\b.*"));
        // each stage as a whole: its touchpoints' answers pooled (check-in: boarding's 40, all 4-5)
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
                .setName("What customers said in Check in, all its touchpoints together")))
                .containsText("CSAT 100%");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
                .setName("What customers said in On board, all its touchpoints together")))
                .containsText("40 answers from 1 touchpoint");
        // a touchpoint nobody rated is not called weak
        assertThat(page.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Baggage Handling")))
                .containsText("No answers in this window");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("measured-map.png")).setFullPage(true));

        // a designer deletes the weak touchpoint, then a whole stage, and undoes both: the same touchpoints
        // come back (same ids), so what customers said about them is there again
        Page editor = signedIn("designer", new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1600, 1000));
        editor.navigate(RunningSuite.get().baseUrl() + "/journeys/" + journeyId);
        Locator editedWifi = editor.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("In-flight Wifi Service"));
        assertThat(editedWifi).containsText("n=40");
        editor.getByRole(AriaRole.BUTTON, named("Delete In-flight Wifi Service")).click();
        assertThat(editedWifi).hasCount(0);
        afterTheServerHasIt(editor, "RestoreTouchpoint", () -> editor.getByRole(AriaRole.BUTTON,
                named("Undo: delete touchpoint \u201cIn-flight Wifi Service\u201d")).click());
        assertThat(editedWifi).containsText("n=40");
        assertThat(editedWifi).hasClass(java.util.regex.Pattern.compile(".*\\bweak\\b.*"));

        Locator boardingStage = editor.locator("[data-testid=stage]").filter(new Locator.FilterOptions()
                .setHas(editor.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Online Boarding"))));
        String stageName = boardingStage.locator("h2").textContent();
        int cards = boardingStage.locator("[data-testid=touchpoint-card]").count();
        editor.getByRole(AriaRole.BUTTON, named("Delete stage " + stageName)).click();
        editor.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("delete (it|them) too"))).check();
        afterTheServerHasIt(editor, "RemoveStage", () -> editor.getByRole(AriaRole.BUTTON, named("Delete the stage")).click());
        assertThat(editor.getByRole(AriaRole.HEADING, named(stageName))).hasCount(0);
        assertThat(editor.getByRole(AriaRole.ARTICLE, new Page.GetByRoleOptions().setName("Online Boarding"))).hasCount(0);
        afterTheServerHasIt(editor, "RestoreStage", () -> editor.getByRole(AriaRole.BUTTON,
                named("Undo: delete stage \u201c" + stageName + "\u201d")).click());
        editor.reload();
        assertThat(boardingStage.locator("[data-testid=touchpoint-card]")).hasCount(cards);
        assertThat(boardingStage.getByRole(AriaRole.ARTICLE, new Locator.GetByRoleOptions().setName("Online Boarding")))
                .containsText("CSAT 100%");
        org.assertj.core.api.Assertions.assertThat(http.get("/api/touchpoint/touchpoints?journeyId=" + journeyId, designer).json()
                .findValuesAsString("id")).containsExactlyInAnyOrderElementsOf(byName.values());
    }

    /** Does {@code action} and waits until the server has answered the GraphQL operation it sends. */
    static void afterTheServerHasIt(Page page, String operation, Runnable action) {
        page.waitForResponse(r -> r.url().endsWith("/graphql") && String.valueOf(r.request().postData()).contains(operation),
                action);
    }
}
