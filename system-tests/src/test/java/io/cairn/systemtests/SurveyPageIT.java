package io.cairn.systemtests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.cairn.platform.test.ServiceHttp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The employee survey page in a phone-sized Chromium, reached by a link HR issued, with no login. */
class SurveyPageIT extends InBrowser {


    @Test
    void anEmployeeAnswersInTheCampaignLanguageOnceAndTheLinkThenSaysItWasUsed() {
        ServiceHttp http = RunningSuite.get().http();
        String hr = "Bearer " + RunningSuite.get().token("hr-admin");
        http.post("/api/employee-nps/departments", hr, Map.of("code", "survey-page-team", "name", "Survey page team"));
        JsonNode campaign = http.post("/api/employee-nps/campaigns", hr, Map.of("name", "年度员工调查", "company", "Acme",
                "language", "zh-CN", "departments", List.of("survey-page-team"),
                "openQuestion", Map.of("zh-CN", "有什么建议？", "en", "Any suggestions?"),
                "closesAt", Instant.now().plus(3, ChronoUnit.DAYS).toString())).json();
        String id = campaign.at("/id").asString();
        http.post("/api/employee-nps/campaigns/" + id + "/open", hr, Map.of("expectedVersion", campaign.at("/version").asLong()));
        String link = http.post("/api/employee-nps/campaigns/" + id + "/invitations/counts", hr,
                Map.of("counts", Map.of("survey-page-team", 1))).json().at("/links/0/url").asString();

        Browser.NewContextOptions phone = new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
                .setHasTouch(true).setLocale("en-US");
        Page page = chromium.browser().newContext(phone).newPage();
        page.navigate(link);

        // the campaign's language, whatever the browser's
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("您有多大可能向朋友推荐Acme作为工作场所？")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        page.getByRole(AriaRole.COMBOBOX).selectOption("en");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions()
                .setName("How likely are you to recommend Acme as a place to work?"))).isVisible();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("8").setExact(true)).check();
        page.getByLabel("Any suggestions?").fill("More quiet rooms");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("survey-phone.png")).setFullPage(true));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answer")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Thank you"))).isVisible();
        // the token has left the address bar once used
        org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("#");

        Page again = chromium.browser().newContext(phone).newPage();
        again.navigate(link);
        assertThat(again.getByRole(AriaRole.HEADING)).containsText(new String[] {"此链接已被使用"});
        again.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("survey-used-link.png")));
    }
}
