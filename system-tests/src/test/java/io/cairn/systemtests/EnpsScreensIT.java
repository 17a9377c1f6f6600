package io.cairn.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cairn.platform.test.ServiceHttp;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HR runs an eNPS campaign in the browser: departments, campaign, links (downloaded), results with suppression. */
class EnpsScreensIT extends InBrowser {


    @Test
    void hrCreatesACampaignIssuesLinksAndReadsResultsWithSmallGroupsHidden() throws Exception {
        Page page = signedIn("hr-admin", new com.microsoft.playwright.Browser.NewContextOptions()
                .setLocale("en-US").setAcceptDownloads(true));
        page.getByRole(AriaRole.LINK, named("Employee NPS")).click();

        for (String[] d : List.of(new String[] {"ui-acme", "UI Acme", ""}, new String[] {"ui-crew", "UI Crew", "UI Acme"},
                new String[] {"ui-legal", "UI Legal", "UI Acme"})) {
            page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(d[0]);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(d[1]);
            if (!d[2].isEmpty()) {
                page.getByLabel("Belongs to").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(d[2]));
            }
            page.getByRole(AriaRole.BUTTON, named("Add department")).click();
            assertThat(page.locator(".tree")).containsText(d[1]);
        }
        // a refusal is explained in the user's language, down to the service's own words
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("ui-acme");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("UI Acme again");
        page.getByRole(AriaRole.BUTTON, named("Add department")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Department ui-acme already exists");
        Locator language = page.locator("label.language select");
        language.selectOption("zh-TW");
        page.getByRole(AriaRole.BUTTON, named("新增部門")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("部門 ui-acme 已存在");
        language.selectOption("en");
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).clear();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).clear();

        page.getByLabel("Campaign name").fill("UI winter pulse");
        page.getByLabel("Company (named in the question)").fill("Acme");
        page.getByRole(AriaRole.CHECKBOX, named("UI Acme")).check();
        page.getByLabel("Open question (optional)").fill("What would help most?");
        page.getByRole(AriaRole.BUTTON, named("Create campaign")).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("UI winter pulse"))).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Open campaign")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Close and release results"))).isVisible();

        Locator links = page.locator("fieldset.links");
        links.locator("label.count").filter(new Locator.FilterOptions().setHasText("UI Crew")).locator("input").fill("6");
        links.locator("label.count").filter(new Locator.FilterOptions().setHasText("UI Legal")).locator("input").fill("2");
        page.getByRole(AriaRole.BUTTON, named("Issue links")).click();
        assertThat(page.getByText("8 links issued.")).isVisible();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("Download links (CSV)")).click());
        List<String> rows = Files.readAllLines(download.path()).stream().skip(1).toList();
        org.assertj.core.api.Assertions.assertThat(rows).hasSize(8);

        ServiceHttp http = RunningSuite.get().http();
        int i = 0;
        for (String row : rows) {
            String token = row.substring(row.indexOf('#') + 1).replace("\"", "");
            org.assertj.core.api.Assertions.assertThat(http.post("/api/employee-nps/public/survey/responses", null,
                    Map.of("token", token, "score", 6 + i++ % 5, "comment", "Answer " + i)).status()).isEqualTo(201);
        }
        page.reload();
        page.getByRole(AriaRole.BUTTON, named("UI winter pulse")).click();
        assertThat(page.locator("[data-testid=participation-row]").first()).containsText("8 (100%)");
        page.getByRole(AriaRole.BUTTON, named("Close and release results")).click();

        Locator results = page.locator("[data-testid=enps-row]");
        assertThat(results.first()).containsText("Everyone in the campaign");
        assertThat(results.filter(new Locator.FilterOptions().setHasText("UI Legal"))).containsText("Hidden: fewer than 5 responses");
        // everyone minus the crew would be legal's two answers: the crew is hidden as well
        assertThat(results.filter(new Locator.FilterOptions().setHasText("UI Crew")))
                .containsText("Hidden: it would let a smaller group be worked out");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("enps-results.png")).setFullPage(true));
        Download export = page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, named("Download results (CSV)")).click());
        List<String> exported = Files.readAllLines(export.path());
        org.assertj.core.api.Assertions.assertThat(exported).hasSize(1 + 4);
        org.assertj.core.api.Assertions.assertThat(exported.stream().filter(l -> l.startsWith("ui-legal,")).findFirst().orElseThrow())
                .contains("hidden: fewer than 5 responses");

        page.getByRole(AriaRole.BUTTON, named("Dual NPS: employees and customers")).click();
        Locator acme = page.locator("[data-testid=dual-row]").filter(new Locator.FilterOptions().setHasText("UI Acme"));
        assertThat(acme).containsText("no customer answers");
        assertThat(page.locator("[data-testid=dual-row]").filter(new Locator.FilterOptions().setHasText("UI Legal")))
                .containsText("Hidden: too few responses");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("dual-nps.png")).setFullPage(true));
    }
}
