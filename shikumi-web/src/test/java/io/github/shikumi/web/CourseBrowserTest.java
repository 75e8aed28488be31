package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;

/**
 * The course in real headless Chromium, in English and Japanese: for each lesson the widget works (its
 * numbers checked against computations made here), a wrong answer gets the hint, a right one is
 * recognised and kept, and Next leads to the next lesson. Screenshots: target/screenshots/course-*.
 */
class CourseBrowserTest extends PageTest {
    static final Pattern NUMBER = Pattern.compile("[−-]?[0-9]+(?:\\.[0-9]+)?(?:×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?");

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("aple"), "needs the aple data");
        startServerAndBrowser();
    }

    /** A number as the page's fmt.num writes it: true minus, 1.5×10⁻⁵. */
    static double parse(String text) {
        String s = text.trim().replace('−', '-');
        int x = s.indexOf("×10");
        if (x < 0) {
            return Double.parseDouble(s);
        }
        String sup = s.substring(x + 3);
        StringBuilder e = new StringBuilder();
        for (char c : sup.toCharArray()) {
            e.append(c == '⁻' ? '-' : (char) ('0' + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)));
        }
        return Double.parseDouble(s.substring(0, x)) * Math.pow(10, Integer.parseInt(e.toString()));
    }

    /** Every number in a text, in order. */
    static double[] numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.results().mapToDouble(r -> parse(r.group())).toArray();
    }

    static void openLesson(int n, String lang) {
        openFresh("#/course?l=" + n + "&lang=" + lang);
        browser.until(d -> "true".equals(browser.find("#lesson-widget").getAttribute("data-ready")));
    }

    static String sessionPath() {
        return "/api/sessions/" + browser.js("return sessionStorage.getItem('shikumi.session')");
    }

    static void answer(String text) {
        WebElement in = browser.find("#q-answer");
        in.clear();
        in.sendKeys(text);
        browser.click("#q-check");
    }

    static void choose(int i) {
        browser.click("#q-choice-" + i);
        browser.click("#q-check");
    }

    /** A wrong answer shows the hint; the right one is recognised, kept in localStorage; Next leads on. */
    static void wrongThenRight(int n, Runnable wrong, Runnable right, String lang) throws Exception {
        browser.js("localStorage.removeItem('shikumi.course')");
        wrong.run();
        browser.until(d -> browser.find("#q-feedback").getAttribute("class").contains("wrong"));
        assertThat(browser.find("#q-hint").isDisplayed()).isTrue();
        browser.click("#q-show");
        assertThat(browser.find("#q-worked").isDisplayed()).isTrue();
        right.run();
        browser.until(d -> browser.find("#q-feedback").getAttribute("class").contains("right"));
        assertThat(browser.find("#q-hint").isDisplayed()).isFalse();
        assertThat((String) browser.js("return localStorage.getItem('shikumi.course')")).contains("[" + n + "]");
        browser.fullScreenshot("course-" + lang + "-" + n + "-desktop");
        assertThat(browser.consoleProblems()).isEmpty();
        browser.click("#course-next");
        if (n < 9) {
            browser.until(d -> ((String) browser.js("return location.hash")).contains("l=" + (n + 1)));
            browser.until(d -> browser.text("#h-course").startsWith((n + 1) + ". "));
        } else {
            browser.until(d -> browser.find("#h-start").isDisplayed());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_1_walks_down_the_slope_in_the_page_and_diverges_with_a_large_eta(String lang) throws Exception {
        openLesson(1, lang);
        browser.consoleProblems();
        // from (2.5, 1.5) on x² + y² with η = 0.1: Δ = −0.1·(5, 3) = (−0.5, −0.3)
        double ms = ((Number) browser.js("const t0 = performance.now(); document.getElementById('gd-step').click();"
                + " return performance.now() - t0;")).doubleValue();
        assertThat(ms).as("a step answers within 100 ms").isLessThan(100);
        System.out.println("lesson 1 (" + lang + "): a gradient-descent step drawn in " + ms + " ms");
        assertThat(browser.text("#gd-label")).isEqualTo("(Δx, Δy) = (−0.5, −0.3)");
        assertThat(browser.text("#gd-readout")).contains("(2, 1.2)");
        assertThat(browser.all("#gd-steps tr")).hasSize(1);
        assertThat(browser.text("#gd-inner")).contains("180°");
        browser.click("#gd-step");
        assertThat(browser.text("#gd-readout")).contains("(1.6, 0.96)");
        // the learner turns b away from −a: a·b is larger than −|a||b|
        browser.js("const a = document.getElementById('gd-angle'); a.value = '0'; a.dispatchEvent(new Event('input'));");
        assertThat(browser.text("#gd-inner")).doesNotContain(" 180°");
        double[] inner = numbers(browser.text("#gd-inner"));
        assertThat(inner[0]).isGreaterThan(inner[inner.length - 1]);
        // clicking the centre of the map starts there
        browser.click("#gd-svg");
        assertThat(browser.all("#gd-steps tr")).isEmpty();
        assertThat(Double.parseDouble(browser.find("#gd-point").getAttribute("cx"))).isCloseTo(200, within(4.0));
        // η = 1.2 on the bowl: x ← (1 − 2η)x = −1.4x, the steps grow until the point leaves the map
        browser.click("#gd-reset");
        browser.js("const e = document.getElementById('gd-eta'); e.value = '1.2'; e.dispatchEvent(new Event('input'));");
        browser.click("#gd-run");
        browser.until(d -> browser.find("#gd-status").getAttribute("class").contains("bad")
                && browser.all("#gd-steps tr").size() > 5 && browser.text("#gd-run").equals(lang.equals("ja") ? "実行" : "Run"));
        assertThat(browser.text("#gd-status")).contains(lang.equals("ja") ? "発散" : "Diverged");
        wrongThenRight(1, () -> answer("1.2"), () -> answer("0.8"), lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_2_lists_the_79_parameters_with_their_gradient_checked_by_central_differences(String lang) throws Exception {
        openLesson(2, lang);
        browser.consoleProblems();
        List<WebElement> rows = browser.all("#params-table tbody tr");
        assertThat(rows).hasSize(79);
        assertThat(browser.text("#params-count")).endsWith(lang.equals("ja") ? "= 79 個のパラメータ" : "= 79 parameters");
        assertThat(browser.all("#lesson-diagram svg .unit")).hasSize(7);
        JsonNode check = server.get(sessionPath() + "/gradcheck?iteration=0").json();
        for (int i : new int[] {0, 40, 62, 63, 78}) {
            List<WebElement> cells = rows.get(i).findElements(org.openqa.selenium.By.tagName("td"));
            assertThat(rows.get(i).findElement(org.openqa.selenium.By.tagName("th")).getText()).isEqualTo(check.get("names").get(i).asText());
            double shown = parse(cells.get(2).getText());
            double central = check.get("numerical").get(i).asDouble();
            assertThat(shown).as(check.get("names").get(i).asText()).isCloseTo(central, within(1e-3 * Math.abs(central) + 1e-9));
        }
        wrongThenRight(2, () -> answer("79"), () -> answer("129"), lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_3_works_e_for_one_image_and_shows_E_over_all_128(String lang) throws Exception {
        openLesson(3, lang);
        browser.consoleProblems();
        Dataset aple = Bundled.get("aple");
        Network start = Network.initial(aple, 1, 3);
        double bigE = numbers(browser.text("#error-E"))[1];
        assertThat(numbers(browser.text("#error-E"))[0]).isEqualTo(128);
        assertThat(bigE).isCloseTo(Reference.error(start, aple), within(1e-4 * bigE));
        double[] e = numbers(browser.text("#error-e"));
        assertThat(e[1]).isCloseTo(e[0] / 2, within(1e-3 * e[1]));
        String caption = browser.text("#error-table caption");
        browser.click("#lesson-widget .picker button:last-child");
        browser.until(d -> !browser.text("#error-table caption").equals(caption));
        assertThat(browser.text("#error-table caption")).contains("1");
        wrongThenRight(3, () -> answer("0.3"), () -> answer("0,15"), lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_4_puts_solvers_E_evaluations_beside_backpropagations(String lang) throws Exception {
        openLesson(4, lang);
        browser.consoleProblems();
        browser.click("#solver-run");
        browser.until(d -> !browser.all("#solver-ratio").isEmpty());
        JsonNode st = server.get(sessionPath() + "/compare").json();
        JsonNode gd = st.get("results").get(1);
        JsonNode solver = st.get("results").get(0);
        assertThat(solver.get("optimizer").asText()).isEqualTo("solver");
        assertThat(gd.get("evaluations").get("objective").asLong()).isEqualTo(501);
        assertThat(solver.get("evaluations").get("gradient").asLong()).isZero();
        assertThat(solver.get("evaluations").get("objective").asLong()).isGreaterThan(80L * solver.get("iterations").asLong());
        String solverRow = browser.text("#solver-row-solver .evals").replace(",", "");
        assertThat(Long.parseLong(solverRow)).isEqualTo(solver.get("evaluations").get("objective").asLong());
        assertThat(browser.text("#solver-row-gd .evals")).isEqualTo("501");
        wrongThenRight(4, () -> answer("79"), () -> answer("80"), lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_5_works_the_chain_rule_with_one_images_numbers(String lang) throws Exception {
        openLesson(5, lang);
        browser.consoleProblems();
        for (int k = 0; k < 2; k++) {
            if (k == 1) {
                browser.click("#lesson-widget input[name=delta-k][value='1']");
                browser.until(d -> browser.text("#delta-line-0").startsWith("δO2"));
            }
            double[] dz = numbers(browser.text("#delta-line-1"));
            double[] zs = numbers(browser.text("#delta-line-2"));
            double[] dO = numbers(browser.text("#delta-line-3"));
            // −(t − z)·z(1 − z), each factor as shown, multiplied here
            double expected = dz[dz.length - 1] * zs[zs.length - 1];
            assertThat(dO[dO.length - 1]).isCloseTo(expected, within(2e-3 * Math.abs(expected)));
            for (int line = 4; line <= 7; line++) {
                double[] g = numbers(browser.text("#delta-line-" + line));
                // "… = value (server: value)": the product here equals the server's ∂e
                assertThat(g[g.length - 2]).isEqualTo(g[g.length - 1]);
            }
        }
        wrongThenRight(5, () -> answer("0.032"), () -> answer("−0.032"), lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_6_animates_the_errors_from_the_outputs_back_to_the_hidden_units(String lang) throws Exception {
        openLesson(6, lang);
        browser.consoleProblems();
        browser.click("#backwards-play");
        assertThat(browser.all("#flow-dH-0")).isEmpty();
        browser.until(d -> !browser.all("#flow-dO-0").isEmpty() && browser.all("#flow-dH-0").isEmpty());
        browser.until(d -> !browser.all("#flow-svg .flowing").isEmpty());
        browser.until(d -> browser.all("#flow-dH-2").size() == 1);
        assertThat(browser.all("#backwards-lines p")).hasSize(7);
        wrongThenRight(6, () -> answer("-0.15"), () -> answer("-0.0375"), lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_7_runs_the_macro_to_exactly_500_with_pause_and_E_matches_the_books_rule(String lang) throws Exception {
        openLesson(7, lang);
        browser.consoleProblems();
        browser.click("#macro-run");
        browser.until(d -> {
            double[] r = numbers(browser.text("#macro-readout"));
            return r.length > 0 && r[0] > 20;
        });
        browser.click("#macro-pause");
        browser.until(d -> browser.find("#macro-run").isEnabled());
        double paused = numbers(browser.text("#macro-readout"))[0];
        assertThat(paused).isLessThan(500);
        browser.click("#macro-run");
        browser.until(d -> numbers(browser.text("#macro-readout"))[0] == 500 && browser.find("#macro-run").isEnabled());
        Dataset aple = Bundled.get("aple");
        double e500 = Reference.error(Reference.descend(Network.initial(aple, 1, 3), aple, 0.05, 500), aple);
        assertThat(numbers(browser.text("#macro-readout"))[1]).isCloseTo(e500, within(1e-4 * e500));
        assertThat(server.get(sessionPath()).json().get("run").get("last").asInt()).isEqualTo(500);
        wrongThenRight(7, () -> answer("0.25"), () -> answer("0.2"), lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_8_shows_every_image_before_and_after_and_the_ones_still_wrong(String lang) throws Exception {
        openLesson(8, lang);
        browser.consoleProblems();
        assertThat(browser.all("#before-table tbody tr")).hasSize(128);
        JsonNode res = server.get(sessionPath() + "/results").json();
        assertThat(res.get("iteration").asInt()).isEqualTo(500);
        int wrong = res.get("after").get("size").asInt() - res.get("after").get("correct").asInt();
        int testWrong = res.get("test").get("after").get("size").asInt() - res.get("test").get("after").get("correct").asInt();
        assertThat(browser.all("#before-wrong-test li")).hasSize(testWrong);
        assertThat(browser.all("#before-wrong-train li")).hasSize(wrong);
        wrongThenRight(8, () -> answer(String.valueOf(wrong + 3)), () -> answer(String.valueOf(wrong)), lang);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void lesson_9_classifies_a_drawn_L(String lang) throws Exception {
        openLesson(9, lang);
        browser.consoleProblems();
        double[] l = Letters.pixels("L");
        List<WebElement> cells = browser.all("#lesson-widget .pixel-grid.editable .px");
        assertThat(cells).hasSize(20);
        for (int i = 0; i < l.length; i++) {
            if (l[i] > 0.5) {
                cells.get(i).click();
            }
        }
        browser.until(d -> browser.text("#draw-predicted").equals("L"));
        // a click answers within 100 ms: the outputs are drawn again after the server classified the drawing
        Object ms = browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const box = document.getElementById('draw-outputs'); const t0 = performance.now();"
                + "new MutationObserver((m, o) => { o.disconnect(); done(performance.now() - t0); }).observe(box, {childList: true});"
                + "document.querySelectorAll('#lesson-widget .pixel-grid.editable .px')[0].click();");
        System.out.println("lesson 9 (" + lang + "): a pixel click classified and drawn in " + ms + " ms");
        assertThat(((Number) ms).doubleValue()).isLessThan(100);
        browser.click("#draw-clear");
        for (int i = 0; i < l.length; i++) {
            if (l[i] > 0.5) {
                browser.all("#lesson-widget .pixel-grid.editable .px").get(i).click();
            }
        }
        browser.until(d -> browser.text("#draw-predicted").equals("L"));
        wrongThenRight(9, () -> choose(1), () -> choose(0), lang);
    }

    @Test
    void start_screen_links_every_lesson_and_keeps_progress() {
        openFresh("#/");
        browser.js("localStorage.removeItem('shikumi.course')");
        openFresh("#/start?lang=en");
        assertThat(browser.all("#course-lessons li a")).hasSize(9);
        assertThat(browser.find("nav.views").isDisplayed()).isFalse();
        assertThat(browser.text("#start-course")).isEqualTo("Start the course");
        browser.js("localStorage.setItem('shikumi.course', JSON.stringify({done: [1, 2], last: 2}))");
        openFresh("#/start?lang=en");
        assertThat(browser.text("#start-course")).isEqualTo("Continue with lesson 3");
        assertThat(browser.all("#course-lessons .done")).hasSize(2);
        browser.click("#lesson-link-5");
        browser.until(d -> browser.text("#h-course").startsWith("5. "));
        browser.click("#course-prev");
        browser.until(d -> browser.text("#h-course").startsWith("4. "));
        browser.click("#lang-toggle"); // the lesson in the other language, same lesson
        browser.until(d -> browser.text("#h-course").equals("4. まずソルバーで: 誤差逆伝播法なしで E を小さくする"));
        browser.click("#lang-toggle");
        browser.until(d -> browser.text("#h-course").startsWith("4. Solver first"));
        browser.click("#course-home");
        browser.find("#h-start");
        browser.click("#start-workbench");
        browser.until(d -> browser.find("#h-data").isDisplayed() && browser.find("nav.views").isDisplayed());
    }

    /** Text smaller than 11 px in the lesson (SVG text at its rendered size), as "tag size text". */
    static final String SMALL_TEXT = "const bad = [];"
            + "for (const el of document.querySelectorAll('#view-course *')) {"
            + "  if (el.tagName === 'title' || el.closest('.visually-hidden')) continue;"
            + "  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());"
            + "  if (!own) continue;"
            + "  const r = el.getBoundingClientRect(); if (r.width === 0 || r.height === 0) continue;"
            + "  let size = parseFloat(getComputedStyle(el).fontSize);"
            + "  if (el instanceof SVGElement) size *= el.getScreenCTM().a;"
            + "  if (size < 10.95) bad.push(el.tagName + ' ' + size.toFixed(1) + ' ' + el.textContent.slice(0, 30));"
            + "} return bad;";

    @Test
    void every_lesson_fits_a_390_px_phone_opens_within_a_second_and_a_full_walk_logs_nothing() throws Exception {
        try (Browser phone = new Browser(390, 844)) {
            StringBuilder times = new StringBuilder();
            phone.open(server.base + "/?phone=warm#/start"); // a new browser's first page warms its caches: not counted
            for (String lang : new String[] {"en", "ja"}) {
                for (int n = 1; n <= 9; n++) {
                    phone.open(server.base + "/?phone=" + lang + n + "#/course?l=" + n + "&lang=" + lang);
                    phone.until(d -> "true".equals(phone.find("#lesson-widget").getAttribute("data-ready")));
                    Thread.sleep(300);
                    long ms = Long.parseLong(phone.find("#lesson-widget").getAttribute("data-ready-ms"));
                    times.append(lang).append(' ').append(n).append(": ").append(ms).append(" ms\n");
                    assertThat(ms).as(lang + " lesson " + n + " interactive (ms after navigation start)").isLessThan(1000);
                    assertThat((Boolean) phone.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                            .as(lang + " lesson " + n + ": nothing overflows the page's width").isTrue();
                    @SuppressWarnings("unchecked")
                    List<String> small = (List<String>) phone.js(SMALL_TEXT);
                    assertThat(small).as(lang + " lesson " + n + ": text under 11 px").isEmpty();
                    phone.fullScreenshot("course-" + lang + "-" + n + "-phone");
                    assertThat(phone.consoleProblems()).as(lang + " lesson " + n).isEmpty();
                    assertThat(phone.all("#toast:not([hidden])")).as(lang + " lesson " + n + ": an error was shown").isEmpty();
                }
            }
            phone.open(server.base + "/?phone=start#/start?lang=ja");
            phone.fullScreenshot("course-ja-start-phone");
            assertThat((Boolean) phone.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth")).isTrue();
            System.out.println("course lessons interactive after navigation start (390 px phone):\n" + times);
        }
    }
}
