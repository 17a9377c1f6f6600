package io.cairn.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The designer's day in Chromium, as the web UI issue's acceptance describes it: a journey from the
 * airline template, the sample survey export imported through the import screen (dry run, then for
 * real), weak touchpoints highlighted with their reason, a case resolved with a note in the drawer, a
 * second window following a change live, the map exported as PNG.
 */
class JourneyWorkflowIT extends InBrowser {

    @Test
    void fromTemplateThroughImportToAWeakTouchpointSeenLiveAndExported() throws Exception {
        // the real airline export where it is at hand (../shared/data, or -Dcairn.airline), else the sample export the
        // import screen offers, as a new user without an export would take it
        Path airline = Path.of(System.getProperty("cairn.airline", ListenAnalyzeActIT.AIRLINE.toString()));
        boolean real = Files.exists(airline);
        Browser.NewContextOptions wide = new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1600, 1000)
                .setAcceptDownloads(true);
        Page page = signedIn("designer", wide);

        page.getByRole(AriaRole.TEXTBOX, named("Name of the journey from \u201cAirline trip\u201d (optional)")).fill("Airline (workflow)");
        page.getByRole(AriaRole.BUTTON, named("Create a journey from the template \u201cAirline trip\u201d")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Airline (workflow)"))).isVisible();
        assertThat(page.locator("[data-testid=stage]")).hasCount(5);
        String mapUrl = page.url();

        page.getByRole(AriaRole.LINK, named("Import answers (CSV)")).click();
        Path export = real ? airline : page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON,
                named("Download a sample export of made-up answers for this journey's touchpoints")).click()).path();
        page.getByLabel("CSV file").setInputFiles(export);
        assertThat(page.getByText("Touchpoints: 14 of 14 mapped to a column")).isVisible();
        assertThat(page.getByRole(AriaRole.COMBOBOX, named("Overall outcome"))).hasValue("Satisfaction");
        page.getByRole(AriaRole.BUTTON, named("Check (dry run)")).click();
        Locator report = page.getByTestId("import-report");
        assertThat(report).containsText("Dry run: nothing was stored");
        assertThat(report).containsText(Pattern.compile("Would import: [\\d,]+ respondents · already imported: 0"));
        page.getByRole(AriaRole.BUTTON, named("Import")).click();
        assertThat(report).containsText(Pattern.compile("Imported: [\\d,]+ respondents"),
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("import.png")).setFullPage(true));
        page.getByRole(AriaRole.LINK, named("See the measured map")).click();

        // weak touchpoints are highlighted and say why
        Locator weak = page.locator("article.touchpoint.weak");
        assertThat(weak.first()).isVisible();
        assertThat(weak.first().locator(".weak-reason")).containsText("below the target");

        // a rule opens a case for the wifi's owners; it is acknowledged and resolved with a note in the drawer
        String journeyId = mapUrl.substring(mapUrl.lastIndexOf('/') + 1);
        String analyst = "Bearer " + RunningSuite.get().token("analyst");
        String wifi = null;
        for (var tp : RunningSuite.get().http().get("/api/touchpoint/touchpoints?journeyId=" + journeyId, analyst).json()) {
            if (tp.at("/name").asString().equals("In-flight Wifi Service")) {
                wifi = tp.at("/id").asString();
            }
        }
        // its threshold above the wifi's score in the last 90 days, whichever export was imported
        double score = RunningSuite.get().http().get("/api/metrics/scores?touchpointId=" + wifi + "&days=90", analyst).json()
                .at("/0/score/value").asDouble();
        RunningSuite.get().http().post("/api/metrics/alert-rules", analyst, java.util.Map.of("journeyId", journeyId,
                "touchpointId", wifi, "type", "BELOW_TARGET", "metric", "CSAT", "threshold", Math.min(100, score + 5),
                "windowDays", 90, "minN", 30));
        RunningSuite.get().http().post("/api/metrics/journeys/" + journeyId + "/alerts/evaluate", analyst, java.util.Map.of());
        page.reload();
        page.getByRole(AriaRole.BUTTON, named("Details of In-flight Wifi Service")).click();
        Locator drawer = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("In-flight Wifi Service"));
        // the import screen's outcome mapping made "Satisfied" in every spelling one answer: the wifi's rating
        // correlates with it (an outcome read as constant would leave the importance unknown)
        assertThat(drawer.getByTestId("key-driver")).containsText(Pattern.compile("CSAT: r = 0\\.\\d+ with the overall outcome"));
        if (real) {
            // every answer is of this week: one point, its 95% interval drawn as an error bar (a band needs two weeks)
            assertThat(drawer.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions()
                    .setName("CSAT over 1 week with its 95% interval")).locator(".recharts-errorBar")).hasCount(1);
        } else {
            // the sample's answers are spread over the last 60 days: a band over the weeks
            assertThat(drawer.getByRole(AriaRole.IMG, new Locator.GetByRoleOptions()
                    .setName(Pattern.compile("CSAT over (9|10) weeks with its 95% interval")))).isVisible();
        }
        Locator kase = drawer.getByTestId("case");
        assertThat(kase).containsText("Open");
        kase.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")).click();
        assertThat(kase).containsText("Acknowledged");
        kase.getByLabel(Pattern.compile("^Note")).fill("Satellite wifi contract renewed");
        kase.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve")).click();
        assertThat(kase).containsText("Resolved: Satellite wifi contract renewed");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("drawer.png")));
        drawer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close the details")).click();

        // a second window on the same map follows a change made in the first, without a reload
        Page second = signedIn("designer", wide);
        second.navigate(mapUrl);
        assertThat(second.getByTestId("live-status")).hasText("Live");
        page.getByRole(AriaRole.BUTTON, named("Rename stage Arrive")).click();
        page.getByRole(AriaRole.TEXTBOX, named("Rename stage Arrive")).fill("Arrive home");
        page.keyboard().press("Enter");
        assertThat(second.locator("[data-testid=stage] h2").last()).hasText("Arrive home");
        assertThat(second.getByTestId("changed-by")).containsText("designer");

        Download png = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("PNG")).click());
        Path file = Chromium.SCREENSHOTS.resolve("exported-map.png");
        png.saveAs(file);
        byte[] bytes = Files.readAllBytes(file);
        org.assertj.core.api.Assertions.assertThat(png.suggestedFilename()).isEqualTo("journey-map-Airline-workflow-.png");
        org.assertj.core.api.Assertions.assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        org.assertj.core.api.Assertions.assertThat(bytes.length).isGreaterThan(20_000);

        // the PDF holds two pictures, the title (drawn by the browser, whatever the script) and the map
        Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("PDF")).click());
        String document = new String(Files.readAllBytes(pdf.path()), java.nio.charset.StandardCharsets.ISO_8859_1);
        org.assertj.core.api.Assertions.assertThat(pdf.suggestedFilename()).isEqualTo("journey-map-Airline-workflow-.pdf");
        org.assertj.core.api.Assertions.assertThat(document).startsWith("%PDF-");
        org.assertj.core.api.Assertions.assertThat(document.split("/Subtype /Image", -1)).hasSize(3);
        second.context().close();
    }
}
