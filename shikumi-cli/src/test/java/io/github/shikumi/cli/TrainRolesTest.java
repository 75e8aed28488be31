package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 on the command line: {@code train --activation} (one name or one per hidden layer, full batch and
 * mini-batches), {@code train --optimizer} with the settings of each rule only, and the model-reading commands on
 * models with other activations. E is recomputed here by a forward pass written out independently of core, and
 * gradients by central differences of it.
 */
class TrainRolesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Dataset APLE = Datasets.bundled("aple");

    @TempDir
    Path dir;

    /** z = f(s), written out here (not asked of core). */
    private static double f(String activation, double s) {
        switch (activation) {
            case "sigmoid":
                return 1 / (1 + Math.exp(-s));
            case "tanh":
                return Math.tanh(s);
            case "relu":
                return Math.max(0, s);
            case "identity":
                return s;
            default:
                throw new AssertionError(activation);
        }
    }

    /** The outputs: s = Σ w·x − θ, z = f(s) per hidden layer, the book's σ at the output layer. */
    private static double[] forward(Network net, double[] x) {
        ParamLayout lay = net.layout();
        double[] in = x;
        for (int l = 0; l < lay.layers(); l++) {
            String fn = l < lay.layers() - 1 ? net.activation(l).id() : "sigmoid";
            double[] out = new double[lay.units(l)];
            for (int j = 0; j < out.length; j++) {
                double s = -net.threshold(l, j);
                for (int i = 0; i < lay.fanIn(l); i++) {
                    s += net.weight(l, j, i) * in[i];
                }
                out[j] = f(fn, s);
            }
            in = out;
        }
        return in;
    }

    /** E = Σ_images ½ Σ_k (t_k − z_k)². */
    private static double error(Network net, Dataset d) {
        double e = 0;
        for (int n = 0; n < d.size(); n++) {
            double[] z = forward(net, d.image(n));
            for (int k = 0; k < z.length; k++) {
                double t = d.target(n) == k ? 1 : 0;
                e += 0.5 * (t - z[k]) * (t - z[k]);
            }
        }
        return e;
    }

    private Path model(String name) {
        return dir.resolve(name);
    }

    /** Trains to a model file and returns --json's output; checks the run and that E after is E of the file's network. */
    private JsonNode train(Path out, String... args) throws Exception {
        List<String> all = new java.util.ArrayList<>(List.of("train", "--json", "--out", out.toString()));
        all.addAll(List.of(args));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        return JSON.readTree(r.out());
    }

    @Test
    void tanh_for_one_hidden_layer_is_trained_and_recorded_in_the_model() throws Exception {
        Path m = model("tanh.json");
        JsonNode j = train(m, "--activation", "tanh", "--iterations", "100");
        assertThat(j.at("/network/activations").toString()).isEqualTo("[\"tanh\"]");
        Network trained = ModelJson.read(m);
        assertThat(trained.activations()).containsExactly(Activation.TANH);
        // E before: the seed's initial network with tanh hidden units; E after: the written model's
        Network initial = Network.initial(APLE, 1, 3).withActivations(List.of(Activation.TANH));
        assertThat(j.at("/before/E").asDouble()).isCloseTo(error(initial, APLE), within(1e-9));
        assertThat(j.at("/after/E").asDouble()).isCloseTo(error(trained, APLE), within(1e-9));
        assertThat(j.at("/after/E").asDouble()).isLessThan(j.at("/before/E").asDouble());
        // the sigmoid run from the same seed learns something else: the activation is really used
        JsonNode sigmoid = train(model("s.json"), "--iterations", "100");
        assertThat(sigmoid.at("/after/E").asDouble()).isNotCloseTo(j.at("/after/E").asDouble(), within(1e-6));
    }

    @Test
    void one_name_per_hidden_layer_and_one_name_for_all_of_them() throws Exception {
        Path both = model("both.json");
        JsonNode j = train(both, "--hidden", "5,4", "--activation", "tanh,relu", "--iterations", "50");
        assertThat(j.at("/network/activations").toString()).isEqualTo("[\"tanh\",\"relu\"]");
        Network net = ModelJson.read(both);
        assertThat(net.activations()).containsExactly(Activation.TANH, Activation.RELU);
        assertThat(j.at("/after/E").asDouble()).isCloseTo(error(net, APLE), within(1e-9));

        Path relu = model("relu.json");
        JsonNode r = train(relu, "--layers", "20,6,5,4", "--activation", "relu", "--iterations", "50");
        Network reluNet = ModelJson.read(relu);
        assertThat(reluNet.activations()).containsExactly(Activation.RELU, Activation.RELU);
        assertThat(r.at("/after/E").asDouble()).isCloseTo(error(reluNet, APLE), within(1e-9));
    }

    @Test
    void a_model_with_other_activations_goes_on_training_with_them() throws Exception {
        Path first = model("first.json");
        train(first, "--hidden", "4,3", "--activation", "relu,tanh", "--iterations", "20");
        Network start = ModelJson.read(first);
        Path next = model("next.json");
        JsonNode j = train(next, "--init", first.toString(), "--iterations", "20");
        assertThat(j.at("/before/E").asDouble()).isCloseTo(error(start, APLE), within(1e-9));
        Network after = ModelJson.read(next);
        assertThat(after.activations()).containsExactly(Activation.RELU, Activation.TANH);
        assertThat(j.at("/after/E").asDouble()).isCloseTo(error(after, APLE), within(1e-9));
        Path mini = model("mini.json");
        train(mini, "--init", first.toString(), "--epochs", "1", "--batch", "32");
        assertThat(ModelJson.read(mini).activations()).containsExactly(Activation.RELU, Activation.TANH);
    }

    @Test
    void the_human_output_names_the_activations_and_the_rule_only_when_they_are_not_the_books() {
        CliRun book = CliRun.of("train", "--lang", "en", "--iterations", "5");
        assertThat(book.out()).doesNotContain("hidden layers:", "update rule:");
        CliRun r = CliRun.of("train", "--lang", "en", "--iterations", "5", "--hidden", "3,3", "--activation", "tanh,identity",
                "--optimizer", "momentum", "--momentum", "0.5");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("hidden layers: tanh, identity\n", "update rule: momentum (η = 0.05, μ = 0.5)\n");
        CliRun ja = CliRun.of("train", "--lang", "ja", "--iterations", "5", "--activation", "relu", "--optimizer", "adam");
        assertThat(ja.out()).contains("隠れ層の活性化関数: relu", "更新則: adam (η = 0.05、β1 = 0.9、β2 = 0.999、ε = ");
    }

    @Test
    void adam_full_batch_lowers_E_and_its_model_records_adam_with_its_settings() throws Exception {
        Path m = model("adam.json");
        JsonNode j = train(m, "--optimizer", "adam", "--eta", "0.01", "--beta1", "0.8", "--iterations", "100");
        double before = j.at("/before/E").asDouble();
        double after = j.at("/after/E").asDouble();
        assertThat(after).isLessThan(before);
        assertThat(j.at("/optimizer/name").asText()).isEqualTo("adam");
        assertThat(j.at("/optimizer/beta1").asDouble()).isEqualTo(0.8);
        assertThat(j.at("/optimizer/beta2").asDouble()).isEqualTo(0.999); // the default
        Network trained = ModelJson.read(m);
        assertThat(after).isCloseTo(error(trained, APLE), within(1e-9));
        Map<String, Object> p = trained.provenance();
        assertThat(p.get("optimizer")).isEqualTo("adam");
        assertThat(((Number) p.get("eta")).doubleValue()).isEqualTo(0.01);
        assertThat(((Number) p.get("beta1")).doubleValue()).isEqualTo(0.8);
        assertThat(((Number) p.get("beta2")).doubleValue()).isEqualTo(0.999);
        assertThat(((Number) p.get("epsilon")).doubleValue()).isEqualTo(1e-8);
        assertThat(p).doesNotContainKey("momentum");
        // the book's default run records gd and no setting of another rule
        Network book = ModelJson.read(Path.of("..", "examples", "book-model.json"));
        assertThat(book.provenance().get("optimizer")).isEqualTo("gd");
    }

    @Test
    void momentum_full_batch_is_the_momentum_rule_of_compare() throws Exception {
        // compare's momentum (μ = 0.9) from the same start and η: the same descent, so the same E after 100 steps
        JsonNode t = train(model("m.json"), "--optimizer", "momentum", "--iterations", "100");
        CliRun c = CliRun.of("compare", "--optimizers", "momentum", "--iterations", "100", "--json");
        assertThat(c.exit()).as(c.err()).isEqualTo(0);
        JsonNode res = JSON.readTree(c.out()).get("results").get(0);
        assertThat(res.get("optimizer").asText()).isEqualTo("momentum");
        assertThat(t.at("/after/E").asDouble()).isCloseTo(res.get("E").asDouble(), within(1e-12));
        assertThat(t.at("/optimizer/momentum").asDouble()).isEqualTo(0.9);
    }

    @Test
    void mini_batches_take_the_activation_and_the_rule() throws Exception {
        Path m = model("mb.json");
        JsonNode j = train(m, "--epochs", "2", "--batch", "16", "--activation", "tanh", "--optimizer", "adam", "--eta", "0.01",
                "--epsilon", "1e-7", "--precision", "double");
        JsonNode s = j.at("/settings");
        assertThat(s.at("/optimizer").asText()).isEqualTo("adam");
        assertThat(s.at("/beta1").asDouble()).isEqualTo(0.9);
        assertThat(s.at("/epsilon").asDouble()).isEqualTo(1e-7);
        assertThat(s.has("momentum")).isFalse();
        Network net = ModelJson.read(m);
        assertThat(net.activations()).containsExactly(Activation.TANH);
        assertThat(net.provenance().get("optimizer")).isEqualTo("sgd-adam"); // core's name of the mini-batch run
        assertThat(((Number) net.provenance().get("epsilon")).doubleValue()).isEqualTo(1e-7);

        CliRun human = CliRun.of("train", "--lang", "en", "--epochs", "1", "--batch", "32", "--activation", "relu", "--optimizer",
                "adam", "--eta", "0.01");
        assertThat(human.exit()).as(human.err()).isEqualTo(0);
        assertThat(human.out()).contains("shikumi train: mini-batch gradient descent, update rule adam", "hidden layers: relu",
                "batch 32, epochs 1, η = 0.01, β1 = 0.9, β2 = 0.999, ε = ");
        // the default rule of mini-batches stays momentum, its line as before
        CliRun def = CliRun.of("train", "--lang", "en", "--epochs", "1", "--json");
        assertThat(JSON.readTree(def.out()).at("/settings/optimizer").asText()).isEqualTo("momentum");
        assertThat(JSON.readTree(def.out()).at("/settings/momentum").asDouble()).isEqualTo(0.9);
    }

    @Test
    void gradcheck_and_gradient_pass_on_tanh_and_relu_models() throws Exception {
        for (String act : List.of("tanh", "relu", "tanh,relu")) {
            Path m = model(act.replace(',', '-') + ".json");
            train(m, "--hidden", act.contains(",") ? "4,3" : "3", "--activation", act, "--iterations", "30");
            CliRun g = CliRun.of("gradcheck", "--lang", "en", "--model", m.toString());
            assertThat(g.exit()).as(act + ": " + g.out() + g.err()).isEqualTo(0);
            assertThat(g.out()).contains("OK: within tolerance");
            // gradient's ∂E/∂p against central differences of the independent E
            CliRun d = CliRun.of("gradient", "--model", m.toString(), "--json");
            assertThat(d.exit()).as(d.err()).isEqualTo(0);
            JsonNode gj = JSON.readTree(d.out());
            Network net = ModelJson.read(m);
            double[] p = net.params();
            assertThat(gj.at("/E").asDouble()).isCloseTo(error(net, APLE), within(1e-9));
            double[] grad = ModelJson.parse("gradient", d.out()).params(); // ∂E/∂p in the model's shape
            for (int k = 0; k < p.length; k += 7) {
                double h = 1e-6;
                double[] q = p.clone();
                q[k] += h;
                double plus = error(net.withParams(q), APLE);
                q[k] -= 2 * h;
                double minus = error(net.withParams(q), APLE);
                assertThat(grad[k]).as(act + " p" + k).isCloseTo((plus - minus) / (2 * h), within(1e-5));
            }
            // classify predicts from the same forward pass
            CliRun c = CliRun.of("classify", "--model", m.toString(), "--json");
            JsonNode out = JSON.readTree(c.out()).at("/predictions/0/outputs");
            double[] z = forward(net, APLE.image(0));
            for (int k = 0; k < z.length; k++) {
                assertThat(out.get(k).asDouble()).isCloseTo(z[k], within(1e-12));
            }
        }
    }

    @Test
    void trace_of_a_tanh_model_writes_out_tanh_and_its_numbers() throws Exception {
        Path m = model("tanh.json");
        train(m, "--activation", "tanh", "--iterations", "20");
        Network net = ModelJson.read(m);
        CliRun r = CliRun.of("trace", "--lang", "en", "--model", m.toString(), "--image", "3");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        String out = r.out();
        assertThat(out).contains("h[j] = tanh(sH[j]),   " + Activation.TANH.formula(),
                "·tanh'(sH[j]),   tanh' = 1 − h[j]²");
        assertThat(out).doesNotContain("h[j] = σ(", "h[j](1 − h[j])");
        assertThat(out).contains("z[k] = σ(sO[k]) = 1/(1 + e^(−sO[k]))", "δO[k] = −(t[k] − z[k])·z[k](1 − z[k])");
        Trace tr = Trace.of(net, APLE.image(2), APLE.target(2));
        for (int j = 0; j < 3; j++) {
            // the numbers are core's trace, and core's z is tanh(s) of the s recomputed here
            double s = -net.threshold(0, j);
            for (int i = 0; i < 20; i++) {
                s += net.weight(0, j, i) * APLE.image(2)[i];
            }
            assertThat(tr.s(0, j)).isCloseTo(s, within(1e-12));
            assertThat(tr.z(0, j)).isCloseTo(Math.tanh(s), within(1e-12));
            assertThat(out).contains("  h[" + (j + 1) + "] = tanh(" + Fmt.sig(tr.s(0, j)) + ") = " + Fmt.sig(tr.z(0, j)));
            assertThat(out).contains("·" + Fmt.sig(1 - tr.z(0, j) * tr.z(0, j)) + " = " + Fmt.sig(tr.delta(0, j)));
        }
        CliRun js = CliRun.of("trace", "--model", m.toString(), "--image", "3", "--json");
        JsonNode layer = JSON.readTree(js.out()).at("/layers/0");
        assertThat(layer.at("/activation").asText()).isEqualTo("tanh");
        assertThat(layer.at("/z/1").asDouble()).isEqualTo(tr.z(0, 1));
    }

    @Test
    void bad_activations_and_rules_are_one_line_naming_the_option() {
        RefusedOptionsTest.assertRefused(CliRun.of("train", "--lang", "en", "--activation", "swish"),
                "--activation: activation \"swish\" is not supported (supported: " + Activation.names() + ")");
        RefusedOptionsTest.assertRefused(CliRun.of("train", "--lang", "en", "--activation", "tanh,relu"),
                "--activation: 2 names for 1 hidden layers; give one name for every hidden layer or one per hidden layer, of "
                        + Activation.names());
        RefusedOptionsTest.assertRefused(CliRun.of("train", "--lang", "en", "--epochs", "1", "--hidden", "4,3,2",
                "--activation", "tanh,relu"), "--activation: 2 names for 3 hidden layers; give one name for every hidden layer"
                        + " or one per hidden layer, of " + Activation.names());
        RefusedOptionsTest.assertRefused(CliRun.of("train", "--lang", "en", "--optimizer", "lbfgs"),
                "--optimizer: update rule \"lbfgs\" is not known (known: "
                        + String.join(", ", io.github.shikumi.update.UpdateRules.names()) + ")");
        assertThat(CliRun.of("train", "--lang", "en", "--optimizer", "adam", "--beta1", "1.5").errLine())
                .startsWith("shikumi: --beta1: ");
        assertThat(CliRun.of("train", "--lang", "en", "--optimizer", "momentum", "--momentum", "1").errLine())
                .startsWith("shikumi: --momentum: ");
        CliRun ja = CliRun.of("train", "--lang", "ja", "--activation", "swish");
        assertThat(ja.exit()).isEqualTo(2);
        assertThat(ja.errLine()).isEqualTo("shikumi: --activation: 活性化関数「swish」には対応していません (対応: " + Activation.names() + ")");
    }

    @Test
    void the_readme_names_every_activation_and_every_update_rule() throws Exception {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        int from = readme.indexOf("**Activations and update rules");
        String section = readme.substring(from, readme.indexOf("```console", from));
        for (Activation a : Activation.values()) {
            assertThat(section).contains("`" + a.id() + "`");
        }
        for (String rule : io.github.shikumi.update.UpdateRules.names()) {
            assertThat(section).contains("`" + rule + "`");
            for (String setting : io.github.shikumi.update.UpdateRules.settings(rule).keySet()) {
                assertThat(section).contains("`--" + setting);
            }
        }
    }

    @Test
    void help_lists_the_names_of_the_registries() {
        for (String lang : List.of("en", "ja")) {
            CliRun r = CliRun.of("train", "--lang", lang, "--help");
            String help = r.out().replaceAll("\\s+", " ");
            assertThat(help).contains(Activation.names(), String.join(", ", io.github.shikumi.update.UpdateRules.names()));
        }
    }
}
