package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The page in real headless Chromium against the real server: it loads without console errors, trains,
 * classifies a drawing, speaks Japanese, lets the learner edit data, and exports a model core can load.
 * Each test starts a fresh tab session; screenshots of every view go to target/screenshots.
 */
class BrowserTest extends PageTest {

    /** The workbench's views of the book's data, from the page's registry of views. */
    static final String[] VIEWS = Views.workbench().toArray(new String[0]);

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("aple"), "needs the aple data");
        startServerAndBrowser();
    }

    static void go(String view) {
        browser.js("location.hash = location.hash.replace(/^#\\/[a-z]*/, '#/" + view + "')");
        browser.until(d -> browser.find("#view-" + view).getAttribute("hidden") == null);
    }

    static String sessionPath() {
        return "/api/sessions/" + browser.js("return sessionStorage.getItem('shikumi.session')");
    }

    /** The iteration and E of the train view's readout. */
    static double[] readout() {
        String text = browser.text("#train-readout");
        Matcher m = Pattern.compile("Iteration (\\d+): E = ([0-9.]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return new double[] {Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2))};
    }

    @Test
    void every_view_loads_without_console_errors() throws Exception {
        openFresh("#/data?n=200");
        browser.consoleProblems();
        for (String view : VIEWS) {
            go(view);
            try {
                browser.until(d -> browser.find("#h-" + view).isDisplayed());
            } catch (RuntimeException e) {
                browser.fullScreenshot("failed-" + view);
                Object requests = browser.js("return performance.getEntriesByType('resource').map(r => r.name.replace(location.origin, '') + ' ' + Math.round(r.duration)).slice(-15).join('\\n')");
                StringBuilder dump = new StringBuilder();
                Thread.getAllStackTraces().forEach((th, st) -> {
                    String frames = java.util.Arrays.stream(st).limit(14).map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining("\n    "));
                    if (frames.contains("shikumi") || frames.contains("javalin")) {
                        dump.append(th.getName()).append(' ').append(th.getState()).append("\n    ").append(frames).append('\n');
                    }
                });
                throw new AssertionError("view " + view + " did not show: " + browser.consoleProblems() + "\n" + requests
                        + "\n" + browser.js("return (window.shikumiTrace || []).join('\\n')")
                        + "\n" + new String(new ProcessBuilder("sh", "-c", "ss -tnp | grep " + server.app.port()).start()
                                .getInputStream().readAllBytes())
                        + "\n" + dump, e);
            }
            Thread.sleep(400);
            browser.fullScreenshot(view);
            assertThat(browser.consoleProblems()).as(view).isEmpty();
            assertThat(browser.all("#toast:not([hidden])")).as(view + ": an error was shown").isEmpty();
        }
    }

    /** The tabs and sections are built from the registry of views: its order, its texts, one section each. */
    @Test
    void the_navigation_and_the_sections_follow_the_registry_of_views() {
        openFresh("#/data?lang=en");
        browser.find("#h-data");
        browser.consoleProblems(); // from here on
        List<String> tabs = new ArrayList<>();
        browser.all("nav.views a[data-nav]").forEach(a -> tabs.add(a.getAttribute("data-nav")));
        assertThat(tabs).isEqualTo(Views.tabs());
        List<String> sections = new ArrayList<>();
        browser.all("main > section.view").forEach(e -> sections.add(e.getAttribute("id")));
        assertThat(sections).isEqualTo(Views.all().stream().map(v -> "view-" + v).collect(java.util.stream.Collectors.toList()));
        assertThat(browser.text("nav.views a[data-nav=step]")).isEqualTo("Inside one step");
        // a view name the registry does not know opens the start screen
        browser.js("location.hash = '#/nonsense?lang=en'");
        browser.until(d -> browser.find("#view-start").getAttribute("hidden") == null);
        assertThat(browser.consoleProblems()).isEmpty();
    }

    @Test
    void step_and_run_make_e_fall_and_the_results_follow() {
        openFresh("#/train?pace=0");
        browser.until(d -> readout()[0] == 0);
        double e0 = readout()[1];
        browser.click("#train-step");
        browser.until(d -> readout()[0] == 1);
        double e1 = readout()[1];
        assertThat(e1).isLessThan(e0);
        WebElement n = browser.find("#train-iterations");
        n.clear();
        n.sendKeys("300", Keys.TAB);
        browser.click("#train-slow"); // slow motion on: the progress bar shows while it runs
        browser.click("#train-run");
        browser.until(d -> browser.find("#train-progress").isDisplayed());
        browser.until(d -> readout()[0] == 301);
        double e301 = readout()[1];
        assertThat(e301).isLessThan(e1 / 5);
        assertThat(browser.find("#train-progress").isDisplayed()).isFalse();
        JsonNode curve = server.get(sessionPath() + "/curve").json();
        assertThat(curve.get("e").size()).isEqualTo(302);
        assertThat(curve.get("e").get(301).asDouble()).isCloseTo(e301, within(1e-4 * e301));
        go("results");
        browser.until(d -> browser.text("#results-train-after").contains("iteration 301"));
        assertThat(browser.text("#results-train-after")).contains("100.0 %");
        assertThat(browser.text("#results-train-before")).doesNotContain("100.0 %");
        assertThat(browser.all("#confusion td.off")).isEmpty();
    }

    @Test
    void drawing_a_letter_in_try_it_shows_the_predicted_label() throws Exception {
        openFresh("#/try?n=400");
        browser.find("#try-predicted");
        double[] l = Letters.pixels("L");
        List<WebElement> cells = browser.all("#view-try .pixel-grid.editable .px");
        assertThat(cells).hasSize(20);
        for (int i = 0; i < 20; i++) {
            if (l[i] == 1) {
                cells.get(i).click();
            }
        }
        browser.until(d -> "L".equals(browser.text("#try-predicted")));
        assertThat(browser.all("#try-outputs .bars li")).hasSize(4);
        assertThat(browser.text("#try-map-title")).contains("L");
        String title = browser.find("#view-try .pixel-grid:not(.editable) .px").getAttribute("title");
        assertThat(title).startsWith("∂z3/∂x1");
        browser.screenshot("try-drawn-L");
    }

    @Test
    void the_drawing_grid_works_from_the_keyboard() {
        openFresh("#/try?n=400");
        browser.find("#try-predicted");
        WebElement first = browser.find("#view-try .pixel-grid.editable .px");
        first.click(); // focus, and pixel 1 on
        first.sendKeys(Keys.SPACE); // pixel 1 off again
        browser.driver.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        browser.driver.switchTo().activeElement().sendKeys(Keys.SPACE);
        List<WebElement> cells = browser.all("#view-try .pixel-grid.editable .px");
        browser.until(d -> "true".equals(cells.get(4).getAttribute("aria-pressed")));
        assertThat(cells.get(0).getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(cells.get(4));
    }

    @Test
    void switching_the_language_shows_japanese() throws Exception {
        openFresh("#/train?lang=en");
        assertThat(browser.text("[data-nav=data]")).isEqualTo("Data");
        browser.click("#lang-toggle");
        browser.until(d -> "データ".equals(browser.text("[data-nav=data]")));
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.driver.getCurrentUrl()).contains("lang=ja");
        browser.until(d -> browser.text("#h-train").contains("勾配降下法"));
        assertThat(browser.text("#status")).contains("画像 128 枚");
        browser.fullScreenshot("train-ja");
        go("step");
        browser.until(d -> browser.text("#h-step").contains("誤差逆伝播法"));
        browser.fullScreenshot("step-ja");
        browser.click("#lang-toggle");
        browser.until(d -> "Data".equals(browser.text("[data-nav=data]")));
    }

    @Test
    void japanese_is_the_default_for_a_japanese_browser() throws Exception {
        try (Browser ja = new Browser(1280, 900, "ja")) {
            ja.open(server.base + "/#/data");
            assertThat((String) ja.js("return navigator.language")).startsWith("ja");
            assertThat(ja.text("[data-nav=data]")).isEqualTo("データ");
            assertThat(ja.find("html").getAttribute("lang")).isEqualTo("ja");
        }
    }

    @Test
    void editing_an_image_and_retraining() throws Exception {
        openFresh("#/train?pace=0&n=200");
        browser.until(d -> readout()[0] == 200);
        go("data");
        browser.click("[data-image='0']");
        List<WebElement> cells = browser.all("#view-data .editor .px");
        String before = cells.get(0).getAttribute("aria-pressed");
        cells.get(0).click();
        browser.until(d -> !before.equals(cells.get(0).getAttribute("aria-pressed")));
        browser.screenshot("data-editing");
        browser.click("#edit-save");
        browser.until(d -> browser.text("#status").contains("(edited)"));
        assertThat(browser.text("#status")).contains("iteration 0");
        JsonNode img = server.get(sessionPath() + "/data").json().get("images").get(0);
        int expected = "true".equals(before) ? 0 : 1;
        assertThat(img.get("pixels").get(0).asInt()).isEqualTo(expected);
        assertThat(Bundled.get("aple").pixel(0, 0)).isEqualTo(1 - expected); // the bundled data are unchanged
        go("train");
        browser.until(d -> readout()[0] == 0);
        double e0 = readout()[1];
        browser.click("#train-run");
        browser.until(d -> readout()[0] == 500);
        assertThat(readout()[1]).isLessThan(e0 / 10);
    }

    @Test
    void the_downloaded_model_json_loads_in_core() throws Exception {
        openFresh("#/export?n=150");
        browser.click("#export-model");
        Path dir = browser.downloads();
        Path file = browser.until(d -> {
            try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
                return files.filter(p -> p.toString().endsWith(".json")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        Thread.sleep(200);
        Network net = ModelJson.read(file);
        assertThat(file.getFileName().toString()).isEqualTo("aple-model-150.json");
        assertThat(net.layout().shapeText()).isEqualTo("20-3-4");
        JsonNode n = server.get(sessionPath() + "/network?iteration=150").json();
        assertThat(net.params()).containsExactly(Reference.params(n, net.layout()));
    }

    @Test
    void the_downloaded_onnx_file_is_the_onnx_of_the_model_shown() throws Exception {
        openFresh("#/export?n=30&lang=en");
        assertThat(browser.text("#export-onnx")).isEqualTo("Model as ONNX (iteration 30)");
        browser.click("#export-onnx");
        Path dir = browser.downloads();
        Path file = browser.until(d -> {
            try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
                return files.filter(p -> p.toString().endsWith(".onnx")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        Thread.sleep(200);
        assertThat(file.getFileName().toString()).isEqualTo("aple-model-30.onnx");
        Network shown = ModelJson.parse("m.json", server.get(sessionPath() + "/export/model?iteration=30").body());
        // what ONNX Runtime makes of it is checked in OnnxExportApiTest; here: the page downloads that file
        assertThat(Files.readAllBytes(file)).isEqualTo(io.github.shikumi.export.OnnxExport.bytes(shown));
    }

    /** Inside one step offers the book's worksheets of the image and iteration shown, blank and as the key. */
    @Test
    void inside_one_step_links_the_worksheets_of_the_image_shown() throws Exception {
        openFresh("#/step?n=20&img=3&lang=en");
        browser.until(d -> !browser.all("#ws-forward").isEmpty());
        assertThat(browser.text("#ws-all-key")).isEqualTo("key: all three");
        String href = browser.find("#ws-backward-key").getAttribute("href");
        assertThat(href).contains("iteration=20").contains("image=3").contains("kind=backward").contains("answers=true");
        browser.driver.get(href); // a page of its own (no app, no scripts): what the new tab shows
        browser.until(d -> browser.text("h1").startsWith("Backpropagation worksheet, ANSWER KEY"));
        assertThat(browser.text("body")).contains("image 4").contains("after 20 iterations");
        assertThat(browser.all(".box.key")).isNotEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
    }

    /** The learner uploads a spreadsheet exercise in the Export view and reads the first wrong cells. */
    @Test
    void an_uploaded_exercise_is_checked_in_the_page(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        openFresh("#/export?lang=en");
        browser.find("#export-check");
        browser.consoleProblems();
        Path ex = dir.resolve("my-exercise.xlsx");
        try (java.io.OutputStream out = Files.newOutputStream(ex)) {
            io.github.shikumi.xlsx.WorkbookExport.writeExercise(Network.initial(Bundled.get("aple"), 1, 3), Bundled.get("aple"),
                    0.05, 0, java.util.EnumSet.of(io.github.shikumi.xlsx.Block.DELTA), java.util.Locale.ENGLISH, out);
        }
        browser.find("#export-check").sendKeys(ex.toString());
        browser.until(d -> browser.text("#check-result").contains("cells checked"));
        assertThat(browser.text("#check-verdict")).startsWith("my-exercise.xlsx: ").contains("still empty");
        // an empty δ is missing, not wrong, so the list of wrong cells starts after it: the downstream ones
        assertThat(browser.all("#check-cells li")).isNotEmpty();
        assertThat(browser.consoleProblems()).isEmpty();
        Path notes = dir.resolve("notes.xlsx");
        Files.writeString(notes, "not a spreadsheet");
        browser.find("#export-check").sendKeys(notes.toString());
        browser.until(d -> browser.text("#check-verdict").startsWith("notes.xlsx"));
        // the refusal is the page's own answer (400): the console notes it, and nothing else
        assertThat(browser.consoleProblems()).allMatch(p -> p.contains("check-xlsx") && p.contains("400"));
    }

    @Test
    void the_downloaded_workbook_opens_in_poi_with_the_books_sheets() throws Exception {
        openFresh("#/export?n=40&lang=ja");
        browser.click("#export-xlsx");
        Path dir = browser.downloads();
        Path file = browser.until(d -> {
            try (Stream<Path> files = Files.exists(dir) ? Files.list(dir) : Stream.empty()) {
                return files.filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        Thread.sleep(300);
        assertThat(file.getFileName().toString()).isEqualTo("aple-model-40.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(file.toFile())) {
            List<String> sheets = new java.util.ArrayList<>();
            wb.forEach(sh -> sheets.add(sh.getSheetName()));
            assertThat(sheets).containsExactly("BP", "学習経過", "結果", "マクロ"); // the page's language
            assertThat(wb.getName("E")).isNotNull();
        }
    }

    @Test
    void time_travel_moves_every_view_and_branches_with_another_eta() throws Exception {
        openFresh("#/travel?n=300&pace=0");
        browser.find("#travel-slider");
        browser.js("const s = document.getElementById('travel-slider'); s.value = '40'; s.dispatchEvent(new Event('input'))");
        browser.until(d -> browser.text("#travel-readout").startsWith("Iteration 40 of 300"));
        assertThat(browser.driver.getCurrentUrl()).contains("at=40");
        go("network");
        browser.until(d -> browser.text("#view-network .caption").startsWith("Iteration 40"));
        go("step");
        browser.until(d -> browser.text("#view-step .caption").startsWith("Iteration 40"));
        go("travel");
        WebElement eta = browser.find("#travel-eta");
        eta.clear();
        eta.sendKeys("0.5");
        WebElement more = browser.find("#travel-more");
        more.clear();
        more.sendKeys("60");
        browser.click("#travel-branch");
        browser.until(d -> server.get(sessionPath()).json().at("/run/last").asInt() == 100
                && !server.get(sessionPath()).json().at("/run/running").asBoolean());
        JsonNode curve = server.get(sessionPath() + "/curve").json();
        assertThat(curve.get("eta").get(40).asDouble()).isEqualTo(0.05);
        assertThat(curve.get("eta").get(41).asDouble()).isEqualTo(0.5);
        assertThat(curve.get("branchedE").size()).isEqualTo(301);
        browser.until(d -> browser.text("#travel-readout").startsWith("Iteration 100 of 100"));
        browser.fullScreenshot("travel-branched");
    }

    @Test
    void phone_width_layout_has_no_horizontal_overflow() throws Exception {
        try (Browser phone = new Browser(390, 844)) {
            for (String view : new String[] {"data", "train", "step", "results", "try"}) {
                phone.open(server.base + "/?p=" + view + "#/" + view + "?n=100");
                phone.until(d -> phone.find("#h-" + view).isDisplayed());
                Thread.sleep(300);
                long overflow = (Long) phone.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertThat(overflow).as(view).isLessThanOrEqualTo(0);
                phone.screenshot("phone-" + view);
            }
        }
    }
}
