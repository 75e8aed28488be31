package io.github.shikumi.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Msg} has an English and a Japanese text with the same placeholders. The files are read on
 * their own (not through ResourceBundle, whose Japanese bundle falls back to the English one and would hide
 * a missing key).
 */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private static Properties load(String file) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        return p;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> keys() {
        return Arrays.stream(Msg.values()).map(Msg::key).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_key_exists_in_english_and_japanese_with_the_same_placeholders() throws Exception {
        Properties en = load("messages.properties");
        Properties ja = load("messages_ja.properties");
        for (Msg msg : Msg.values()) {
            assertThat(en.getProperty(msg.key())).as("English %s", msg.key()).isNotBlank();
            assertThat(ja.getProperty(msg.key())).as("Japanese %s", msg.key()).isNotBlank();
            assertThat(placeholders(ja.getProperty(msg.key()))).as("placeholders of %s", msg.key())
                    .isEqualTo(placeholders(en.getProperty(msg.key())));
        }
    }

    @Test
    void the_bundles_hold_no_keys_without_a_msg() throws Exception {
        assertThat(load("messages.properties").stringPropertyNames()).isEqualTo(keys());
        assertThat(load("messages_ja.properties").stringPropertyNames()).isEqualTo(keys());
    }

    @Test
    void keys_are_unique() {
        assertThat(keys()).hasSize(Msg.values().length);
    }

    @Test
    void every_placeholder_shows_its_argument_in_both_languages() {
        // catches a single quote that MessageFormat would swallow ("model's {0}" prints "models {0}")
        for (Msg msg : Msg.values()) {
            Object[] args = new Object[10];
            for (int i = 0; i < args.length; i++) {
                args[i] = "«" + i + "»";
            }
            for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                String pattern = Messages.bundle(locale).getString(msg.key());
                String text = Messages.format(locale, msg, args);
                for (String n : placeholders(pattern)) {
                    assertThat(text).as("%s %s", locale, msg.key()).contains("«" + n + "»");
                }
                assertThat(text).as("%s %s", locale, msg.key()).doesNotContain("{").doesNotContain("\n");
            }
        }
    }

    @Test
    void japanese_is_chosen_for_any_japanese_locale_and_english_otherwise() {
        assertThat(Messages.format(Locale.JAPAN, Msg.FILE_NOT_FOUND)).isEqualTo("ファイルが見つかりません");
        assertThat(Messages.format(Locale.JAPANESE, Msg.FILE_NOT_FOUND)).isEqualTo("ファイルが見つかりません");
        assertThat(Messages.format(Locale.ENGLISH, Msg.FILE_NOT_FOUND)).isEqualTo("file not found");
        assertThat(Messages.format(Locale.GERMANY, Msg.FILE_NOT_FOUND)).isEqualTo("file not found");
        assertThat(Messages.format(Locale.ROOT, Msg.FILE_NOT_FOUND)).isEqualTo("file not found");
    }

    @Test
    void an_exception_is_one_line_with_where_and_the_message() {
        ShikumiException e = new ShikumiException("aple.txt:57", Msg.DATA_ROW_WIDTH, 5, 4);
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("aple.txt:57: row has 5 pixels, expected 4");
        assertThat(e.message(Locale.JAPANESE)).isEqualTo("aple.txt:57: 行の画素数が 5 です。4 のはずです");
        assertThat(e.getMessage()).isEqualTo("aple.txt:57: row has 5 pixels, expected 4");
        assertThat(new ShikumiException(null, Msg.DATA_EMPTY).message(Locale.ENGLISH)).isEqualTo("no images found");
        assertThat(e.getStackTrace()).as("bad input carries no stack trace").isEmpty();
    }
}
