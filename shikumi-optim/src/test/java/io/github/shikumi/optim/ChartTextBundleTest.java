package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartTextBundleTest {
    @Test
    void every_key_exists_in_english_and_japanese_with_the_same_placeholders() throws Exception {
        Properties en = load("/io/github/shikumi/optim/charts.properties");
        Properties ja = load("/io/github/shikumi/optim/charts_ja.properties");
        assertThat(new TreeSet<>(ja.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(ja.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    @Test
    void every_optimizer_has_a_long_name_in_both_languages() {
        for (String name : Optimizers.NAMES) {
            assertThat(ChartText.of(Locale.ENGLISH).optimizer(name)).isNotEqualTo(name);
            assertThat(ChartText.of(Locale.JAPANESE).optimizer(name)).isNotEqualTo(ChartText.of(Locale.ENGLISH).optimizer(name));
        }
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (InputStream in = ChartTextBundleTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+\\}").matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
