package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The course's scripts need nothing a Content-Security-Policy without 'unsafe-inline' and 'unsafe-eval'
 * blocks: no eval or Function, no HTML strings, no style attributes (styles through the CSSOM or classes).
 */
class CourseCspReadyTest {
    static final Path APP = PageTextsTest.APP;
    static final Pattern BLOCKED = Pattern.compile(
            "\\beval\\(|new Function\\(|innerHTML|outerHTML|insertAdjacentHTML|document\\.write|setAttribute\\('style'|\\bstyle: |html: ");

    @Test
    void course_scripts_use_no_eval_html_strings_or_style_attributes() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(APP.resolve("course"))) {
            files = new java.util.ArrayList<>(s.filter(p -> p.toString().endsWith(".js")).toList());
        }
        files.add(APP.resolve("share.js"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        for (Path f : files) {
            String js = Files.readString(f);
            assertThat(BLOCKED.matcher(js).find()).as(f + " uses something a strict CSP blocks").isFalse();
        }
    }

    @Test
    void the_elements_helper_sets_styles_through_the_cssom() throws IOException {
        String fmt = Files.readString(APP.resolve("fmt.js"));
        assertThat(fmt).contains("el.style.cssText = v");
    }
}
