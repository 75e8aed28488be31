package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page on another site, a DNS-rebinding page, a frame or a malformed request cannot drive the server or
 * read it, and its error answers are short JSON lines (issue 14).
 */
class BrowserSafetyTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(WebConfig.defaults().withAllowedHosts(List.of("teacher-laptop.local")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String host() {
        return "127.0.0.1:" + server.app.port();
    }

    /** Status code of a raw answer. */
    private static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    private static JsonNode body(String answer) throws Exception {
        return TestServer.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    }

    @Test
    void a_state_change_sent_as_text_plain_or_a_form_is_refused() {
        // a page on another site can POST these without the browser asking first; only JSON changes state
        String text = "{\"dataset\": \"aple\"}";
        Refused.check(server.send("POST", "/api/sessions", text, "Content-Type", "text/plain"), 415, "application/json");
        Refused.check(server.send("POST", "/api/sessions", text, "Content-Type", "application/x-www-form-urlencoded"),
                415, "application/json");
        Refused.check(server.send("POST", "/api/sessions", null, "Content-Type", ""), 415, "application/json");
        assertThat(server.send("POST", "/api/sessions", text, "Content-Type", "application/json; charset=utf-8").status())
                .isEqualTo(201);
    }

    @Test
    void requests_naming_another_host_are_refused_unless_the_teacher_allowed_the_name() throws Exception {
        String rebound = Raw.request(server, "GET", "/api/health", "attacker.example:" + server.app.port(), null);
        assertThat(status(rebound)).as(rebound).isEqualTo(403);
        assertThat(body(rebound).get("error").asText()).contains("attacker.example");
        String page = Raw.request(server, "GET", "/", "attacker.example", null);
        assertThat(status(page)).isEqualTo(403);
        assertThat(status(Raw.request(server, "GET", "/api/health", host(), null))).isEqualTo(200);
        assertThat(status(Raw.request(server, "GET", "/api/health", "localhost:" + server.app.port(), null))).isEqualTo(200);
        assertThat(status(Raw.request(server, "GET", "/api/health", "Teacher-Laptop.local:" + server.app.port(), null)))
                .isEqualTo(200);
    }

    @Test
    void requests_from_a_page_of_another_origin_are_refused() {
        Refused.check(server.send("POST", "/api/sessions", "{}", "Origin", "http://attacker.example"), 403,
                "attacker.example");
        Refused.check(server.send("GET", "/api/datasets", null, "Origin", "null"), 403);
        assertThat(server.send("POST", "/api/sessions", "{}", "Origin", "http://" + host()).status()).isEqualTo(201);
    }

    @Test
    void every_answer_carries_a_content_security_policy_nosniff_and_no_referrer() {
        for (String path : List.of("/", "/app.js", "/api/health", "/api/sessions/nope")) {
            TestServer.Response r = server.get(path);
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(path).contains("default-src 'self'").contains("frame-ancestors 'none'")
                    .contains("script-src 'self' 'sha256-").doesNotContain("unsafe-eval");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void malformed_paths_are_answered_with_a_json_error() throws Exception {
        for (String path : List.of("/%", "/%00", "/%ff", "/api/sessions/%", "/api/sessions/%00/step", "/api/%ff")) {
            String answer = Raw.request(server, "GET", path, host(), null);
            assertThat(status(answer)).as(path + ": " + answer).isBetween(400, 499);
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).as(path).contains("content-type: application/json")
                    .doesNotContain("<html");
            assertThat(body(answer).get("error").asText()).as(path).isNotBlank().doesNotContain("jetty");
        }
    }

    @Test
    void error_texts_name_no_library_class_and_cut_and_escape_the_input_they_quote() throws Exception {
        String s = server.session(1, "");
        // Jackson's own words for these name its classes and features
        TestServer.Response trailing = server.post(s + "/step", "{} {}");
        Refused.check(trailing, 400);
        assertThat(trailing.error()).doesNotContain("com.fasterxml").doesNotContain("JsonNode")
                .doesNotContain("DeserializationFeature");
        // a 900 KB token is not echoed back
        TestServer.Response huge = server.send("POST", "/api/sessions", "{\"eta\": " + "x".repeat(900_000) + "}");
        Refused.check(huge, 400);
        assertThat(huge.error().length()).isLessThan(500);
        // a label quoting terminal escapes comes back escaped
        String label = "\u001b[2J\u001b]0;pwned\u0007" + "y".repeat(5);
        TestServer.Response bad = server.post(s + "/data/images",
                "{\"label\": " + TestServer.quote(label) + ", \"pixels\": " + java.util.Arrays.toString(new int[20]) + "}");
        Refused.check(bad, 400);
        assertThat(bad.error()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\u001b");
        // a bitmap text whose label line is 900 KB
        TestServer.Response upload = server.post("/api/sessions",
                "{\"text\": " + TestServer.quote("A\n" + "#".repeat(400_000) + "\n" + "#".repeat(3) + "\n") + "}");
        Refused.check(upload, 400);
        assertThat(upload.error().length()).isLessThan(500);
    }
}
