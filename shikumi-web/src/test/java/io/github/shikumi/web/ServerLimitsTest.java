package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.BitmapText;
import io.github.shikumi.model.Network;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One client, page or request cannot stop, fill or starve the server that a class shares (issue 14):
 * each finding of the issue, checked against the server as it runs.
 */
class ServerLimitsTest {

    /** {@code n} images of 28×28 pixels, two labels, as bitmap text. */
    static String large(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i % 2 == 0 ? "a" : "b").append('\n');
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    b.append((r * 31 + c * 17 + i * 7) % 5 < 2 ? '#' : '.');
                }
                b.append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String largeSession(TestServer server, int images) {
        TestServer.Response r = server.post("/api/sessions", "{\"text\": " + TestServer.quote(large(images)) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return "/api/sessions/" + r.json().get("id").asText();
    }

    @Test
    void a_nelder_mead_comparison_is_refused_by_its_memory_before_it_starts() {
        // 784-32-2: p = 25,186; the simplex holds (p + 1)·p values, about 5 GB: the work check alone let it start
        try (TestServer server = new TestServer()) {
            String s = largeSession(server, 10);
            TestServer.Response r = server.post(s + "/compare",
                    "{\"optimizers\": [\"derivative-free\"], \"iterations\": 1, \"hidden\": 32}");
            Refused.check(r, 400, "derivative-free", "25,186", "MB");
            assertThat(server.get(s + "/compare").json().get("state").asText()).isEqualTo("none");
            // the same network with gradient descent fits
            assertThat(server.post(s + "/compare", "{\"optimizers\": [\"gd\"], \"iterations\": 1, \"hidden\": 32}")
                    .status()).isEqualTo(202);
        }
    }

    @Test
    void a_comparison_stops_soon_after_cancel_even_inside_nelder_meads_first_iteration() throws Exception {
        // 784-1-2 on 1,000 images: the first simplex is p + 1 = 790 evaluations of E over all images, seconds of work
        try (TestServer server = new TestServer()) {
            String s = largeSession(server, 1000);
            assertThat(server.post(s + "/compare",
                    "{\"optimizers\": [\"derivative-free\"], \"iterations\": 400, \"hidden\": 1}").status()).isEqualTo(202);
            Thread.sleep(50); // inside the first simplex, which alone takes a quarter of a second on an idle machine
            long t0 = System.nanoTime();
            assertThat(server.post(s + "/compare/cancel", "{}").json().get("cancelled").asBoolean()).isTrue();
            JsonNode end = Await.compared(server, s);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(end.get("state").asText()).isEqualTo("cancelled");
            assertThat(seconds).as("seconds from cancel to the end").isLessThan(1.0);
        }
    }

    @Test
    void a_comparison_that_runs_out_of_memory_says_failed_with_a_reason() {
        Dataset d = BitmapText.parse("letters.txt", Letters.text(1));
        CompareJob.Settings settings = new CompareJob.Settings(List.of("gd"), "letters", 3, 1, 10, 0.5, false, 0);
        boolean[] released = {false};
        CompareJob job = new CompareJob(1, settings, Network.initial(d, 1, 3), d,
                () -> {
                    throw new OutOfMemoryError("Java heap space");
                }, () -> { }, () -> released[0] = true);
        job.run();
        java.util.Map<String, Object> state = job.snapshot(null);
        assertThat(state.get("state")).isEqualTo("failed");
        assertThat((String) state.get("error")).contains("failed").contains("memory").doesNotContain("Error");
        assertThat(released[0]).as("its memory is given back").isTrue();
    }

    @Test
    void clients_that_trickle_their_bodies_hold_no_request_thread() throws Exception {
        try (TestServer server = new TestServer(WebConfig.defaults().withRequestThreads(WebConfig.MIN_REQUEST_THREADS))) {
            List<Raw> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 3 * WebConfig.MIN_REQUEST_THREADS; i++) {
                    Raw r = new Raw(server);
                    r.write("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100000\r\n\r\n{\"a\":");
                    slow.add(r);
                }
                Thread.sleep(300);
                for (Raw r : slow) {
                    r.write(" ");
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    assertThat(server.get("/api/health").status()).isEqualTo(200);
                }
                assertThat((System.nanoTime() - t0) / 1e9).as("seconds for 5 health checks").isLessThan(3.0);
            } finally {
                for (Raw r : slow) {
                    r.close();
                }
            }
        }
    }

    @Test
    void a_connection_that_stops_sending_its_body_is_closed_after_the_idle_timeout() throws Exception {
        try (TestServer server = new TestServer(WebConfig.defaults().withIdleTimeout(Duration.ofMillis(500)));
             Raw r = new Raw(server)) {
            r.write("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{");
            long t0 = System.nanoTime();
            String answer = r.readAll();
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5.0);
            if (!answer.isEmpty()) {
                assertThat(answer).startsWith("HTTP/1.1 4");
            }
        }
    }

    @Test
    void event_streams_are_capped_per_session_and_per_server() throws Exception {
        try (TestServer server = new TestServer(WebConfig.defaults().withStreams(3, 2))) {
            String a = server.session(1, "");
            String b = server.session(1, "");
            try (EventStream a1 = new EventStream(server, a); EventStream a2 = new EventStream(server, a);
                 EventStream a3 = new EventStream(server, a)) {
                a1.next();
                a2.next();
                a3.next();
                // a's third stream closed its first: a has 2, the server 2
                try (EventStream b1 = new EventStream(server, b)) {
                    b1.next();
                    TestServer.Response refused = server.get(b + "/events");
                    Refused.check(refused, 429, "3");
                }
            }
        }
    }

    @Test
    void a_page_that_stops_reading_does_not_stall_its_sessions_run() throws Exception {
        try (TestServer server = new TestServer()) {
            String s = server.session(1, "");
            String other = server.session(1, "");
            try (Raw stopped = new Raw(server, 1024)) {
                stopped.write("GET " + s + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n");
                Thread.sleep(200);
                // ~60,000 iterations of E and accuracy: megabytes of events that the stopped page never reads
                assertThat(server.post(s + "/run", "{\"iterations\": 60000}").status()).isEqualTo(202);
                long until = System.nanoTime() + 20_000_000_000L;
                JsonNode summary = server.get(s).json();
                while (summary.at("/run/running").asBoolean() && System.nanoTime() < until) {
                    Thread.sleep(50);
                    summary = server.get(s).json();
                }
                assertThat(summary.at("/run/running").asBoolean()).as("the run ended").isFalse();
                assertThat(summary.at("/run/last").asInt()).isEqualTo(60000);
                assertThat(server.post(other + "/run", "{\"iterations\": 10}").status()).isEqualTo(202);
                assertThat(Await.idle(server, other).at("/run/last").asInt()).isEqualTo(10);
            }
        }
    }

    @Test
    void slow_motion_runs_hold_no_run_thread() throws Exception {
        try (TestServer server = new TestServer()) {
            for (int i = 0; i < 2 * WebConfig.defaults().runThreads(); i++) {
                String slow = server.session(1, "");
                assertThat(server.post(slow + "/run", "{\"iterations\": 10, \"perSecond\": 0.001}").status()).isEqualTo(202);
            }
            String s = server.session(1, "");
            assertThat(server.post(s + "/run", "{\"iterations\": 50}").status()).isEqualTo(202);
            long until = System.nanoTime() + 10_000_000_000L;
            while (server.get(s).json().at("/run/running").asBoolean() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(server.get(s).json().at("/run/last").asInt()).isEqualTo(50);
            assertThat(server.post(s + "/compare", "{\"iterations\": 20}").status()).isEqualTo(202);
            assertThat(Await.compared(server, s).get("state").asText()).isEqualTo("done");
        }
    }

    @Test
    void run_threads_are_shared_between_sessions_in_turn() throws Exception {
        // one run thread: a long run of one session does not make another's short run wait for it
        try (TestServer server = new TestServer(WebConfig.defaults().withRunThreads(1))) {
            String big = largeSession(server, 200);
            assertThat(server.put(big + "/settings", "{\"hidden\": 32}").status()).isEqualTo(200);
            assertThat(server.post(big + "/run", "{\"iterations\": 5000}").status()).isEqualTo(202);
            String small = server.session(1, "");
            assertThat(server.post(small + "/run", "{\"iterations\": 10}").status()).isEqualTo(202);
            long until = System.nanoTime() + 30_000_000_000L;
            while (server.get(small).json().at("/run/running").asBoolean() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(server.get(small).json().at("/run/last").asInt()).isEqualTo(10);
            assertThat(server.get(big).json().at("/run/running").asBoolean()).as("the long run is still going").isTrue();
            server.post(big + "/cancel", "{}");
        }
    }

    @Test
    void an_idle_session_expires_whatever_it_is_doing() throws Exception {
        try (TestServer server = new TestServer(WebConfig.defaults().withSessions(100, Duration.ofMinutes(30)))) {
            String s = server.session(1, "");
            assertThat(server.post(s + "/run", "{\"iterations\": 10, \"perSecond\": 0.01}").status()).isEqualTo(202);
            server.clock.addAndGet(Duration.ofMinutes(31).toMillis());
            server.session(1, ""); // any creation purges (as does the server once a minute)
            Refused.check(server.get(s), 404);
        }
    }

    @Test
    void one_client_address_may_hold_only_its_share_of_the_sessions() {
        try (TestServer server = new TestServer(WebConfig.defaults().withSessionsPerClient(3))) {
            String first = null;
            for (int i = 0; i < 3; i++) {
                String s = server.session(1, "");
                first = first == null ? s : first;
            }
            Refused.check(server.post("/api/sessions", "{}"), 429, "3");
            assertThat(server.delete(first).status()).isEqualTo(204);
            assertThat(server.post("/api/sessions", "{}").status()).isEqualTo(201);
        }
    }

    @Test
    void sessions_are_refused_when_the_servers_memory_budget_is_taken() {
        // a 784-3-2 session of 200 images is estimated at about 25 MB (its history for time travel most of it)
        try (TestServer server = new TestServer(WebConfig.defaults().withMaxMemoryBytes(100_000_000))) {
            int made = 0;
            TestServer.Response r;
            while ((r = server.post("/api/sessions", "{\"text\": " + TestServer.quote(large(200)) + "}")).status() == 201) {
                made++;
                assertThat(made).isLessThan(20);
            }
            Refused.check(r, 503, "MB", "100 MB");
            assertThat(made).isGreaterThan(0);
            // small sessions still fit in what is left
            assertThat(server.post("/api/sessions", "{}").status()).isEqualTo(201);
        }
    }

    @Test
    void a_refused_image_add_leaves_the_labels_as_they_were() {
        try (TestServer server = new TestServer(WebConfig.defaults().withMaxImages(4))) {
            String s = server.session(1, "");
            List<String> before = new ArrayList<>();
            server.get(s + "/data").json().get("labels").forEach(l -> before.add(l.asText()));
            // at the image limit, an image with a new label: refused after the label was taken
            Refused.check(server.post(s + "/data/images", "{\"label\": \"Z\", \"pixels\": "
                    + java.util.Arrays.toString(new int[20]) + "}"), 400, "4");
            List<String> after = new ArrayList<>();
            server.get(s + "/data").json().get("labels").forEach(l -> after.add(l.asText()));
            assertThat(after).isEqualTo(before);
            assertThat(server.get(s).json().at("/data/edited").asBoolean()).isFalse();
        }
    }

    @Test
    void one_client_address_may_hold_only_its_share_of_the_connections() throws Exception {
        try (TestServer server = new TestServer(WebConfig.defaults().withConnectionsPerClient(4))) {
            List<Raw> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Raw r = new Raw(server);
                    r.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    assertThat(r.readAll()).startsWith("HTTP/1.1 200");
                    held.add(r); // kept open (keep-alive)
                }
                try (Raw fifth = new Raw(server)) {
                    String answer;
                    try {
                        fifth.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                        answer = fifth.readAll();
                    } catch (java.io.IOException closed) {
                        answer = "";
                    }
                    assertThat(answer).as("the fifth connection is closed unanswered").isEmpty();
                }
            } finally {
                for (Raw r : held) {
                    r.close();
                }
            }
            // once the server has seen them close, the address may connect again
            long until = System.nanoTime() + 10_000_000_000L;
            boolean answered = false;
            while (!answered && System.nanoTime() < until) {
                Thread.sleep(100);
                try (Raw again = new Raw(server)) {
                    again.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                    answered = again.readAll().startsWith("HTTP/1.1 200");
                } catch (java.io.IOException closed) {
                    answered = false;
                }
            }
            assertThat(answered).isTrue();
        }
    }
}
