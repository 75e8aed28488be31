package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The worksheet's answer key holds the numbers {@code trace --json} and {@code train} give (independent
 * commands: the worksheet never supplies its own expected values), the blank sheet none of them.
 */
class WorksheetCommandTest {
    private static final Pattern BOX = Pattern.compile("data-name=\"([^\"]+)\" data-value=\"([^\"]+)\"");
    private static final Pattern SHEET = Pattern.compile("<section class=\"page\" data-sheet=\"(\\d+)\" data-image=\"(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    void key_numbers_equal_trace_json_for_that_image_at_that_iteration() throws Exception {
        Path model = dir.resolve("m7.json");
        assertThat(CliRun.of("train", "--iterations", "7", "--seed", "3", "--out", model.toString(), "--lang", "en").exit()).isZero();
        CliRun trace = CliRun.of("trace", "--model", model.toString(), "--image", "42", "--json", "--lang", "en");
        assertThat(trace.exit()).as(trace.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(trace.out());
        Path key = dir.resolve("key.html");
        CliRun w = CliRun.of("worksheet", "--seed", "3", "--iteration", "7", "--image", "42", "--answers", "--out", key.toString(), "--lang", "en");
        assertThat(w.exit()).as(w.err()).isZero();
        Map<String, Double> boxes = boxes(Files.readString(key));

        Map<String, Double> expected = new LinkedHashMap<>();
        String[] out = {"h", "z"};
        for (int l = 0; l < 2; l++) {
            JsonNode layer = j.get("layers").get(l);
            String name = layer.get("name").asText();
            for (int u = 0; u < layer.get("s").size(); u++) {
                expected.put("s" + name + "[" + (u + 1) + "]", layer.get("s").get(u).asDouble());
                expected.put(out[l] + "[" + (u + 1) + "]", layer.get("z").get(u).asDouble());
                expected.put("δ" + name + "[" + (u + 1) + "]", layer.get("delta").get(u).asDouble());
            }
        }
        expected.put("e", j.get("e").asDouble());
        for (int p = 0; p < j.get("names").size(); p++) {
            expected.put("∂e/∂" + j.get("names").get(p).asText(), j.get("gradient").get(p).asDouble());
        }
        assertThat(expected).hasSize(3 * 7 + 1 + 79);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertThat(boxes).as(e.getKey()).containsEntry(e.getKey(), e.getValue());
        }
        // the update page: p′ = p − η·∂E/∂p is what train has after one more iteration
        Path model8 = dir.resolve("m8.json");
        assertThat(CliRun.of("train", "--iterations", "8", "--seed", "3", "--out", model8.toString(), "--lang", "en").exit()).isZero();
        Network next = ModelJson.read(model8);
        for (int p = 0; p < next.layout().count(); p++) {
            double want = next.param(p);
            assertThat(boxes.get(next.layout().name(p) + "′")).as(next.layout().name(p)).isCloseTo(want,
                    org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(want))));
        }
        assertThat(boxes).hasSize(expected.size() + 79);
        // and every filled box shows its value rounded to 4 significant digits
        String html = Files.readString(key);
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            assertThat(html).contains("data-value=\"" + e.getValue() + "\">" + rounded(e.getValue()) + "</td>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "backward", "update", "all"})
    void blank_sheet_contains_none_of_the_answers(String kind) throws Exception {
        Path blank = dir.resolve("blank.html");
        Path key = dir.resolve("key.html");
        assertThat(CliRun.of("worksheet", "--kind", kind, "--image", "5", "--out", blank.toString(), "--lang", "en").exit()).isZero();
        assertThat(CliRun.of("worksheet", "--kind", kind, "--image", "5", "--answers", "--out", key.toString(), "--lang", "en").exit()).isZero();
        String b = Files.readString(blank);
        String k = Files.readString(key);
        Map<String, Double> answers = boxes(k);
        assertThat(answers).isNotEmpty();
        assertThat(b).doesNotContain("data-value");
        // the key's given numbers (its cells other than the filled boxes) are the blank's: an answer's rounded
        // figure may appear in the blank only as often as it is also a given number (a coincidence of 4 digits)
        String keyGivens = k.replaceAll("<td class=\"box key\"[^>]*>[^<]*</td>", "");
        int checked = 0;
        for (Map.Entry<String, Double> a : answers.entrySet()) {
            String shown = ">" + rounded(a.getValue()) + "<";
            assertThat(count(b, shown)).as(a.getKey()).isEqualTo(count(keyGivens, shown));
            checked += count(b, shown) == 0 ? 1 : 0;
        }
        assertThat(checked).isGreaterThan(kind.equals("forward") ? 10 : 40);
        assertThat(b.split("class=\"box\"", -1).length - 1).isEqualTo(answers.size());
    }

    @Test
    void class_set_gives_distinct_images_and_matching_keys() throws Exception {
        Path sheets = dir.resolve("class.html");
        CliRun r = CliRun.of("worksheet", "--seed", "11", "--count", "30", "--kind", "forward", "--out", sheets.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        Path key = dir.resolve("class-key.html");
        assertThat(r.out()).contains(key.toString());
        List<int[]> blank = sheets(Files.readString(sheets));
        String keyHtml = Files.readString(key);
        List<int[]> keyed = sheets(keyHtml);
        assertThat(blank).hasSize(30);
        assertThat(keyed).hasSize(30);
        Set<Integer> images = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            assertThat(blank.get(i)[0]).isEqualTo(i + 1);
            assertThat(keyed.get(i)).containsExactly(blank.get(i));
            images.add(blank.get(i)[1]);
        }
        assertThat(images).hasSize(30);
        // sheet i starts from seed 11 + i − 1: its key's e is trace's e for that start and image
        String[] pages = keyHtml.split("<section class=\"page\"");
        for (int i : new int[] {1, 2, 17, 30}) {
            Path m = dir.resolve("start" + i + ".json");
            assertThat(CliRun.of("train", "--iterations", "0", "--seed", String.valueOf(10 + i), "--out", m.toString(), "--lang", "en").exit()).isZero();
            CliRun t = CliRun.of("trace", "--model", m.toString(), "--image", String.valueOf(blank.get(i - 1)[1]), "--json", "--lang", "en");
            JsonNode j = new ObjectMapper().readTree(t.out());
            Map<String, Double> b = boxes(pages[i]);
            assertThat(b.get("e")).as("sheet " + i).isEqualTo(j.get("e").asDouble());
            assertThat(b.get("z[1]")).isEqualTo(j.get("layers").get(1).get("z").get(0).asDouble());
        }
    }

    @Test
    void chromium_prints_blank_and_key_to_pdf_with_the_formulas_in_japanese_and_english() throws Exception {
        assumeThat(Chromium.find()).as("Chromium installed").isPresent();
        assumeThat(Files.isExecutable(Path.of("/usr/bin/pdftotext"))).as("poppler-utils installed").isTrue();
        for (String lang : new String[] {"ja", "en"}) {
            Path sheets = dir.resolve("print-" + lang + ".html");
            CliRun r = CliRun.of("worksheet", "--seed", "2", "--count", "2", "--out", sheets.toString(), "--pdf", "--lang", lang);
            assertThat(r.exit()).as(r.err()).isZero();
            for (String name : new String[] {"print-" + lang + ".pdf", "print-" + lang + "-key.pdf"}) {
                String text = pdfText(dir.resolve(name));
                assertThat(text).contains("sH[j] = Σ_i wH[j][i]·x[i] − θH[j]", "h[j] = σ(sH[j]) = 1/(1 + e^(−sH[j]))",
                        "e = ½ Σ_k (t[k] − z[k])²", "δO[k] = −(t[k] − z[k])·z[k](1 − z[k])",
                        "δH[j] = (Σ_k δO[k]·wO[k][j])·h[j](1 − h[j])", "p′ = p − η·∂E/∂p");
                assertThat(text).contains(lang.equals("ja") ? "誤差逆伝播法ワークシート" : "Backpropagation worksheet");
                if (name.contains("key")) {
                    assertThat(text).contains(lang.equals("ja") ? "解答" : "ANSWER KEY");
                }
            }
            // one A4 page per part: 2 sheets × 3 parts
            assertThat(pages(dir.resolve("print-" + lang + ".pdf"))).isEqualTo(6);
        }
    }

    @Test
    void pdf_without_a_browser_says_so_in_one_line_and_keeps_the_html() {
        String saved = System.getProperty("shikumi.chromium");
        System.setProperty("shikumi.chromium", dir.resolve("no-such-browser").toString());
        try {
            Path out = dir.resolve("s.html");
            CliRun r = CliRun.of("worksheet", "--out", out.toString(), "--pdf", "--lang", "en");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.errLine()).startsWith("shikumi: --pdf needs Chromium or Chrome").doesNotContain("\n");
            assertThat(out).exists();
        } finally {
            if (saved == null) {
                System.clearProperty("shikumi.chromium");
            } else {
                System.setProperty("shikumi.chromium", saved);
            }
        }
    }

    @Test
    void bad_options_are_one_line_with_exit_2() {
        String out = dir.resolve("x.html").toString();
        String[][] cases = {
            {"--kind", "sideways"},
            {"--count", "0"},
            {"--count", "3", "--answers"},
            {"--image", "999"},
            {"--iteration", "-1"},
            {"--hidden", "30"},
            {"--data", "nope.txt"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("worksheet", "--out", out, "--lang", "en"));
            args.addAll(List.of(c));
            CliRun r = CliRun.of(args.toArray(new String[0]));
            assertThat(r.exit()).as(String.join(" ", c)).isEqualTo(2);
            assertThat(r.errLine()).as(String.join(" ", c)).doesNotContain("Exception").doesNotContain("\n");
        }
        assertThat(Path.of(out)).doesNotExist();
    }

    /** A model whose hidden units are not the book's σ: the hand-worked sheet cannot show it, one line, exit 2. */
    @Test
    void a_tanh_model_is_refused_naming_its_activation() {
        Path model = dir.resolve("tanh.json");
        assertThat(CliRun.of("train", "--iterations", "3", "--activation", "tanh", "--out", model.toString()).exit()).isZero();
        String out = dir.resolve("t.html").toString();
        CliRun r = CliRun.of("worksheet", "--model", model.toString(), "--out", out, "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).contains("activation \"tanh\"").contains("export-xlsx").doesNotContain("\n");
        assertThat(CliRun.of("worksheet", "--model", model.toString(), "--out", out, "--lang", "ja").errLine())
                .contains("活性化関数 \"tanh\"");
        assertThat(Path.of(out)).doesNotExist();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    static Map<String, Double> boxes(String html) {
        Map<String, Double> m = new LinkedHashMap<>();
        Matcher mt = BOX.matcher(html);
        while (mt.find()) {
            m.put(mt.group(1), Double.parseDouble(mt.group(2)));
        }
        return m;
    }

    /** (sheet number, image) of each sheet's first page. */
    private static List<int[]> sheets(String html) {
        List<int[]> list = new ArrayList<>();
        Matcher m = SHEET.matcher(html);
        int last = -1;
        while (m.find()) {
            int sheet = Integer.parseInt(m.group(1));
            if (sheet != last) {
                list.add(new int[] {sheet, Integer.parseInt(m.group(2))});
                last = sheet;
            }
        }
        return list;
    }

    /** 4 significant digits, written independently of the worksheet's own formatter. */
    private static String rounded(double v) {
        String s = new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.3e", v)).stripTrailingZeros().toPlainString();
        return s.replace('-', '−');
    }

    private static String pdfText(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return text;
    }

    private static int pages(Path pdf) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pdfinfo", pdf.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = Pattern.compile("Pages:\\s+(\\d+)").matcher(text);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
