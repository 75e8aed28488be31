package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpAndBundlesTest {
    @ParameterizedTest
    @ValueSource(strings = {"train", "gradient", "gradcheck", "classify", "trace", "data", "data show", "serve", "export-xlsx", "worksheet", "check-xlsx"})
    void every_command_has_help_in_english_and_japanese(String command) {
        String[] words = command.split(" ");
        String[] en = append(words, "--help", "--lang", "en");
        String[] ja = append(words, "--help", "--lang", "ja");
        CliRun e = CliRun.of(en);
        CliRun j = CliRun.of(ja);
        assertThat(e.exit()).isEqualTo(0);
        assertThat(j.exit()).isEqualTo(0);
        assertThat(e.out()).contains("Usage:");
        assertThat(j.out()).contains("使い方:");
        // every option has a description in both languages (no empty description lines)
        assertThat(e.out()).doesNotContainPattern("\n\\s+--[a-z-]+(=\\S+)?\\s*\n");
        assertThat(j.out()).doesNotContainPattern("\n\\s+--[a-z-]+(=\\S+)?\\s*\n");
    }

    @Test
    void only_train_says_its_eta_default_differs_with_mini_batches() {
        for (String lang : new String[] {"en", "ja"}) {
            String mini = lang.equals("en") ? "0.1 with mini-batches" : "ミニバッチでは 0.1";
            assertThat(flat(CliRun.of("train", "--help", "--lang", lang).out())).contains(mini.replace(" ", ""));
            assertThat(flat(CliRun.of("compare", "--help", "--lang", lang).out())).contains("0.05").doesNotContain(mini.replace(" ", ""));
            assertThat(flat(CliRun.of("export-xlsx", "--help", "--lang", lang).out())).contains("0.05").doesNotContain(mini.replace(" ", ""));
        }
    }

    /** Help text without white space, so that words wrapped across lines still match. */
    private static String flat(String help) {
        return help.replaceAll("\\s+", "");
    }

    @Test
    void unknown_option_is_a_usage_error_with_exit_2() {
        CliRun r = CliRun.of("train", "--bogus", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--bogus").contains("shikumi train --help").doesNotContain("Exception");
    }

    @Test
    void help_bundles_have_the_same_keys_in_both_languages() throws Exception {
        assertSameKeysAndPlaceholders("/io/github/shikumi/cli/help.properties", "/io/github/shikumi/cli/help_ja.properties",
                Set.of("usage.synopsisHeading", "usage.optionListHeading", "usage.commandListHeading", "usage.parameterListHeading"));
    }

    @Test
    void help_texts_are_valid_format_strings_so_picocli_prints_them_as_written() throws Exception {
        // picocli passes every help text through String.format: a lone '%' (as in "100 %") must be written "%%"
        for (String bundle : new String[] {"/io/github/shikumi/cli/help.properties", "/io/github/shikumi/cli/help_ja.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key).replaceAll("\\$\\{[A-Z-]+\\}", "x");
                assertThat(String.format(java.util.Locale.ROOT, v)).as(bundle + " " + key).isNotNull();
            }
        }
    }

    @Test
    void text_bundles_have_the_same_keys_and_placeholders() throws Exception {
        assertSameKeysAndPlaceholders("/io/github/shikumi/cli/text.properties", "/io/github/shikumi/cli/text_ja.properties", Set.of());
    }

    /** Japanese may add headings English takes from picocli's defaults ({@code jaOnly}). */
    private static void assertSameKeysAndPlaceholders(String en, String ja, Set<String> jaOnly) throws Exception {
        Properties e = load(en);
        Properties j = load(ja);
        Set<String> jaKeys = new TreeSet<>(j.stringPropertyNames());
        jaKeys.removeAll(jaOnly);
        assertThat(jaKeys).isEqualTo(new TreeSet<>(e.stringPropertyNames()));
        for (String key : e.stringPropertyNames()) {
            assertThat(placeholders(j.getProperty(key))).as(key).isEqualTo(placeholders(e.getProperty(key)));
        }
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = HelpAndBundlesTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+\\}|\\$\\{[A-Z-]+\\}").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String[] append(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
