package io.cairn.systemtests;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Browser tests on the running suite: one Chromium per test class, and signing in as a demo user. */
@ExtendWith(RunningSuite.class)
abstract class InBrowser {

    static Chromium chromium;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** A new page signed in as {@code user} (password cairn), on the journey list. */
    static Page signedIn(String user, Browser.NewContextOptions options) {
        Page page = chromium.browser().newContext(options).newPage();
        page.onDialog(dialog -> dialog.accept());
        NetworkLog network = NetworkLog.of(page);
        page.navigate(RunningSuite.get().baseUrl() + "/login");
        page.locator("#username").fill(user);
        page.locator("#password").fill("cairn");
        page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
        try {
            page.getByRole(AriaRole.HEADING, named("Journeys")).waitFor();
        } catch (com.microsoft.playwright.PlaywrightException e) {
            // what the page showed instead (an error, the login form, a blank page), for the report
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("sign-in-failed-" + user + ".png")));
            // a sign-in left waiting on the gateway (seen now and then): what its threads were doing
            try {
                java.nio.file.Files.writeString(Chromium.SCREENSHOTS.resolve("sign-in-failed-gateway-threads.txt"),
                        RunningSuite.get().threads("gateway"));
            } catch (java.io.IOException ignored) {
                // the report below still says what the page showed
            }
            throw new AssertionError("Signing in as " + user + " did not reach the journey list; the page was at "
                    + page.url() + " and said: " + page.locator("body").innerText()
                    + "\nThe browser's requests:\n" + String.join("\n", network.lines())
                    + "\nThe last requests the gateway answered:\n" + RunningSuite.get().answeredRequests(20), e);
        }
        network.stop();
        return page;
    }

    /**
     * What a page asks for and gets during sign-in, with milliseconds since it was opened (for the report of a
     * sign-in that does not arrive); stopped once signed in, so the test itself is not recorded.
     */
    private record NetworkLog(List<String> lines, Runnable unsubscribe) {

        static NetworkLog of(Page page) {
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            long opened = System.nanoTime();
            java.util.function.LongSupplier ms = () -> (System.nanoTime() - opened) / 1_000_000;
            java.util.function.Consumer<com.microsoft.playwright.Request> sent =
                    request -> lines.add(ms.getAsLong() + " ms sent " + request.method() + " " + request.url());
            java.util.function.Consumer<com.microsoft.playwright.Response> answered =
                    response -> lines.add(ms.getAsLong() + " ms " + response.status() + " " + response.url());
            java.util.function.Consumer<com.microsoft.playwright.Request> read =
                    request -> lines.add(ms.getAsLong() + " ms read " + request.url());
            java.util.function.Consumer<com.microsoft.playwright.Request> failed =
                    request -> lines.add(ms.getAsLong() + " ms failed " + request.url() + ": " + request.failure());
            page.onRequest(sent);
            page.onResponse(answered);
            page.onRequestFinished(read);
            page.onRequestFailed(failed);
            return new NetworkLog(lines, () -> {
                page.offRequest(sent);
                page.offResponse(answered);
                page.offRequestFinished(read);
                page.offRequestFailed(failed);
            });
        }

        void stop() {
            unsubscribe.run();
        }
    }
}
