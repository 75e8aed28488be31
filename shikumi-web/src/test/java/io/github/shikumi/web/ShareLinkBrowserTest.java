package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A share link reproduces the state exactly: after an image is edited, 50 iterations are trained and the
 * run branches with η = 0.5 to 250, the page's URL opened in a fresh browser (a new profile: no session,
 * no storage) rebuilds a session with the same data, every E and accuracy of the curve bit for bit, and
 * shows the same iteration.
 */
class ShareLinkBrowserTest extends PageTest {

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("aple"), "needs the aple data");
        startServerAndBrowser();
    }

    static String sessionPath(Browser b) {
        return "/api/sessions/" + b.js("return sessionStorage.getItem('shikumi.session')");
    }

    static JsonNode idleSummary(Browser b, int last) {
        return b.until(d -> {
            JsonNode s = server.get(sessionPath(b)).json();
            return s.at("/run/last").asInt() == last && !s.at("/run/running").asBoolean() ? s : null;
        });
    }

    static void go(String view) {
        browser.js("location.hash = location.hash.replace(/^#\\/[a-z]*/, '#/" + view + "')");
        browser.until(d -> browser.find("#view-" + view).getAttribute("hidden") == null);
    }

    static void type(String css, String text) {
        WebElement e = browser.find(css);
        e.clear();
        e.sendKeys(text, Keys.TAB);
    }

    @Test
    void a_link_after_a_data_edit_and_a_branch_reopens_with_the_same_numbers_bit_for_bit() throws Exception {
        openFresh("#/data?pace=0&lang=en");
        browser.click("[data-image='0']");
        List<WebElement> cells = browser.all("#view-data .editor .px");
        String before = cells.get(5).getAttribute("aria-pressed");
        cells.get(5).click();
        browser.until(d -> !before.equals(cells.get(5).getAttribute("aria-pressed")));
        browser.click("#edit-save");
        browser.until(d -> browser.text("#status").contains("(edited)"));
        go("train");
        type("#train-iterations", "50");
        browser.click("#train-run");
        idleSummary(browser, 50);
        go("travel");
        browser.until(d -> browser.text("#travel-readout").startsWith("Iteration 50 of 50"));
        type("#travel-eta", "0.5");
        type("#travel-more", "200");
        browser.click("#travel-branch");
        JsonNode original = idleSummary(browser, 250);
        browser.js("const s = document.getElementById('travel-slider'); s.value = '120'; s.dispatchEvent(new Event('input'))");
        browser.until(d -> browser.text("#travel-readout").startsWith("Iteration 120 of 250"));
        String url = browser.until(d -> {
            String u = browser.driver.getCurrentUrl();
            return u.contains("runs=") && u.contains("d=2") && u.contains("at=120") ? u : null;
        });
        assertThat(url).contains("runs=50%3A0.05%2C200%3A0.5");
        JsonNode curve = server.get(sessionPath(browser) + "/curve").json();
        JsonNode data = server.get(sessionPath(browser) + "/data").json();

        try (Browser fresh = new Browser(1280, 900)) {
            fresh.open(url);
            JsonNode again = idleSummary(fresh, 250);
            // bit for bit: the doubles as JSON numbers, every digit
            assertThat(again.at("/run/e").asText()).isEqualTo(original.at("/run/e").asText());
            assertThat(again.at("/run/accuracy").asText()).isEqualTo(original.at("/run/accuracy").asText());
            assertThat(again.at("/settings/eta").asDouble()).isEqualTo(0.5);
            JsonNode curveAgain = server.get(sessionPath(fresh) + "/curve").json();
            assertThat(curveAgain.get("e")).isEqualTo(curve.get("e"));
            assertThat(curveAgain.get("accuracy")).isEqualTo(curve.get("accuracy"));
            assertThat(curveAgain.get("eta")).isEqualTo(curve.get("eta"));
            assertThat(server.get(sessionPath(fresh) + "/data").json().get("images")).isEqualTo(data.get("images"));
            fresh.until(d -> fresh.text("#travel-readout").startsWith("Iteration 120 of 250"));
            assertThat(fresh.text("#status")).isEqualTo(browser.text("#status"));
            fresh.fullScreenshot("share-link-reopened");
            assertThat(fresh.consoleProblems()).isEmpty();
        }
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /**
     * A branch in the middle of a run: the link holds the run left behind (was=, br=), and the fresh browser
     * rebuilds it, branches at the same iteration and shows the curve before branching again, every value the
     * same; the run itself too.
     */
    @Test
    void a_link_after_a_branch_in_the_middle_brings_back_the_curve_before_branching() throws Exception {
        openFresh("#/train?pace=0&lang=en");
        type("#train-iterations", "120");
        browser.click("#train-run");
        idleSummary(browser, 120);
        go("travel");
        browser.js("const s = document.getElementById('travel-slider'); s.value = '40'; s.dispatchEvent(new Event('input'))");
        browser.until(d -> browser.text("#travel-readout").startsWith("Iteration 40 of 120"));
        type("#travel-eta", "0.3");
        type("#travel-more", "30");
        browser.click("#travel-branch");
        JsonNode original = idleSummary(browser, 70);
        String url = browser.until(d -> {
            String u = browser.driver.getCurrentUrl();
            return u.contains("was=") && u.contains("br=40") ? u : null;
        });
        assertThat(url).contains("was=120%3A0.05").contains("runs=40%3A0.05%2C30%3A0.3");
        JsonNode curve = server.get(sessionPath(browser) + "/curve").json();
        assertThat(curve.get("branchedE")).hasSize(121);

        try (Browser fresh = new Browser(1280, 900)) {
            fresh.open(url);
            JsonNode again = idleSummary(fresh, 70);
            assertThat(again.at("/run/e").asText()).isEqualTo(original.at("/run/e").asText());
            JsonNode curveAgain = server.get(sessionPath(fresh) + "/curve").json();
            assertThat(curveAgain.get("e")).isEqualTo(curve.get("e"));
            assertThat(curveAgain.get("eta")).isEqualTo(curve.get("eta"));
            assertThat(curveAgain.get("branchedE")).isEqualTo(curve.get("branchedE")); // every digit
            assertThat(curveAgain.get("branchedAt").asInt()).isEqualTo(40);
            fresh.until(d -> fresh.text("#view-travel").contains("before branching"));
            assertThat(fresh.consoleProblems()).isEmpty();
        }
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void a_state_file_saved_after_edits_and_a_branch_opens_in_another_browser_with_the_same_numbers() throws Exception {
        openFresh("#/data?pace=0&lang=en");
        browser.click("[data-image='3']");
        List<WebElement> cells = browser.all("#view-data .editor .px");
        String before = cells.get(2).getAttribute("aria-pressed");
        cells.get(2).click();
        browser.until(d -> !before.equals(cells.get(2).getAttribute("aria-pressed")));
        browser.click("#edit-save");
        browser.until(d -> browser.text("#status").contains("(edited)"));
        go("train");
        type("#train-iterations", "30");
        browser.click("#train-run");
        idleSummary(browser, 30);
        go("travel");
        browser.until(d -> browser.text("#travel-readout").startsWith("Iteration 30 of 30"));
        type("#travel-eta", "0.3");
        type("#travel-more", "20");
        browser.click("#travel-branch");
        JsonNode original = idleSummary(browser, 50);
        JsonNode curve = server.get(sessionPath(browser) + "/curve").json();
        JsonNode data = server.get(sessionPath(browser) + "/data").json();
        go("export");
        browser.click("#export-state");
        java.nio.file.Path dir = browser.downloads();
        java.nio.file.Path file = browser.until(d -> {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.exists(dir) ? java.nio.file.Files.list(dir) : java.util.stream.Stream.empty()) {
                return files.filter(p -> p.getFileName().toString().startsWith("shikumi-state-") && p.toString().endsWith(".json")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        Thread.sleep(300);
        JsonNode saved = TestServer.JSON.readTree(java.nio.file.Files.readString(file));
        assertThat(saved.get("format").asText()).isEqualTo("shikumi-state/1");
        assertThat(saved.get("runs").asText()).isEqualTo("30:0.05,20:0.3");

        try (Browser fresh = new Browser(1280, 900)) {
            fresh.open(server.base + "/#/export?lang=en");
            fresh.find("#export-open").sendKeys(file.toAbsolutePath().toString());
            JsonNode again = fresh.until(d -> {
                try {
                    String id = (String) fresh.js("return document.body.dataset.ready === 'true' && location.hash.indexOf('state=file') < 0"
                            + " ? sessionStorage.getItem('shikumi.session') : null");
                    if (id == null) {
                        return null;
                    }
                    JsonNode s = server.get("/api/sessions/" + id).json();
                    return s.at("/run/last").asInt() == 50 && !s.at("/run/running").asBoolean() ? s : null;
                } catch (RuntimeException e) {
                    return null; // the page is reloading
                }
            });
            assertThat(again.at("/run/e").asText()).isEqualTo(original.at("/run/e").asText());
            assertThat(again.at("/data/edited").asBoolean()).isTrue();
            JsonNode curveAgain = server.get(sessionPath(fresh) + "/curve").json();
            assertThat(curveAgain.get("e")).isEqualTo(curve.get("e"));
            assertThat(curveAgain.get("accuracy")).isEqualTo(curve.get("accuracy"));
            assertThat(server.get(sessionPath(fresh) + "/data").json().get("images")).isEqualTo(data.get("images"));
            assertThat(fresh.consoleProblems()).isEmpty();
        }
        assertThat(browser.consoleProblems()).isEmpty();
    }
}
