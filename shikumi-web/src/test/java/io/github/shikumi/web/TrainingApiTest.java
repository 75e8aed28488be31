package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainingApiTest {
    static TestServer server;
    static final Dataset DATA = Reference.letters(4);

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Network networkAt(String session, int k) {
        Network init = Network.initial(DATA, 7, 3);
        JsonNode n = server.get(session + "/network?iteration=" + k).json();
        return init.withParams(Reference.params(n, init.layout()));
    }

    @Test
    void new_session_starts_from_the_seeded_initial_parameters() {
        String s = server.session(4, "\"seed\": 7, \"hidden\": 3, \"eta\": 0.5");
        JsonNode sum = server.get(s).json();
        assertThat(sum.at("/settings/eta").asDouble()).isEqualTo(0.5);
        assertThat(sum.at("/network/shape").asText()).isEqualTo("20-3-4");
        assertThat(sum.at("/network/parameters").asInt()).isEqualTo(79);
        assertThat(sum.at("/data/size").asInt()).isEqualTo(16);
        assertThat(sum.at("/run/last").asInt()).isZero();
        assertThat(networkAt(s, 0).params()).containsExactly(Network.initial(DATA, 7, 3).params());
        assertThat(sum.at("/run/e").asDouble()).isCloseTo(Reference.error(Network.initial(DATA, 7, 3), DATA), within(1e-12));
    }

    @Test
    void step_matches_the_book_rule_applied_image_by_image() {
        String s = server.session(4, "\"seed\": 7, \"hidden\": 3, \"eta\": 0.5");
        TestServer.Response r = server.post(s + "/step", "{\"iterations\": 3}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("last").asInt()).isEqualTo(3);
        Network expected = Reference.descend(Network.initial(DATA, 7, 3), DATA, 0.5, 3);
        assertThat(networkAt(s, 3).params()).containsExactly(expected.params(), within(1e-12));
        assertThat(r.json().get("e").asDouble()).isCloseTo(Reference.error(expected, DATA), within(1e-12));
        JsonNode curve = server.get(s + "/curve").json();
        assertThat(curve.get("e").size()).isEqualTo(4);
        for (int k = 0; k <= 3; k++) {
            Network at = Reference.descend(Network.initial(DATA, 7, 3), DATA, 0.5, k);
            assertThat(curve.get("e").get(k).asDouble()).isCloseTo(Reference.error(at, DATA), within(1e-12));
        }
        assertThat(curve.get("eta").get(0).isNull()).isTrue();
        assertThat(curve.get("eta").get(3).asDouble()).isEqualTo(0.5);
    }

    @Test
    void step_without_body_does_one_iteration() {
        String s = server.session(1, "");
        assertThat(server.post(s + "/step", null).json().get("last").asInt()).isEqualTo(1);
    }

    @Test
    void reset_draws_the_same_initial_parameters_again() {
        String s = server.session(4, "\"seed\": 7");
        server.post(s + "/step", "{\"iterations\": 5}");
        JsonNode r = server.post(s + "/reset", null).json();
        assertThat(r.at("/run/last").asInt()).isZero();
        assertThat(networkAt(s, 0).params()).containsExactly(Network.initial(DATA, 7, 3).params());
    }

    @Test
    void settings_eta_changes_only_future_steps_and_seed_restarts() {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        server.post(s + "/step", "{\"iterations\": 2}");
        JsonNode r = server.put(s + "/settings", "{\"eta\": 2.0}").json();
        assertThat(r.at("/settings/eta").asDouble()).isEqualTo(2.0);
        assertThat(r.at("/run/last").asInt()).isEqualTo(2);
        server.post(s + "/step", null);
        Network two = Reference.descend(Network.initial(DATA, 7, 3), DATA, 0.5, 2);
        assertThat(networkAt(s, 3).params()).containsExactly(Reference.descend(two, DATA, 2.0, 1).params(), within(1e-12));
        JsonNode reseeded = server.put(s + "/settings", "{\"seed\": 8, \"hidden\": 5}").json();
        assertThat(reseeded.at("/run/last").asInt()).isZero();
        assertThat(reseeded.at("/network/shape").asText()).isEqualTo("20-5-4");
        assertThat(reseeded.at("/settings/seed").asLong()).isEqualTo(8);
    }

    @Test
    void branch_continues_from_an_earlier_iteration_with_another_eta() {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        server.post(s + "/step", "{\"iterations\": 10}");
        double[] p4 = networkAt(s, 4).params();
        JsonNode b = server.post(s + "/branch", "{\"iteration\": 4, \"eta\": 1.5}").json();
        assertThat(b.at("/run/last").asInt()).isEqualTo(4);
        assertThat(b.at("/settings/eta").asDouble()).isEqualTo(1.5);
        server.post(s + "/step", "{\"iterations\": 2}");
        assertThat(networkAt(s, 4).params()).containsExactly(p4);
        Network expected = Reference.descend(networkAt(s, 4), DATA, 1.5, 2);
        assertThat(networkAt(s, 6).params()).containsExactly(expected.params(), within(1e-12));
        JsonNode curve = server.get(s + "/curve").json();
        assertThat(curve.get("branchedE").size()).isEqualTo(11);
        assertThat(curve.get("eta").get(4).asDouble()).isEqualTo(0.5);
        assertThat(curve.get("eta").get(5).asDouble()).isEqualTo(1.5);
        assertThat(curve.get("branchedE").get(4).asDouble()).isEqualTo(curve.get("e").get(4).asDouble());
    }

    @Test
    void run_in_the_background_reaches_its_target_and_e_falls() throws Exception {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        TestServer.Response r = server.post(s + "/run", "{\"iterations\": 300}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().at("/run/target").asInt()).isEqualTo(300);
        JsonNode sum = Await.idle(server, s);
        assertThat(sum.at("/run/last").asInt()).isEqualTo(300);
        JsonNode curve = server.get(s + "/curve").json();
        assertThat(curve.get("e").get(300).asDouble()).isLessThan(curve.get("e").get(0).asDouble() / 5);
        Network expected = Reference.descend(Network.initial(DATA, 7, 3), DATA, 0.5, 300);
        assertThat(networkAt(s, 300).params()).containsExactly(expected.params(), within(1e-9));
    }

    @Test
    void paced_run_can_be_cancelled_and_keeps_the_iterations_done() throws Exception {
        String s = server.session(4, "");
        server.post(s + "/run", "{\"iterations\": 5000, \"perSecond\": 100}");
        Thread.sleep(300);
        TestServer.Response busy = server.post(s + "/step", null);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.error()).contains("cancel");
        JsonNode c = server.post(s + "/cancel", null).json();
        assertThat(c.get("cancelled").asBoolean()).isTrue();
        JsonNode sum = Await.idle(server, s);
        int last = sum.at("/run/last").asInt();
        assertThat(last).isBetween(1, 4999);
        assertThat(server.get(s + "/curve").json().get("e").size()).isEqualTo(last + 1);
        assertThat(server.post(s + "/step", null).json().get("last").asInt()).isEqualTo(last + 1);
        assertThat(server.post(s + "/cancel", null).json().get("cancelled").asBoolean()).isFalse();
    }

    @Test
    void event_stream_sends_the_curve_and_the_end_of_a_run() throws Exception {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        try (EventStream events = new EventStream(server, s)) {
            JsonNode first = events.next();
            assertThat(first.get("from").asInt()).isZero();
            assertThat(first.get("e").size()).isEqualTo(1);
            server.post(s + "/run", "{\"iterations\": 200, \"perSecond\": 1000}");
            java.util.List<Double> e = new java.util.ArrayList<>();
            e.add(first.get("e").get(0).asDouble());
            JsonNode ev;
            do {
                ev = events.next();
                while (e.size() > ev.get("from").asInt()) {
                    e.remove(e.size() - 1);
                }
                ev.get("e").forEach(v -> e.add(v.asDouble()));
            } while (ev.get("running").asBoolean() || ev.get("last").asInt() < 200);
            assertThat(e).hasSize(201);
            double[] curve = Reference.doubles(server.get(s + "/curve").json().get("e"));
            assertThat(e.stream().mapToDouble(Double::doubleValue).toArray()).containsExactly(curve);
            server.post(s + "/reset", null);
            JsonNode reset = events.next();
            assertThat(reset.get("from").asInt()).isZero();
            assertThat(reset.get("last").asInt()).isZero();
        }
    }

    @Test
    void bad_training_requests_are_refused_and_leave_the_session_intact() {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        server.post(s + "/step", "{\"iterations\": 2}");
        String before = server.get(s).body();
        Refused.check(server.post(s + "/step", "{\"iterations\": 0}"), 400, "iterations", "1", "100");
        Refused.check(server.post(s + "/step", "{\"iterations\": 101}"), 400, "iterations");
        Refused.check(server.post(s + "/step", "{\"iterations\": \"ten\"}"), 400, "iterations", "integer");
        Refused.check(server.post(s + "/step", "{\"iterations\": 1.5}"), 400, "integer");
        Refused.check(server.post(s + "/step", "{\"iterations\": "), 400, "malformed JSON");
        Refused.check(server.post(s + "/step", "[1, 2]"), 400, "JSON object");
        Refused.check(server.post(s + "/step", "{\"iterations\": 1, \"iterations\": 2}"), 400, "malformed JSON");
        Refused.check(server.post(s + "/run", "{\"iterations\": 0}"), 400, "iterations");
        Refused.check(server.post(s + "/run", "{\"iterations\": 100001}"), 400, "100,000");
        Refused.check(server.post(s + "/run", "{\"perSecond\": -1}"), 400, "perSecond");
        Refused.check(server.post(s + "/branch", "{\"iteration\": 1}"), 400, "eta");
        Refused.check(server.post(s + "/branch", "{\"eta\": 1}"), 400, "iteration");
        Refused.check(server.post(s + "/branch", "{\"iteration\": 3, \"eta\": 1}"), 400, "iteration 3", "0 to 2");
        Refused.check(server.post(s + "/branch", "{\"iteration\": 1, \"eta\": 0}"), 400, "eta");
        Refused.check(server.post(s + "/branch", "{\"iteration\": 1, \"eta\": NaN}"), 400, "malformed JSON");
        Refused.check(server.put(s + "/settings", "{\"eta\": -0.1}"), 400, "eta");
        Refused.check(server.put(s + "/settings", "{\"eta\": 1000}"), 400, "eta");
        Refused.check(server.put(s + "/settings", "{\"eta\": \"fast\"}"), 400, "eta", "number");
        Refused.check(server.put(s + "/settings", "{\"hidden\": 0}"), 400, "hidden");
        Refused.check(server.put(s + "/settings", "{\"hidden\": 33}"), 400, "hidden", "32");
        Refused.check(server.put(s + "/settings", "{\"seed\": -1}"), 400, "seed");
        Refused.check(server.put(s + "/settings", "{\"eta\": 1, \"seed\": -1}"), 400, "seed");
        Refused.check(server.get(s + "/curve?from=x"), 400, "from");
        assertThat(server.get(s).body()).isEqualTo(before);
    }

    @Test
    void bad_session_creation_is_refused() {
        Refused.check(server.post("/api/sessions", "{\"dataset\": \"nope\"}"), 400, "nope");
        Refused.check(server.post("/api/sessions", "{\"dataset\": \"../../etc/passwd\"}"), 400, "passwd");
        Refused.check(server.post("/api/sessions", "{\"hidden\": 1000, \"text\": " + TestServer.quote(Letters.text(1)) + "}"),
                400, "hidden");
        Refused.check(server.post("/api/sessions", "{\"name\": \"mine.txt\", \"text\": \"A\\n.#\\n#\\n\"}"), 400, "mine.txt:3");
        Refused.check(server.post("/api/sessions", "{\"text\": 5}"), 400, "text", "string");
        Refused.check(server.post("/api/sessions", "{\"eta\": 0, \"text\": " + TestServer.quote(Letters.text(1)) + "}"), 400, "eta");
    }

    @Test
    void history_is_bounded_and_a_full_session_says_how_to_go_on() {
        // room for 100 checkpoints of the book's 79 parameters, 64 iterations apart at most
        try (TestServer small = new TestServer(WebConfig.defaults().withMaxHistoryValues(79 * 100))) {
            String s = small.session(1, "");
            int max = small.get(s).json().at("/run/maxIterations").asInt();
            assertThat(max).isEqualTo(100 * 64 - 1);
            for (int i = 0; i < 63; i++) {
                assertThat(small.post(s + "/step", "{\"iterations\": 100}").status()).isEqualTo(200);
            }
            assertThat(small.post(s + "/step", "{\"iterations\": 90}").status()).isEqualTo(200);
            Refused.check(small.post(s + "/step", "{\"iterations\": 10}"), 400, "6,399", "6,390", "branch");
            Refused.check(small.post(s + "/run", "{\"iterations\": 10}"), 400, "6,399");
            assertThat(small.get(s).json().at("/run/last").asInt()).isEqualTo(6390);
            assertThat(small.post(s + "/step", "{\"iterations\": 9}").status()).isEqualTo(200);
        }
    }
}
