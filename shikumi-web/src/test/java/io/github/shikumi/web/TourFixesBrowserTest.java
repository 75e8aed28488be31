package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What the first tour found, fixed: the test set's wrong images listed in Results; the network diagram
 * readable at 390 px (pan, text ≥ 11 px) and the tab bar showing it scrolls; the prediction beside the
 * drawing on a phone; one-iteration steps of the shown iteration; the "before branching" legend only after
 * a branch; Compare saying which settings it takes from the session; Try it's numbers inside their cells.
 */
class TourFixesBrowserTest extends PageTest {

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("aple"), "needs the aple data");
        startServerAndBrowser();
    }

    static String sessionPath() {
        return "/api/sessions/" + browser.js("return sessionStorage.getItem('shikumi.session')");
    }

    @Test
    void results_list_the_test_images_classified_wrongly() throws Exception {
        openFresh("#/results?n=500&lang=en");
        browser.until(d -> browser.text("#results-test-after").contains("iteration 500"));
        JsonNode res = server.get(sessionPath() + "/results").json();
        JsonNode after = res.get("test").get("after");
        int wrong = after.get("size").asInt() - after.get("correct").asInt();
        assertThat(res.get("test").get("images").size()).isEqualTo(after.get("size").asInt());
        if (wrong == 0) {
            assertThat(browser.text("#results-test-wrong")).contains("classified correctly");
        } else {
            List<WebElement> items = browser.all("#results-test-wrong li");
            assertThat(items).hasSize(wrong);
            assertThat(browser.all("#results-test-wrong li canvas")).hasSize(wrong);
            int first = 0;
            while (after.get("predictions").get(first).get("correct").asBoolean()) {
                first++;
            }
            JsonNode p = after.get("predictions").get(first);
            assertThat(items.get(0).getText()).isEqualTo(first + ": " + p.get("label").asText() + " read as " + p.get("predicted").asText());
        }
        browser.fullScreenshot("results-test-wrong");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void on_a_phone_the_diagram_pans_with_readable_text_and_the_prediction_sits_beside_the_drawing() throws Exception {
        try (Browser phone = new Browser(390, 844)) {
            phone.open(server.base + "/?tour=network#/network?n=100&lang=en");
            phone.find("#view-network svg.diagram");
            Thread.sleep(300);
            Object smallest = phone.js("let m = 1e9; document.querySelectorAll('#view-network svg.diagram text').forEach((t) => {"
                    + " const r = t.getBoundingClientRect(); if (r.width === 0) return;"
                    + " m = Math.min(m, parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a); }); return m;");
            assertThat(((Number) smallest).doubleValue()).as("smallest diagram text, px").isGreaterThanOrEqualTo(10.95);
            assertThat((Boolean) phone.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
            assertThat(phone.find("nav.views").getAttribute("class")).contains("more");
            phone.screenshot("phone-network-pan");
            phone.open(server.base + "/?tour=try#/try?n=100&lang=en");
            phone.find("#try-predicted");
            // the Fashion-MNIST notice only after a visit to Image data, where it applies
            assertThat(phone.find("#bitmap-only").isDisplayed()).isFalse();
            Object beside = phone.js("const g = document.querySelector('#view-try .pixel-grid.editable').getBoundingClientRect();"
                    + " const o = document.getElementById('try-outputs').getBoundingClientRect(); return o.top < g.bottom && o.left >= g.right - 1;");
            assertThat((Boolean) beside).as("the outputs beside the drawing grid").isTrue();
            assertThat((Boolean) phone.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
            phone.screenshot("phone-try-beside");
            assertThat(phone.consoleProblems()).isEmpty();
        }
    }

    @Test
    void the_time_bar_steps_one_iteration_back_and_on() {
        openFresh("#/step?n=10&lang=en");
        browser.until(d -> browser.text("#view-step .caption").startsWith("Iteration 10,"));
        browser.click("#time-prev");
        browser.until(d -> browser.text("#view-step .caption").startsWith("Iteration 9,"));
        assertThat(browser.driver.getCurrentUrl()).contains("at=9");
        browser.click("#time-prev");
        browser.until(d -> browser.text("#view-step .caption").startsWith("Iteration 8,"));
        browser.click("#time-next");
        browser.click("#time-next");
        browser.until(d -> browser.text("#view-step .caption").startsWith("Iteration 10,"));
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("at=");
    }

    @Test
    void the_before_branching_legend_shows_only_after_a_branch_and_compare_names_the_sessions_settings() throws Exception {
        openFresh("#/train?n=30&pace=0&lang=en");
        browser.until(d -> browser.text("#train-readout").startsWith("Iteration 30"));
        assertThat(browser.text("#train-e-chart")).doesNotContain("before branching");
        browser.js("location.hash = location.hash.replace('#/train', '#/travel')");
        WebElement eta = browser.find("#travel-eta");
        eta.clear();
        eta.sendKeys("0.5", Keys.TAB);
        WebElement more = browser.find("#travel-more");
        more.clear();
        more.sendKeys("10", Keys.TAB);
        browser.click("#travel-branch");
        browser.until(d -> browser.text("#travel-chart").contains("before branching"));
        browser.js("location.hash = location.hash.replace('#/travel', '#/train')");
        browser.until(d -> browser.text("#train-e-chart").contains("before branching"));
        browser.js("location.hash = location.hash.replace('#/train', '#/compare')");
        browser.until(d -> browser.text("#compare-from-session").equals(
                "Taken from this session unless you change them: data aple, 3 hidden units, seed 1, η = 0.5."));
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void numbers_in_try_it_fit_their_cells() throws Exception {
        openFresh("#/try?n=300&lang=en");
        browser.find("#try-predicted");
        browser.click("#try-invert");
        browser.until(d -> !browser.text("#view-try .pixel-grid:not(.editable) .px").isEmpty());
        Object overflowing = browser.js("return [...document.querySelectorAll('#view-try .pixel-grid:not(.editable) .px')]"
                + ".filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent)");
        assertThat((List<?>) overflowing).isEmpty();
    }

    @Test
    void the_log_E_axis_reaches_below_the_smallest_E_of_conjugate_gradient() throws Exception {
        openFresh("#/compare?copt=gd,cg&cn=300&cpace=0&lang=en");
        browser.click("#compare-run");
        browser.until(d -> browser.text("#compare-status").startsWith("Done"));
        JsonNode st = server.get(sessionPath() + "/compare").json();
        double smallest = Double.MAX_VALUE;
        for (JsonNode c : st.get("curves")) {
            for (JsonNode e : c.get("e")) {
                if (e.asDouble() > 0) {
                    smallest = Math.min(smallest, e.asDouble());
                }
            }
        }
        assertThat(smallest).isLessThan(1e-6); // cg goes far down
        Thread.sleep(300);
        double min = ((Number) browser.js("return document.getElementById('compare-chart').uplotScale().min")).doubleValue();
        assertThat(min).as("the axis' bottom").isLessThan(smallest / 1.7);
        browser.fullScreenshot("compare-log-axis");
    }
}
