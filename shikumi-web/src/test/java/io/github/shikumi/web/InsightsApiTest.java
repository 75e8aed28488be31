package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InsightsApiTest {
    static TestServer server;
    static final Dataset DATA = Reference.letters(4);
    static String session;
    /** The session's network after 20 iterations with η = 0.5, computed here independently. */
    static Network trained;

    @BeforeAll
    static void start() {
        server = new TestServer();
        session = server.session(4, "\"seed\": 3, \"eta\": 0.5");
        server.post(session + "/step", "{\"iterations\": 20}");
        trained = Reference.descend(Network.initial(DATA, 3, 3), DATA, 0.5, 20);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void network_shows_weights_thresholds_and_the_selected_images_s_and_z() {
        JsonNode n = server.get(session + "/network?image=5").json();
        assertThat(n.get("iteration").asInt()).isEqualTo(20);
        assertThat(n.get("sizes").toString()).isEqualTo("[20,3,4]");
        assertThat(n.get("layers").get(0).get("name").asText()).isEqualTo("H");
        assertThat(n.get("layers").get(1).get("name").asText()).isEqualTo("O");
        ParamLayout lay = trained.layout();
        assertThat(Reference.params(n, lay)).containsExactly(trained.params(), within(1e-12));
        JsonNode act = n.get("activations");
        assertThat(act.get("label").asText()).isEqualTo(DATA.labelOf(5));
        double[] x = DATA.image(5);
        for (int j = 0; j < 3; j++) {
            double s = -trained.threshold(0, j);
            for (int i = 0; i < 20; i++) {
                s += trained.weight(0, j, i) * x[i]; // s_j = Σ w_ji·x_i − θ_j, by hand
            }
            assertThat(act.get("layers").get(0).get("s").get(j).asDouble()).isCloseTo(s, within(1e-12));
            assertThat(act.get("layers").get(0).get("z").get(j).asDouble()).isCloseTo(1 / (1 + Math.exp(-s)), within(1e-12));
        }
        assertThat(Reference.doubles(act.get("layers").get(1).get("z"))).containsExactly(trained.outputs(x), within(1e-12));
        assertThat(server.get(session + "/network?iteration=0").json().get("iteration").asInt()).isZero();
    }

    @Test
    void trace_gives_deltas_gradients_their_sums_and_the_update() {
        JsonNode t = server.get(session + "/trace?image=2").json();
        double[] x = DATA.image(2);
        double[] z = trained.outputs(x);
        int target = DATA.target(2);
        for (int k = 0; k < 4; k++) {
            double tk = k == target ? 1 : 0;
            double deltaO = -(tk - z[k]) * z[k] * (1 - z[k]); // δO_k = −(t_k − z_k)·z_k(1 − z_k)
            assertThat(t.at("/deltas/1/delta/" + k).asDouble()).isCloseTo(deltaO, within(1e-12));
        }
        double eta = t.get("eta").asDouble();
        assertThat(eta).isEqualTo(0.5);
        double[] total = Reference.doubles(t.get("gradTotal"));
        assertThat(total).containsExactly(Reference.gradient(trained, DATA), within(1e-10));
        double[] p = Reference.doubles(t.get("params"));
        double[] update = Reference.doubles(t.get("update"));
        for (int i = 0; i < p.length; i++) {
            assertThat(update[i]).isCloseTo(p[i] - eta * total[i], within(1e-15));
        }
        assertThat(t.get("E").asDouble()).isCloseTo(Reference.error(trained, DATA), within(1e-12));
        assertThat(t.get("names").get(0).asText()).isEqualTo("wH[1][1]");
        assertThat(t.get("names").get(78).asText()).isEqualTo("θO[4]");
        double[] gImage = Reference.doubles(t.get("gradImage"));
        int theta = trained.layout().threshold(1, 0);
        assertThat(gImage[theta]).isEqualTo(-t.at("/deltas/1/delta/0").asDouble()); // ∂e/∂θ = −δ
        int w = trained.layout().weight(1, 2, 1);
        assertThat(gImage[w]).isCloseTo(t.at("/deltas/1/delta/2").asDouble()
                * t.at("/layers/0/z/1").asDouble(), within(1e-15)); // ∂e/∂w = δ·input
    }

    @Test
    void the_next_iteration_is_the_traced_update() {
        JsonNode t = server.get(session + "/trace?image=0&iteration=7").json();
        double[] update = Reference.doubles(t.get("update"));
        double[] next = Reference.params(server.get(session + "/network?iteration=8").json(), trained.layout());
        assertThat(next).containsExactly(update, within(1e-12));
    }

    @Test
    void gradcheck_compares_backprop_with_central_differences() {
        JsonNode g = server.get(session + "/gradcheck").json();
        double[] bp = Reference.doubles(g.get("backprop"));
        double[] num = Reference.doubles(g.get("numerical"));
        assertThat(bp).containsExactly(Reference.gradient(trained, DATA), within(1e-10));
        double h = 1e-5;
        for (int i : new int[] {0, 17, 60, 78}) {
            double[] p = trained.params();
            p[i] += h;
            double plus = Reference.error(trained.withParams(p), DATA);
            p[i] -= 2 * h;
            double minus = Reference.error(trained.withParams(p), DATA);
            assertThat(num[i]).isCloseTo((plus - minus) / (2 * h), within(1e-9));
        }
        assertThat(g.get("maxRelative").asDouble()).isLessThan(1e-6);
        assertThat(g.get("passes").asBoolean()).isTrue();
    }

    @Test
    void results_compare_before_and_after_with_accuracy_and_confusion() {
        JsonNode r = server.get(session + "/results").json();
        Network before = Network.initial(DATA, 3, 3);
        for (String which : new String[] {"before", "after"}) {
            Network net = which.equals("before") ? before : trained;
            JsonNode part = r.get(which);
            int correct = 0;
            int[][] confusion = new int[4][4];
            for (int n = 0; n < DATA.size(); n++) {
                double[] z = net.outputs(DATA.image(n));
                int best = 0;
                for (int k = 1; k < 4; k++) {
                    best = z[k] > z[best] ? k : best;
                }
                correct += best == DATA.target(n) ? 1 : 0;
                confusion[DATA.target(n)][best]++;
                JsonNode row = part.get("predictions").get(n);
                assertThat(row.get("predicted").asText()).isEqualTo(DATA.labels().get(best));
                assertThat(row.get("correct").asBoolean()).isEqualTo(best == DATA.target(n));
                assertThat(Reference.doubles(row.get("outputs"))).containsExactly(z, within(1e-12));
            }
            assertThat(part.get("correct").asInt()).isEqualTo(correct);
            assertThat(part.get("accuracy").asDouble()).isEqualTo(correct / 16.0);
            for (int a = 0; a < 4; a++) {
                for (int p = 0; p < 4; p++) {
                    assertThat(part.at("/confusion/" + a + "/" + p).asInt()).isEqualTo(confusion[a][p]);
                }
            }
        }
    }

    @Test
    void classify_gives_outputs_the_label_and_each_pixels_pull() {
        double[] x = Letters.pixels("L");
        StringBuilder px = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            px.append(i == 0 ? "" : ",").append(x[i]);
        }
        JsonNode c = server.post(session + "/classify", "{\"pixels\": " + px + "]}").json();
        double[] z = trained.outputs(x);
        assertThat(Reference.doubles(c.get("outputs"))).containsExactly(z, within(1e-12));
        int best = Network.argmax(z);
        assertThat(c.get("predicted").asText()).isEqualTo(DATA.labels().get(best));
        double h = 1e-6;
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 20; i++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (trained.outputs(up)[k] - trained.outputs(down)[k]) / (2 * h);
                assertThat(c.at("/sensitivity/" + k + "/" + i).asDouble()).isCloseTo(numeric, within(1e-8));
            }
        }
        JsonNode early = server.post(session + "/classify", "{\"iteration\": 0, \"pixels\": " + px + "]}").json();
        assertThat(Reference.doubles(early.get("outputs"))).containsExactly(Network.initial(DATA, 3, 3).outputs(x), within(1e-12));
    }

    @Test
    void exported_model_loads_in_core_and_matches_the_iteration() {
        TestServer.Response r = server.get(session + "/export/model?iteration=12");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-disposition")).contains("attachment").contains("letters-model-12.json");
        Network net = ModelJson.parse("download.json", r.body());
        Network expected = Reference.descend(Network.initial(DATA, 3, 3), DATA, 0.5, 12);
        assertThat(net.params()).containsExactly(expected.params(), within(1e-12));
        assertThat(net.labels()).containsExactly("A", "P", "L", "E");
        assertThat(net.provenance()).containsEntry("iterations", 12).containsEntry("seed", 3);
    }

    @Test
    void bad_view_requests_are_refused() {
        String before = server.get(session).body();
        Refused.check(server.get(session + "/trace"), 400, "image");
        Refused.check(server.get(session + "/trace?image=16"), 400, "image 16", "0 to 15");
        Refused.check(server.get(session + "/trace?image=-1"), 400, "image -1");
        Refused.check(server.get(session + "/trace?image=one"), 400, "image", "integer");
        Refused.check(server.get(session + "/trace?image=0&iteration=21"), 400, "iteration 21", "0 to 20");
        Refused.check(server.get(session + "/network?iteration=-2"), 400, "iteration");
        Refused.check(server.get(session + "/network?image=99"), 400, "image 99");
        Refused.check(server.get(session + "/results?iteration=x"), 400, "iteration");
        Refused.check(server.get(session + "/gradcheck?iteration=50"), 400, "iteration 50");
        Refused.check(server.get(session + "/export/model?iteration=99"), 400, "iteration 99");
        Refused.check(server.post(session + "/classify", "{}"), 400, "pixels");
        Refused.check(server.post(session + "/classify", "{\"pixels\": [0.5]}"), 400, "20");
        String twenty = "[" + "0,".repeat(19) + "1.5]";
        Refused.check(server.post(session + "/classify", "{\"pixels\": " + twenty + "}"), 400, "pixels[19]");
        String nulls = "[" + "0,".repeat(19) + "null]";
        Refused.check(server.post(session + "/classify", "{\"pixels\": " + nulls + "}"), 400, "pixels[19]");
        Refused.check(server.post(session + "/classify", "{\"pixels\": " + "[" + "0,".repeat(19) + "0]" + ", \"iteration\": 30}"),
                400, "iteration 30");
        for (String path : new String[] {"/trace?image=0", "/network", "/results", "/gradcheck", "/export/model",
                "/export/data", "/data", "/curve"}) {
            Refused.check(server.get("/api/sessions/0123456789abcdef" + path), 404, "0123456789abcdef");
        }
        Refused.check(server.post("/api/sessions/nope/classify", "{}"), 404, "nope");
        assertThat(server.get(session).body()).isEqualTo(before);
    }

    @Test
    void gradcheck_on_a_too_large_problem_is_refused() {
        StringBuilder big = new StringBuilder();
        for (int n = 0; n < 200; n++) {
            big.append(n % 2 == 0 ? "A" : "B").append('\n');
            for (int r = 0; r < 28; r++) {
                big.append((n + r) % 3 == 0 ? "#" : ".").append(".".repeat(27)).append('\n');
            }
            big.append('\n');
        }
        String s = server.session(1, "");
        server.post(s + "/data/import", "{\"text\": " + TestServer.quote(big.toString()) + "}");
        server.put(s + "/settings", "{\"hidden\": 16}");
        Refused.check(server.get(s + "/gradcheck"), 400, "evaluations", "200");
    }
}
