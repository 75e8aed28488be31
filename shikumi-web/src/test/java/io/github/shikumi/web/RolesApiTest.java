package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.update.UpdateRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The roles through the web: a session takes the hidden layer's activation and the update rule, trains by them
 * (checked against momentum and Adam written out over per-image traces), shows the rule's next step in "Inside
 * one step", names them in the exported model, and refuses an unknown one leaving the session as it was.
 */
class RolesApiTest {
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

    private static Network start(Activation a) {
        return Network.initial(DATA, 7, 3).withActivations(List.of(a));
    }

    private static double[] paramsAt(String session, Network init, int k) {
        return Reference.params(server.get(session + "/network?iteration=" + k).json(), init.layout());
    }

    private static void assertClose(double[] actual, double[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s, parameter %d", what, i)
                    .isCloseTo(expected[i], within(1e-10 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @Test
    void roles_lists_every_activation_and_rule_from_core() {
        JsonNode r = server.get("/api/roles").json();
        List<String> activations = new ArrayList<>();
        r.get("activations").forEach(a -> activations.add(a.get("id").asText()));
        List<String> expected = new ArrayList<>();
        for (Activation a : Activation.values()) {
            expected.add(a.id());
        }
        assertThat(activations).isEqualTo(expected);
        assertThat(r.at("/activations/1/symbol").asText()).isEqualTo(Activation.TANH.symbol());
        assertThat(r.at("/activations/1/derivative").asText()).isEqualTo(Activation.TANH.derivativeFormula());
        List<String> rules = new ArrayList<>();
        r.get("optimizers").forEach(o -> rules.add(o.get("name").asText()));
        assertThat(rules).isEqualTo(UpdateRules.names());
        assertThat(r.at("/optimizers/2/settings/beta2").asDouble()).isEqualTo(0.999);
        // the Compare view's choices are compare's own list
        List<String> compare = new ArrayList<>();
        r.at("/compare/names").forEach(n -> compare.add(n.asText()));
        assertThat(compare).isEqualTo(io.github.shikumi.optim.Optimizers.NAMES);
        List<String> ticked = new ArrayList<>();
        r.at("/compare/default").forEach(n -> ticked.add(n.asText()));
        assertThat(ticked).isEqualTo(io.github.shikumi.optim.Optimizers.DEFAULT);
    }

    @Test
    void a_tanh_session_trained_by_adam_takes_adams_published_steps() {
        String s = server.session(4, "\"seed\": 7, \"hidden\": 3, \"eta\": 0.05, \"activation\": \"tanh\", \"optimizer\": \"adam\"");
        JsonNode sum = server.get(s).json();
        assertThat(sum.at("/settings/activation").asText()).isEqualTo("tanh");
        assertThat(sum.at("/settings/optimizer").asText()).isEqualTo("adam");
        Network init = start(Activation.TANH);
        assertThat(paramsAt(s, init, 0)).containsExactly(init.params());
        server.post(s + "/step", "{\"iterations\": 12}");
        double[][] expected = Reference.adam(init, DATA, 0.05, 12);
        for (int k = 0; k <= 12; k++) {
            assertClose(paramsAt(s, init, k), expected[k], "adam iteration " + k);
        }
        // E falls under Adam here, and the curve is the network's E (tanh hidden units, σ outputs)
        JsonNode curve = server.get(s + "/curve").json();
        assertThat(curve.get("e").get(12).asDouble()).isLessThan(curve.get("e").get(0).asDouble());
        assertThat(curve.get("e").get(12).asDouble())
                .isCloseTo(Reference.error(init.withParams(expected[12]), DATA), within(1e-9));
        // the exported model says how it was made and keeps its activation
        String model = server.get(s + "/export/model?iteration=12").body();
        assertThat(model).contains("\"optimizer\" : \"adam\"").contains("\"beta1\"").contains("tanh");
    }

    @Test
    void inside_one_step_shows_the_rules_next_step_from_its_state() {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.1, \"optimizer\": \"momentum\"");
        server.post(s + "/step", "{\"iterations\": 5}");
        Network init = start(Activation.SIGMOID);
        double[][] expected = Reference.momentum(init, DATA, 0.1, 0.9, 6);
        JsonNode tr = server.get(s + "/trace?iteration=5&image=0").json();
        assertThat(tr.get("optimizer").asText()).isEqualTo("momentum");
        // not p − η·∂E: the velocity of the five steps before goes into the sixth
        assertClose(Reference.doubles(tr.get("update")), expected[6], "momentum's sixth step");
        double[] plain = expected[5].clone();
        double[] g = Reference.gradient(init.withParams(expected[5]), DATA);
        for (int i = 0; i < plain.length; i++) {
            plain[i] -= 0.1 * g[i];
        }
        assertThat(Reference.doubles(tr.get("update"))).isNotEqualTo(plain);
        // the layers name their functions
        assertThat(tr.at("/deltas/0/activation").asText()).isEqualTo("sigmoid");
        server.post(s + "/step", null);
        assertClose(paramsAt(s, init, 6), expected[6], "momentum iteration 6");
    }

    @Test
    void changing_the_activation_or_the_rule_starts_again_and_an_unknown_one_is_refused() {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5");
        server.post(s + "/step", "{\"iterations\": 3}");
        String before = server.get(s).body();
        Refused.check(server.put(s + "/settings", "{\"activation\": \"softplus\"}"), 400,
                "activation", "softplus", "sigmoid, tanh, relu, identity");
        Refused.check(server.put(s + "/settings", "{\"optimizer\": \"rmsprop\"}"), 400,
                "optimizer", "rmsprop", "gd, momentum, adam");
        Refused.check(server.put(s + "/settings", "{\"activation\": 3}"), 400, "activation");
        Refused.check(server.put(s + "/settings", "{\"eta\": 0.2, \"optimizer\": \"rmsprop\"}"), 400, "rmsprop");
        Refused.check(server.post("/api/sessions", "{\"optimizer\": \"lbfgs\"}"), 400, "lbfgs");
        assertThat(server.get(s).body()).isEqualTo(before);

        JsonNode r = server.put(s + "/settings", "{\"activation\": \"relu\", \"optimizer\": \"adam\"}").json();
        assertThat(r.at("/run/last").asInt()).isZero();
        assertThat(r.at("/settings/activation").asText()).isEqualTo("relu");
        assertThat(r.at("/settings/optimizer").asText()).isEqualTo("adam");
        assertThat(r.at("/settings/eta").asDouble()).isEqualTo(0.5);
        Network init = start(Activation.RELU);
        assertThat(paramsAt(s, init, 0)).containsExactly(init.params());
        server.post(s + "/step", "{\"iterations\": 4}");
        double[][] expected = Reference.adam(init, DATA, 0.5, 4);
        assertClose(paramsAt(s, init, 4), expected[4], "relu + adam iteration 4");
        // the same settings again change nothing
        JsonNode same = server.put(s + "/settings", "{\"activation\": \"relu\", \"optimizer\": \"adam\"}").json();
        assertThat(same.at("/run/last").asInt()).isEqualTo(4);
    }
}
