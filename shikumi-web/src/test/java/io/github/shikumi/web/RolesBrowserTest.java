package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The roles in the page, in real headless Chromium: the Train view offers every activation and update rule
 * the server lists (in the page's language), choosing them starts a new run by them and puts them in the
 * link; "Inside one step" then writes the chosen function, its derivative and the rule's step; a link with
 * act= and opt= rebuilds such a session, and one with an unknown name says so in one line.
 */
class RolesBrowserTest extends PageTest {

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("aple"), "needs the aple data");
        startServerAndBrowser();
    }

    static JsonNode summary() {
        return server.get("/api/sessions/" + browser.js("return sessionStorage.getItem('shikumi.session')")).json();
    }

    /** Chooses an option by its value, finding the select again when the view redrew it meanwhile. */
    static void choose(String css, String value) {
        for (int attempt = 0; ; attempt++) {
            try {
                new Select(browser.find(css)).selectByValue(value);
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 4) {
                    throw redrawn;
                }
            }
        }
    }

    static List<String> options(String css) {
        return browser.all(css + " option").stream().map(o -> o.getAttribute("value")).collect(Collectors.toList());
    }

    @Test
    void choosing_tanh_and_adam_trains_by_them_and_inside_one_step_writes_them() {
        openFresh("#/train?pace=0&lang=en");
        browser.find("#train-activation");
        assertThat(options("#train-activation")).containsExactly("sigmoid", "tanh", "relu", "identity");
        assertThat(options("#train-optimizer")).containsExactly("gd", "momentum", "adam");
        assertThat(browser.text("label[for=train-optimizer]")).isEqualTo("Update rule");
        browser.consoleProblems();
        choose("#train-activation", "tanh");
        browser.until(d -> "tanh".equals(summary().at("/settings/activation").asText()));
        choose("#train-optimizer", "adam");
        browser.until(d -> "adam".equals(summary().at("/settings/optimizer").asText()));
        browser.until(d -> browser.driver.getCurrentUrl().contains("act=tanh")
                && browser.driver.getCurrentUrl().contains("opt=adam"));
        browser.until(d -> browser.text("#status").contains("20-3-4, tanh, Adam"));
        browser.click("#train-step");
        browser.until(d -> summary().at("/run/last").asInt() == 1);

        browser.open(browser.driver.getCurrentUrl().replace("#/train", "#/step"));
        browser.until(d -> !browser.all("#step-table").isEmpty());
        String page = browser.text("main");
        assertThat(page).contains("tanh(s) = (e^s − e^(−s)) / (e^s + e^(−s))"); // core's formula of the role
        assertThat(page).contains("tanh′ = 1 − h²");
        assertThat(page).contains("h1 = tanh(sH1) = tanh(");
        assertThat(page).doesNotContain("h1 = σ(");
        assertThat(browser.text("#step-table th:last-child")).isEqualTo("after one step of Adam (η = 0.05)");
        assertThat(page).contains("Adam with η = 0.05 then takes its step");
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void a_link_with_act_and_opt_rebuilds_the_session_and_an_unknown_one_is_said_in_one_line() {
        openFresh("#/train?act=relu&opt=momentum&n=5&lang=ja");
        browser.until(d -> summary().at("/run/last").asInt() == 5);
        JsonNode s = summary();
        assertThat(s.at("/settings/activation").asText()).isEqualTo("relu");
        assertThat(s.at("/settings/optimizer").asText()).isEqualTo("momentum");
        browser.until(d -> "relu".equals(browser.find("#train-activation").getAttribute("value")));
        WebElement chosen = new Select(browser.find("#train-optimizer")).getFirstSelectedOption();
        assertThat(chosen.getText()).isEqualTo("モーメンタム (μ = 0.9)");
        assertThat(browser.text("label[for=train-activation]")).isEqualTo("隠れユニットの関数");

        browser.open(server.base + "/?fresh=roles#/conventions?act=relu&opt=momentum&n=5&lang=en");
        browser.until(d -> browser.text("main").contains("torch.optim.SGD"));
        assertThat(browser.text("main")).contains("ReLU(s) = max(0, s)").contains("instead of the book's σ");

        openFresh("#/train?act=softplus&lang=en");
        browser.until(d -> browser.text("#toast").contains("softplus"));
        assertThat(browser.text("#toast")).contains("activation").contains("sigmoid, tanh, relu, identity")
                .doesNotContain("\n");
        assertThat(summary().at("/settings/activation").asText()).isEqualTo("sigmoid"); // the book's, not a broken page
    }
}
