package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every text of the workbook exists in English and Japanese, with the same placeholders. */
class TextBundleTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties load(String file) throws IOException {
        try (InputStream in = Text.class.getResourceAsStream("/io/github/shikumi/xlsx/" + file)) {
            assertThat(in).as(file).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void every_key_exists_in_english_and_japanese_with_the_same_placeholders() throws IOException {
        Properties en = load("workbook.properties");
        Properties ja = load("workbook_ja.properties");
        Set<String> keys = Arrays.stream(Text.values()).map(Text::key).collect(Collectors.toSet());
        assertThat(en.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(ja.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            assertThat(placeholders(ja.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    /** The worksheets' words: the same keys and placeholders in both languages, and every key the page uses there. */
    @Test
    void every_worksheet_text_exists_in_english_and_japanese_with_the_same_placeholders() throws IOException {
        Properties en = load("worksheet.properties");
        Properties ja = load("worksheet_ja.properties");
        assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(ja.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        }
        String code = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/java/io/github/shikumi/xlsx/WorksheetHtml.java"));
        Matcher used = Pattern.compile("\"(ws\\.[A-Za-z.]+[A-Za-z])\"").matcher(code);
        while (used.find()) {
            assertThat(en.stringPropertyNames()).as("used in WorksheetHtml").contains(used.group(1));
        }
        assertThat(en.getProperty("ws.title")).isEqualTo("Backpropagation worksheet");
        assertThat(ja.getProperty("ws.title")).isNotEqualTo(en.getProperty("ws.title"));
    }

    @Test
    void japanese_texts_are_japanese_and_english_ones_are_not() {
        assertThat(Text.SHEET_TRAINING.format(java.util.Locale.JAPANESE)).isEqualTo("学習経過");
        assertThat(Text.SHEET_TRAINING.format(java.util.Locale.ENGLISH)).isEqualTo("Training");
        assertThat(Text.RESULTS_AFTER.format(java.util.Locale.JAPANESE, 500)).isEqualTo("学習済み (500 回)");
    }

    @Test
    void english_macro_comments_stay_ascii_for_the_vba_editor() {
        for (String line : MacroSheet.code(java.util.Locale.ENGLISH)) {
            assertThat(line.chars().allMatch(c -> c < 128)).as(line).isTrue();
        }
    }
}
