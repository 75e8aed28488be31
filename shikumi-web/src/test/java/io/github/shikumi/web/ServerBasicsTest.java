package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerBasicsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void open_event_streams_do_not_hold_the_few_request_threads() throws Exception {
        // the fewest request threads the server takes; each open stream would hold one if streams blocked
        try (TestServer small = new TestServer(WebConfig.defaults().withRequestThreads(WebConfig.MIN_REQUEST_THREADS)
                .withStreams(400, 3 * WebConfig.MIN_REQUEST_THREADS))) {
            String s = small.session(1, "");
            java.util.List<EventStream> streams = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 3 * WebConfig.MIN_REQUEST_THREADS; i++) {
                    streams.add(new EventStream(small, s));
                }
                assertThat(small.post(s + "/step", "{\"iterations\": 5}").status()).isEqualTo(200);
                for (EventStream e : streams) {
                    int last = -1;
                    while (last != 5) {
                        last = e.next().get("last").asInt();
                    }
                }
                assertThat(small.get(s).json().at("/run/last").asInt()).isEqualTo(5);
            } finally {
                for (EventStream e : streams) {
                    e.close();
                }
            }
        }
    }

    @Test
    void too_few_request_threads_are_refused() {
        assertThatThrownBy(() -> WebConfig.defaults().withRequestThreads(WebConfig.MIN_REQUEST_THREADS - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void health_answers_status_ok() {
        TestServer.Response r = server.get("/api/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("ok");
        assertThat(r.json().size()).isEqualTo(1);
        assertThat(r.header("content-type")).startsWith("application/json");
    }

    @Test
    void page_and_webjar_are_served_from_the_jar() {
        TestServer.Response page = server.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("app.js");
        TestServer.Response chart = server.get("/webjars/uplot/" + System.getProperty("uplot.version", "1.6.30")
                + "/dist/uPlot.esm.js");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("export");
    }

    @Test
    void default_bind_address_is_loopback() {
        assertThat(WebConfig.defaults().host()).isEqualTo("127.0.0.1");
        assertThat(WebConfig.defaults().port()).isEqualTo(8080);
    }

    @Test
    void unknown_api_path_is_404_json() {
        TestServer.Response r = server.get("/api/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("/api/nothing-here");
    }

    @Test
    void wrong_method_is_405_json() {
        TestServer.Response r = server.delete("/api/health");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.error()).contains("DELETE");
    }

    @Test
    void errors_come_in_japanese_when_the_page_asks_for_japanese() {
        TestServer.Response r = server.send("GET", "/api/sessions/nope", null, "Accept-Language", "ja");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("セッション");
        TestServer.Response en = server.get("/api/sessions/nope?lang=en");
        assertThat(en.error()).contains("no session");
    }

    @Test
    void no_endpoint_serves_files_outside_the_app() {
        for (String path : new String[] {"/../pom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/io/github/shikumi/web/ShikumiServer.class",
                "/webjars/../../META-INF/MANIFEST.MF"}) {
            TestServer.Response r = server.get(path);
            assertThat(r.status()).as(path).isIn(400, 404);
            assertThat(r.body()).as(path).doesNotContain("root:").doesNotContain("<project");
        }
    }

    @Test
    void body_over_the_limit_is_413_and_the_session_is_intact() {
        try (TestServer small = new TestServer(WebConfig.defaults().withMaxBodyBytes(2000))) {
            String session = small.session(1, "");
            String big = "{\"iterations\": 1, \"pad\": \"" + "x".repeat(5000) + "\"}";
            TestServer.Response r = small.post(session + "/step", big);
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.error()).contains("2,000");
            assertThat(small.get(session).json().at("/run/last").asInt()).isZero();
            assertThat(small.post(session + "/step", "{\"iterations\": 1}").status()).isEqualTo(200);
        }
    }

    @Test
    void sessions_are_bounded_in_number() {
        try (TestServer small = new TestServer(WebConfig.defaults().withSessions(2, Duration.ofMinutes(5)))) {
            small.session(1, "");
            small.session(1, "");
            TestServer.Response r = small.post("/api/sessions", "{\"text\": " + TestServer.quote(Letters.text(1)) + "}");
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.error()).contains("2");
        }
    }

    @Test
    void idle_sessions_are_forgotten_and_make_room() {
        try (TestServer small = new TestServer(WebConfig.defaults().withSessions(1, Duration.ofMinutes(5)))) {
            String first = small.session(1, "");
            small.clock.addAndGet(Duration.ofMinutes(4).toMillis());
            assertThat(small.get(first).status()).isEqualTo(200); // used: its lifetime starts again
            small.clock.addAndGet(Duration.ofMinutes(4).toMillis());
            assertThat(small.get(first).status()).isEqualTo(200);
            small.clock.addAndGet(Duration.ofMinutes(6).toMillis());
            TestServer.Response gone = small.get(first);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.error()).contains("5");
            small.session(1, ""); // room again
        }
    }

    @Test
    void deleted_session_is_gone() {
        String s = server.session(1, "");
        assertThat(server.delete(s).status()).isEqualTo(204);
        assertThat(server.get(s).status()).isEqualTo(404);
        assertThat(server.delete(s).status()).isEqualTo(404);
    }
}
