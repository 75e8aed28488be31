package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worksheets from the page (issue 15): the key of an image at an iteration carries the numbers the trace
 * gives for them (s, z, δ of every unit), the blank sheet none of them; in the page's language; a network a sheet
 * cannot show, a kind that does not exist and an iteration not trained are refused in one line.
 */
class WorksheetApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The key's boxes: data-name → data-value (the full double). */
    private static Map<String, Double> boxes(String html) {
        Map<String, Double> m = new LinkedHashMap<>();
        Matcher b = Pattern.compile("data-name=\"([^\"]+)\" data-value=\"([^\"]+)\"").matcher(html);
        while (b.find()) {
            m.put(b.group(1), Double.parseDouble(b.group(2)));
        }
        return m;
    }

    @Test
    void the_key_holds_the_traces_numbers_and_the_blank_sheet_none() {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        server.post(s + "/step", "{\"iterations\": 5}");
        JsonNode tr = server.get(s + "/trace?iteration=3&image=2").json();
        TestServer.Response key = server.get(s + "/worksheet?iteration=3&image=2&kind=all&answers=true&lang=en");
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.header("content-type")).startsWith("text/html");
        Map<String, Double> boxes = boxes(key.body());
        assertThat(boxes).isNotEmpty();
        for (int l = 0; l < 2; l++) {
            String layer = l == 0 ? "H" : "O";
            String out = l == 0 ? "h" : "z";
            for (int j = 0; j < tr.at("/layers/" + l + "/s").size(); j++) {
                assertThat(boxes.get("s" + layer + "[" + (j + 1) + "]")).as("s%s[%d]", layer, j + 1)
                        .isEqualTo(tr.at("/layers/" + l + "/s/" + j).asDouble());
                assertThat(boxes.get(out + "[" + (j + 1) + "]")).isEqualTo(tr.at("/layers/" + l + "/z/" + j).asDouble());
                assertThat(boxes.get("δ" + layer + "[" + (j + 1) + "]")).isCloseTo(tr.at("/deltas/" + l + "/delta/" + j).asDouble(),
                        within(1e-15));
            }
        }
        assertThat(key.body()).contains("Backpropagation worksheet, ANSWER KEY").contains("after 3 iterations");
        String blank = server.get(s + "/worksheet?iteration=3&image=2&kind=forward&lang=ja").body();
        assertThat(boxes(blank)).isEmpty();
        assertThat(blank).contains("<html lang=\"ja\"").doesNotContain("ANSWER KEY").doesNotContain("backward pass");
        assertThat(server.get(s + "/worksheet?iteration=3&image=2&kind=all&answers=true&lang=en").body()).isEqualTo(key.body());
    }

    @Test
    void what_a_sheet_cannot_show_is_refused_in_one_line() {
        String s = server.session(4, "\"seed\": 7");
        Refused.check(server.get(s + "/worksheet?image=0&kind=sideways"), 400, "kind", "forward");
        Refused.check(server.get(s + "/worksheet?image=0&iteration=9"), 400, "iteration 9");
        Refused.check(server.get(s + "/worksheet?kind=all"), 400, "image");
        String tanh = server.session(4, "\"seed\": 7, \"activation\": \"tanh\"");
        Refused.check(server.get(tanh + "/worksheet?image=0"), 400, "σ units", "20-3-4");
        String wide = server.session(4, "\"seed\": 7, \"hidden\": 11");
        Refused.check(server.get(wide + "/worksheet?image=0&lang=ja"), 400, "20-11-4", "10");
    }
}
