package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Train view's controls in real headless Chromium: bad input is marked in the page with the label the
 * learner sees and never sent (no uncaught error in the console); Pause then Resume lands on exactly the N
 * asked for, Cancel forgets it; changing the seed after a run asks before discarding it.
 */
class TrainControlsBrowserTest extends PageTest {

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("aple"), "needs the aple data");
        startServerAndBrowser();
    }

    static String sessionPath() {
        return "/api/sessions/" + browser.js("return sessionStorage.getItem('shikumi.session')");
    }

    static JsonNode summary() {
        return server.get(sessionPath()).json();
    }

    /** Types into the field, finding it again if the view redrew it meanwhile (it does when the session arrives). */
    static void type(String css, String text) {
        for (int attempt = 0; ; attempt++) {
            try {
                WebElement e = browser.find(css);
                e.clear();
                e.sendKeys(text, Keys.TAB);
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 4) {
                    throw redrawn;
                }
            }
        }
    }

    @Test
    void bad_input_is_marked_with_the_visible_label_and_never_reaches_the_session() throws Exception {
        openFresh("#/train?pace=0&lang=en");
        browser.consoleProblems();
        type("#train-eta", "0");
        assertThat(browser.find("#train-eta").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.text("#train-eta-error")).isEqualTo("Learning rate η must be more than 0");
        type("#train-iterations", "1000000");
        assertThat(browser.text("#train-iterations-error")).isEqualTo("Iterations N must be between 1 and 100,000");
        browser.click("#train-run");
        Thread.sleep(300);
        JsonNode s = summary();
        assertThat(s.at("/settings/eta").asDouble()).isEqualTo(0.05);
        assertThat(s.at("/run/last").asInt()).isZero();
        assertThat(s.at("/run/running").asBoolean()).isFalse();
        assertThat(browser.consoleProblems()).isEmpty();
        type("#train-eta", "0.1");
        browser.until(d -> summary().at("/settings/eta").asDouble() == 0.1);
        browser.until(d -> browser.all("#train-eta-error:not([hidden])").isEmpty()); // the view redraws: read again
        // in Japanese, the Japanese label
        openFresh("#/train?pace=0&lang=ja");
        type("#train-seed", "1.5");
        assertThat(browser.text("#train-seed-error")).isEqualTo("シード には整数を入れてください");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void pause_then_resume_trains_to_exactly_n_and_cancel_forgets_it() throws Exception {
        openFresh("#/train?lang=en");
        type("#train-iterations", "300");
        browser.click("#train-run"); // slow motion: 200 iterations per second
        browser.until(d -> summary().at("/run/last").asInt() > 20);
        browser.click("#train-pause");
        browser.until(d -> !summary().at("/run/running").asBoolean());
        int paused = summary().at("/run/last").asInt();
        assertThat(paused).isLessThan(300);
        browser.until(d -> browser.find("#train-resume").isDisplayed());
        assertThat(browser.text("#train-resume")).isEqualTo("Resume to 300");
        browser.click("#train-resume");
        browser.until(d -> summary().at("/run/last").asInt() == 300 && !summary().at("/run/running").asBoolean());
        browser.until(d -> !browser.find("#train-resume").isDisplayed());
        browser.click("#train-run");
        browser.until(d -> browser.find("#train-cancel").isDisplayed());
        browser.click("#train-cancel");
        browser.until(d -> !summary().at("/run/running").asBoolean());
        Thread.sleep(300);
        assertThat(browser.find("#train-resume").isDisplayed()).isFalse();
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void changing_the_seed_after_a_run_asks_before_discarding_it() throws Exception {
        openFresh("#/train?pace=0&n=40&lang=en");
        browser.until(d -> summary().at("/run/last").asInt() == 40);
        type("#train-seed", "7");
        browser.until(d -> {
            try {
                d.switchTo().alert();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
        assertThat(browser.driver.switchTo().alert().getText()).contains("40 iterations");
        browser.driver.switchTo().alert().dismiss();
        browser.until(d -> "1".equals(browser.find("#train-seed").getAttribute("value")));
        assertThat(summary().at("/run/last").asInt()).isEqualTo(40);
        assertThat(summary().at("/settings/seed").asInt()).isEqualTo(1);
        type("#train-seed", "7");
        browser.until(d -> {
            try {
                d.switchTo().alert().accept();
                return true;
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return false;
            }
        });
        browser.until(d -> summary().at("/settings/seed").asInt() == 7);
        assertThat(summary().at("/run/last").asInt()).isZero();
    }

    @Test
    void a_bad_eta_for_a_branch_is_marked_in_the_page_and_never_sent() throws Exception {
        openFresh("#/travel?n=20&lang=en");
        browser.find("#travel-branch");
        browser.consoleProblems();
        type("#travel-eta", "-1");
        assertThat(browser.text("#travel-eta-error")).isEqualTo("Learning rate η must be more than 0");
        browser.click("#travel-branch");
        Thread.sleep(300);
        assertThat(browser.all("#toast:not([hidden])")).isEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
        JsonNode s = summary();
        assertThat(s.at("/run/last").asInt()).isEqualTo(20);
        assertThat(s.at("/settings/eta").asDouble()).isEqualTo(0.05);
    }
}
