package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WebMessagesTest {
    private static Set<String> placeholders(String pattern) {
        Set<String> s = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern.replaceAll("'[^']*'", ""));
        while (m.find()) {
            s.add(m.group(1));
        }
        return s;
    }

    @Test
    void every_key_exists_in_english_and_japanese_with_the_same_placeholders() {
        ResourceBundle en = WebMsg.bundle(Locale.ENGLISH);
        ResourceBundle ja = WebMsg.bundle(Locale.JAPANESE);
        for (WebMsg m : WebMsg.values()) {
            assertThat(en.containsKey(m.key())).as(m.key()).isTrue();
            assertThat(ja.containsKey(m.key())).as(m.key()).isTrue();
            assertThat(placeholders(ja.getString(m.key()))).as(m.key()).isEqualTo(placeholders(en.getString(m.key())));
            assertThat(ja.getString(m.key())).as(m.key()).isNotEqualTo(en.getString(m.key()));
            new MessageFormat(en.getString(m.key()));
            new MessageFormat(ja.getString(m.key()));
        }
        assertThat(en.keySet()).hasSize(WebMsg.values().length);
        assertThat(ja.keySet()).hasSize(WebMsg.values().length);
    }

    @Test
    void nested_message_arguments_are_translated() {
        assertThat(WebMsg.FIELD_TYPE.format(Locale.JAPANESE, "eta", WebMsg.TYPE_NUMBER)).contains("数値");
        assertThat(WebMsg.FIELD_TYPE.format(Locale.ENGLISH, "eta", WebMsg.TYPE_NUMBER)).isEqualTo("field \"eta\" should be a number");
        assertThat(WebMsg.BODY_NOT_OBJECT.format(Locale.ENGLISH)).contains("{...}");
    }
}
