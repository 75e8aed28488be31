package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The page's texts: i18n/en.json and i18n/ja.json have the same keys and placeholders, and cover every key the page uses. */
class PageTextsTest {
    static final Path APP = Path.of("src/main/resources/io/github/shikumi/web/app");

    /** The page's dictionary: the workbench's texts and the course's (i18n.js merges the two files). */
    private static JsonNode load(String lang) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode all =
                (com.fasterxml.jackson.databind.node.ObjectNode) TestServer.JSON.readTree(Files.readString(APP.resolve("i18n/" + lang + ".json")));
        JsonNode course = TestServer.JSON.readTree(Files.readString(APP.resolve("i18n/course-" + lang + ".json")));
        course.fieldNames().forEachRemaining(k -> {
            assertThat(all.has(k)).as("course text " + k + " also in " + lang + ".json").isFalse();
            all.set(k, course.get(k));
        });
        return all;
    }

    private static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\w+)\\}").matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void english_and_japanese_have_the_same_keys_and_placeholders() throws IOException {
        JsonNode en = load("en");
        JsonNode ja = load("ja");
        Set<String> enKeys = new TreeSet<>();
        en.fieldNames().forEachRemaining(enKeys::add);
        Set<String> jaKeys = new TreeSet<>();
        ja.fieldNames().forEachRemaining(jaKeys::add);
        assertThat(jaKeys).isEqualTo(enKeys);
        for (Iterator<String> it = en.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            assertThat(en.get(key).asText()).as(key).isNotBlank();
            assertThat(ja.get(key).asText()).as(key).isNotBlank();
            assertThat(placeholders(ja.get(key).asText())).as(key).isEqualTo(placeholders(en.get(key).asText()));
        }
    }

    @Test
    void every_key_the_page_uses_has_a_text() throws IOException {
        JsonNode en = load("en");
        Set<String> used = new TreeSet<>();
        Pattern call = Pattern.compile("\\bt\\('([a-zA-Z.]+)'");
        Pattern field = Pattern.compile("(?:field|button)\\('[\\w-]+', '([a-zA-Z.]+)'");
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".js"))::iterator) {
                String js = Files.readString(f);
                for (Pattern p : new Pattern[] {call, field}) {
                    Matcher m = p.matcher(js);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        Matcher html = Pattern.compile("data-i18n(?:-aria)?=\"([a-zA-Z.]+)\"").matcher(Files.readString(APP.resolve("index.html")));
        while (html.find()) {
            used.add(html.group(1));
        }
        for (String lesson : new String[] {"slope", "params", "error", "solver", "delta", "backwards", "macro", "before", "draw"}) {
            for (String part : new String[] {"title", "text", "q", "hint", "worked"}) {
                used.add("course." + lesson + "." + part); // t(`course.${lesson.id}.title`) and question.js
            }
        }
        for (String fn : new String[] {"bowl", "valley", "two"}) {
            used.add("course.slope.fn." + fn);
        }
        for (String c : new String[] {"A", "B", "C"}) {
            used.add("course.draw.choice" + c);
        }
        for (int phase = 0; phase <= 3; phase++) {
            used.add("course.backwards.phase" + phase);
        }
        for (String view : Views.all()) {
            used.add("nav." + view); // the tabs' texts and the title, t(`nav.${name}`), from the registry of views
        }
        used.add("train.scale.log");
        used.add("train.scale.lin");
        assertThat(used).hasSizeGreaterThan(150);
        for (String key : used) {
            assertThat(en.has(key)).as("missing text: " + key).isTrue();
        }
    }
}
