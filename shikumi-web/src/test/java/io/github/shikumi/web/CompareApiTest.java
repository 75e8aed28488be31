package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Compare view's API: every optimiser from one start, numbers checked independently, streamed, cancellable, bounded. */
class CompareApiTest {
    static TestServer server;
    static final Dataset DATA = Reference.letters(4);
    static final List<String> ALL = List.of("gd", "momentum", "cg", "derivative-free");

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode compare(String session, String body) throws InterruptedException {
        TestServer.Response r = server.post(session + "/compare", body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return Await.compared(server, session);
    }

    private static JsonNode result(JsonNode state, String optimizer) {
        for (JsonNode r : state.get("results")) {
            if (r.get("optimizer").asText().equals(optimizer)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + optimizer + ": " + state);
    }

    private static double[] curve(JsonNode state, String optimizer) {
        for (JsonNode c : state.get("curves")) {
            if (c.get("optimizer").asText().equals(optimizer)) {
                assertThat(c.get("from").asInt()).isZero();
                return Reference.doubles(c.get("e"));
            }
        }
        throw new AssertionError("no curve for " + optimizer);
    }

    /** Training accuracy counted image by image: the largest output is the prediction. */
    private static double accuracy(Network net, Dataset d) {
        int ok = 0;
        for (int n = 0; n < d.size(); n++) {
            double[] z = net.outputs(d.image(n));
            int best = 0;
            for (int k = 1; k < z.length; k++) {
                if (z[k] > z[best]) {
                    best = k;
                }
            }
            ok += best == d.target(n) ? 1 : 0;
        }
        return (double) ok / d.size();
    }

    @Test
    void no_comparison_yet_answers_state_none() {
        String s = server.session(1, "");
        JsonNode c = server.get(s + "/compare").json();
        assertThat(c.get("number").asInt()).isZero();
        assertThat(c.get("state").asText()).isEqualTo("none");
        assertThat(c.get("running").asBoolean()).isFalse();
        assertThat(c.get("results")).isEmpty();
    }

    @Test
    void every_optimizer_starts_from_the_same_e_and_lowers_it() throws Exception {
        String s = server.session(4, "");
        JsonNode c = compare(s, "{\"seed\": 7, \"hidden\": 3, \"iterations\": 60, \"eta\": 0.5}");
        assertThat(c.get("state").asText()).isEqualTo("done");
        assertThat(c.get("shape").asText()).isEqualTo("20-3-4");
        assertThat(c.get("images").asInt()).isEqualTo(16);
        double e0 = Reference.error(Network.initial(DATA, 7, 3), DATA);
        assertThat(c.get("startE").asDouble()).isCloseTo(e0, within(1e-12));
        List<String> order = new ArrayList<>();
        c.get("results").forEach(r -> order.add(r.get("optimizer").asText()));
        assertThat(order).isEqualTo(ALL);
        for (String name : ALL) {
            JsonNode r = result(c, name);
            double[] e = curve(c, name);
            assertThat(e[0]).as(name).isCloseTo(e0, within(1e-12));
            assertThat(e).as(name).hasSize(r.get("iterations").asInt() + 1);
            assertThat(r.get("iterations").asInt()).as(name).isBetween(1, 60);
            assertThat(r.get("E").asDouble()).as(name).isEqualTo(e[e.length - 1]).isLessThan(e0);
            assertThat(r.get("cancelled").asBoolean()).isFalse();
            assertThat(r.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
            long objective = r.at("/evaluations/objective").asLong();
            long gradient = r.at("/evaluations/gradient").asLong();
            assertThat(objective).as(name).isGreaterThanOrEqualTo(gradient);
            if (name.equals("derivative-free")) {
                assertThat(gradient).isZero(); // E only: never a backward pass
                assertThat(objective).isGreaterThan(79); // its first simplex alone has 80 points
            } else {
                assertThat(gradient).as(name).isPositive();
            }
        }
    }

    @Test
    void gd_row_and_curve_match_the_book_rule_applied_image_by_image() throws Exception {
        String s = server.session(4, "");
        JsonNode c = compare(s, "{\"optimizers\": [\"gd\"], \"seed\": 7, \"iterations\": 12, \"eta\": 0.5}");
        double[] e = curve(c, "gd");
        assertThat(e).hasSize(13);
        Network init = Network.initial(DATA, 7, 3);
        for (int k = 0; k <= 12; k++) {
            assertThat(e[k]).as("E at %d", k).isCloseTo(Reference.error(Reference.descend(init, DATA, 0.5, k), DATA), within(1e-12));
        }
        Network end = Reference.descend(init, DATA, 0.5, 12);
        JsonNode r = result(c, "gd");
        assertThat(r.get("iterations").asInt()).isEqualTo(12);
        assertThat(r.get("accuracy").asDouble()).isEqualTo(accuracy(end, DATA));
        // one forward and backward pass per point: the start and the 12 updated ones
        assertThat(r.at("/evaluations/objective").asLong()).isEqualTo(13);
        assertThat(r.at("/evaluations/gradient").asLong()).isEqualTo(13);
    }

    @Test
    void all_zero_initial_parameters_start_at_e_of_outputs_one_half() throws Exception {
        String s = server.session(4, "");
        JsonNode c = compare(s, "{\"optimizers\": [\"gd\", \"cg\"], \"zeroInit\": true, \"iterations\": 20}");
        // every z = σ(0) = ½, so each image's e = ½·K·(½)² = K/8 and E = N·K/8 = 16·4/8
        assertThat(c.get("startE").asDouble()).isEqualTo(8.0);
        assertThat(c.at("/settings/zeroInit").asBoolean()).isTrue();
        assertThat(curve(c, "cg")[0]).isEqualTo(8.0);
        Network zero = Network.initial(DATA, 1, 3).withParams(new double[79]);
        assertThat(curve(c, "gd")[20]).isCloseTo(Reference.error(Reference.descend(zero, DATA, 0.05, 20), DATA), within(1e-12));
    }

    @Test
    void a_bundled_dataset_can_be_compared_instead_of_the_sessions_data() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("zero-one"), "needs zero-one");
        String s = server.session(4, "");
        JsonNode c = compare(s, "{\"dataset\": \"zero-one\", \"optimizers\": [\"momentum\"], \"iterations\": 30, \"seed\": 3}");
        Dataset zo = Bundled.get("zero-one");
        assertThat(c.get("shape").asText()).isEqualTo("12-3-2");
        assertThat(c.at("/settings/dataset").asText()).isEqualTo("zero-one");
        assertThat(c.get("startE").asDouble()).isCloseTo(Reference.error(Network.initial(zo, 3, 3), zo), within(1e-12));
        assertThat(result(c, "momentum").get("E").asDouble()).isLessThan(c.get("startE").asDouble());
        assertThat(server.get(s).json().at("/data/name").asText()).isEqualTo("letters.txt"); // the session's data stay
    }

    @Test
    void event_stream_draws_each_curve_as_it_grows_and_ends_with_the_table() throws Exception {
        String s = server.session(4, "");
        try (EventStream events = new EventStream(server, s + "/compare/events", "compare")) {
            assertThat(events.next().get("state").asText()).isEqualTo("none");
            server.post(s + "/compare", "{\"seed\": 7, \"iterations\": 80, \"eta\": 0.5, \"perSecond\": 800}");
            List<List<Double>> curves = new ArrayList<>();
            int events1 = 0;
            int partial = 0;
            JsonNode ev;
            do {
                ev = events.next();
                events1++;
                assertThat(ev.get("number").asInt()).isEqualTo(1);
                JsonNode cs = ev.get("curves");
                for (int i = 0; i < cs.size(); i++) {
                    if (curves.size() <= i) {
                        curves.add(new ArrayList<>());
                    }
                    List<Double> cur = curves.get(i);
                    assertThat(cs.get(i).get("from").asInt()).isEqualTo(cur.size()); // only what is new
                    cs.get(i).get("e").forEach(v -> cur.add(v.asDouble()));
                }
                if (ev.get("running").asBoolean() && ev.get("results").size() < 4 && !curves.get(0).isEmpty()) {
                    partial++;
                }
            } while (ev.get("running").asBoolean());
            assertThat(events1).isGreaterThan(3);
            assertThat(partial).as("events while it ran").isGreaterThan(1);
            assertThat(ev.get("state").asText()).isEqualTo("done");
            assertThat(ev.get("results")).hasSize(4);
            JsonNode all = server.get(s + "/compare").json();
            for (int i = 0; i < 4; i++) {
                double[] streamed = curves.get(i).stream().mapToDouble(Double::doubleValue).toArray();
                assertThat(streamed).containsExactly(curve(all, ALL.get(i)));
            }
        }
    }

    @Test
    void a_paced_comparison_can_be_cancelled_and_keeps_what_was_done() throws Exception {
        String s = server.session(4, "");
        assertThat(server.post(s + "/compare", "{\"iterations\": 5000, \"perSecond\": 100}").status()).isEqualTo(202);
        Thread.sleep(300);
        Refused.check(server.post(s + "/compare", "{}"), 409, "cancel");
        assertThat(server.post(s + "/step", null).status()).isEqualTo(200); // training is independent of comparing
        JsonNode c = server.post(s + "/compare/cancel", null).json();
        assertThat(c.get("cancelled").asBoolean()).isTrue();
        JsonNode end = Await.compared(server, s);
        assertThat(end.get("state").asText()).isEqualTo("cancelled");
        assertThat(end.get("results")).hasSize(1);
        JsonNode gd = end.get("results").get(0);
        assertThat(gd.get("cancelled").asBoolean()).isTrue();
        assertThat(gd.get("iterations").asInt()).isBetween(1, 4999);
        assertThat(curve(end, "gd")).hasSize(gd.get("iterations").asInt() + 1);
        assertThat(curve(end, "momentum")).isEmpty();
        assertThat(server.post(s + "/compare/cancel", null).json().get("cancelled").asBoolean()).isFalse();
        JsonNode again = compare(s, "{\"optimizers\": [\"gd\"], \"iterations\": 3}");
        assertThat(again.get("number").asInt()).isEqualTo(2);
        assertThat(again.get("state").asText()).isEqualTo("done");
    }

    @Test
    void bad_comparison_requests_are_refused_and_leave_the_session_intact() throws Exception {
        String s = server.session(4, "");
        compare(s, "{\"optimizers\": [\"gd\"], \"iterations\": 5}");
        String before = server.get(s + "/compare").body();
        String summary = server.get(s).body();
        Refused.check(server.post(s + "/compare", "{\"optimizers\": [\"gd\", \"rmsprop\"]}"), 400, "rmsprop",
                "gd, momentum, adam, cg, derivative-free, solver");
        Refused.check(server.post(s + "/compare", "{\"optimizers\": [\"gd\", \"gd\"]}"), 400, "gd", "twice");
        Refused.check(server.post(s + "/compare", "{\"optimizers\": []}"), 400, "optimizers");
        Refused.check(server.post(s + "/compare", "{\"optimizers\": \"gd\"}"), 400, "optimizers", "array of strings");
        Refused.check(server.post(s + "/compare", "{\"optimizers\": [1]}"), 400, "optimizers[0]", "string");
        Refused.check(server.post(s + "/compare", "{\"iterations\": 10001}"), 400, "iterations", "10,000");
        Refused.check(server.post(s + "/compare", "{\"iterations\": 0}"), 400, "iterations");
        Refused.check(server.post(s + "/compare", "{\"iterations\": "), 400, "malformed JSON");
        Refused.check(server.post(s + "/compare", "[\"gd\"]"), 400, "JSON object");
        Refused.check(server.post(s + "/compare", "{\"zeroInit\": \"yes\"}"), 400, "zeroInit", "true or false");
        Refused.check(server.post(s + "/compare", "{\"hidden\": 33}"), 400, "hidden", "32");
        Refused.check(server.post(s + "/compare", "{\"seed\": -1}"), 400, "seed");
        Refused.check(server.post(s + "/compare", "{\"eta\": 0}"), 400, "eta");
        Refused.check(server.post(s + "/compare", "{\"perSecond\": -5}"), 400, "perSecond");
        Refused.check(server.post(s + "/compare", "{\"dataset\": \"../aple\"}"), 400, "../aple");
        Refused.check(server.post(s + "/compare?lang=ja", "{\"optimizers\": [\"rmsprop\"]}"), 400, "最適化法", "rmsprop");
        Refused.check(server.post("/api/sessions/nope/compare", "{}"), 404, "nope");
        Refused.check(server.get("/api/sessions/nope/compare"), 404, "nope");
        assertThat(server.get(s + "/compare").body()).isEqualTo(before);
        assertThat(server.get(s).body()).isEqualTo(summary);
    }

    @Test
    void work_is_bounded_by_images_parameters_iterations_and_optimizers() {
        // 16 images × 79 parameters × (100 iterations × 4 optimisers + Nelder–Mead's first simplex, 80) = 606,720
        try (TestServer small = new TestServer(WebConfig.defaults().withCompareLimits(1000, 500_000))) {
            String s = small.session(4, "");
            Refused.check(small.post(s + "/compare", "{\"iterations\": 100}"), 400, "606,720", "500,000", "80");
            assertThat(small.post(s + "/compare", "{\"iterations\": 100, \"optimizers\": [\"gd\", \"cg\", \"momentum\"]}")
                    .status()).isEqualTo(202);
            Refused.check(small.post(s + "/compare", "{\"iterations\": 1001}"), 400, "iterations", "1,000");
            JsonNode limits = small.get("/api/datasets").json().get("limits");
            assertThat(limits.get("maxCompareIterations").asInt()).isEqualTo(1000);
            assertThat(limits.get("maxCompareWork").asLong()).isEqualTo(500_000);
        }
    }
}
