package io.github.shikumi.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.shikumi.Shikumi;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported script is run by Debian's PyTorch (/usr/bin/python3 with python3-torch): an independent
 * implementation of the forward pass, autograd's backpropagation and SGD, in float64.
 */
class PyTorchScriptTest {
    static final String PYTHON = "/usr/bin/python3";
    private static final Path BOOK_MODEL = Path.of("..", "examples", "book-model.json");

    @BeforeAll
    static void torchIsInstalled() throws Exception {
        assumeTrue(torchAvailable(), "skipped: " + PYTHON + " cannot import torch; install Debian's python3-torch"
                + " (apt-get install python3-torch, as .ci/run does) to run the exported PyTorch scripts");
    }

    static boolean torchAvailable() throws Exception {
        if (!new File(PYTHON).canExecute()) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Test
    void pytorch_runs_the_books_experiment_to_the_same_e_at_every_iteration_and_the_same_parameters(@TempDir Path dir)
            throws Exception {
        Dataset d = Shikumi.bookData();
        agree(Network.initial(d, 1, 3), d, 0.05, 500, dir);
    }

    @Test
    void pytorch_agrees_on_two_hidden_layers_and_on_softmax_with_cross_entropy(@TempDir Path dir) throws Exception {
        Dataset d = Shikumi.bookData();
        agree(Network.initial(d, 5, 6, 4), d, 0.05, 40, dir); // (rounding differences grow with the run: 1e-9 holds for tens of iterations here)
        agree(Network.initialFanIn(new ParamLayout(20, 8, 4), d, Output.SOFTMAX, 3), d, 0.02, 200, dir);
    }

    /**
     * tanh, ReLU and identity hidden layers (one per layer, sigmoid and softmax outputs): PyTorch's autograd gives
     * shikumi's backpropagation gradient to 1e-10 of its largest component (read from one step of η = 1 taken by
     * the script: ∂E/∂p = p0 − p1, which loses nothing worth 1e-16 of p), and the runs agree as the book's does.
     */
    @Test
    void pytorch_autograd_agrees_on_tanh_relu_and_identity_layers(@TempDir Path dir) throws Exception {
        Dataset d = Shikumi.bookData();
        java.util.List<io.github.shikumi.model.Activation> all = java.util.List.of(io.github.shikumi.model.Activation.values());
        for (io.github.shikumi.model.Activation a : all) {
            io.github.shikumi.model.Activation b = all.get((a.ordinal() + 1) % all.size());
            for (Network net : List.of(Network.initial(d, 3, 4).withActivations(List.of(a)),
                    Network.initialFanIn(new ParamLayout(20, 6, 5, 4), d, Output.SOFTMAX, 4).withActivations(List.of(a, b)))) {
                double[] g = new double[net.layout().count()];
                new io.github.shikumi.train.NetworkObjective(net, d).valueAndGradient(net.params(), g);
                Run one = runScript(PyTorchScript.script(net, d, 1.0, 1, Locale.ENGLISH), dir);
                assertThat(one.state.activations()).isEqualTo(net.activations());
                double[] p0 = net.params();
                double[] p1 = one.state.params();
                double scale = 0;
                for (double v : g) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < g.length; i++) {
                    assertThat(Math.abs((p0[i] - p1[i]) - g[i])).as("%s %s: %s", net.activations(), net.output(),
                            net.layout().name(i)).isLessThanOrEqualTo(1e-10 * scale);
                }
            }
            agree(Network.initial(d, 2, 4).withActivations(List.of(a)), d, 0.02, 30, dir);
        }
    }

    /**
     * The book's job by Adam and by momentum: shikumi's rule and PyTorch's own optimiser ({@code torch.optim.Adam},
     * {@code torch.optim.SGD} with momentum, written into the script by the rule) on the same network, data and
     * initial parameters, 500 iterations: E agrees at every iteration and the trained parameters agree.
     */
    @Test
    void torch_optim_adam_and_momentum_take_shikumis_steps_on_the_books_job(@TempDir Path dir) throws Exception {
        Dataset d = Shikumi.bookData();
        Network start = Network.initial(d, 1, 3);
        for (io.github.shikumi.update.UpdateRule rule : List.<io.github.shikumi.update.UpdateRule>of(
                new io.github.shikumi.update.AdamUpdate(0.05), new io.github.shikumi.update.MomentumUpdate(0.05, 0.9))) {
            String script = PyTorchScript.script(start, d, rule, 500, Locale.ENGLISH);
            assertThat(script).contains("optimizer = " + rule.torchOptimizer("net.parameters()", "ETA"));
            Run run = runScript(script, dir);
            List<Double> e = new ArrayList<>();
            double[] p = new io.github.shikumi.train.GradientDescent(rule).minimize(
                    new io.github.shikumi.train.NetworkObjective(start, d), start.params(), 500,
                    (k, q, v) -> e.add(v)).params();
            assertThat(run.e).hasSize(501);
            double worstE = 0;
            for (int k = 0; k <= 500; k++) {
                worstE = Math.max(worstE, Math.abs(run.e.get(k) - e.get(k)) / e.get(k));
            }
            double[] q = run.state.params();
            double worstP = 0;
            for (int i = 0; i < p.length; i++) {
                worstP = Math.max(worstP, Math.abs(q[i] - p[i]) / Math.max(1, Math.abs(p[i])));
            }
            System.out.printf("%s against PyTorch, 500 iterations: E %.2e relative, parameters %.2e%n", rule.name(), worstE, worstP);
            assertThat(worstE).as(rule.name() + ": E").isLessThanOrEqualTo(1e-12); // measured: Adam 6e-16, momentum 3e-14
            assertThat(worstP).as(rule.name() + ": parameters").isLessThanOrEqualTo(1e-12); // Adam 1.4e-15, momentum 1.4e-14
            assertThat(run.state.provenance()).containsEntry("optimizer", rule.name());
        }
    }

    @Test
    void grey_images_are_written_as_numbers_and_agree_too(@TempDir Path dir) throws Exception {
        Dataset grey = io.github.shikumi.Fixtures.randomGreyData(4, 3, 3, 3, 12);
        assertThat(grey.isBinary()).isFalse();
        agree(Network.initial(grey, 2, 4), grey, 0.05, 100, dir);
    }

    @Test
    void a_state_that_only_copied_the_numbers_reads_back_bit_for_bit(@TempDir Path dir) throws Exception {
        Network book = ModelJson.read(BOOK_MODEL);
        Network back = runScript(PyTorchScript.script(book, Shikumi.bookData(), 0.05, 0, Locale.JAPANESE), dir).state;
        assertThat(back).isEqualTo(book); // shape, labels, output and every parameter's bits (Arrays.equals)
        assertThat(java.util.Arrays.equals(back.params(), book.params())).isTrue();
        assertThat(back.provenance()).containsEntry("seed", 1L).containsKey("trainer");
    }

    @Test
    void the_script_spells_out_the_books_conventions_in_the_language_asked_for() {
        Dataset d = Shikumi.bookData();
        Network n = Network.initial(d, 1, 3);
        String en = PyTorchScript.script(n, d, 0.05, 500, Locale.ENGLISH);
        assertThat(en).contains("return x @ self.w.T - self.theta").contains("0.5 * ((T - z) ** 2).sum()")
                .contains("torch.optim.SGD(net.parameters(), lr=ETA)").contains("The threshold is subtracted")
                .contains("(\"A\", [\".##.\", \"#..#\", \"####\", \"#..#\", \"#..#\"]),");
        String ja = PyTorchScript.script(n, d, 0.05, 500, Locale.JAPANESE);
        assertThat(ja).contains("しきい値は引きます").contains("平均ではなく和");
        assertThat(en.lines().count()).isLessThan(250);
    }

    @Test
    void data_too_large_for_a_script_are_refused_saying_how_large() {
        Dataset big = io.github.shikumi.Fixtures.randomData(1, 28, 28, 2, 1300);
        Network n = Network.initial(big, 1, 3);
        assertThatThrownBy(() -> PyTorchScript.script(n, big, 0.05, 1, Locale.ENGLISH)).isInstanceOf(ShikumiException.class)
                .hasMessageEndingWith(": the data have 1019200 pixel values (1300 images of 28×28); a script holds at most 1000000:"
                        + " export a subset of the images (a CSV or bitmap text file)");
    }

    /** A rule PyTorch has no optimiser for (here one that only delegates to gd but says nothing of PyTorch). */
    @Test
    void a_rule_pytorch_has_no_optimiser_for_is_refused_in_one_line() {
        io.github.shikumi.update.UpdateRule plain = new io.github.shikumi.update.PlainUpdate(0.05);
        io.github.shikumi.update.UpdateRule own = new io.github.shikumi.update.UpdateRule() {
            public String name() { return "own"; }
            public double eta() { return plain.eta(); }
            public java.util.Map<String, Object> settings() { return plain.settings(); }
            public int slots() { return 0; }
            public void step(double[] p, double[] g, double[][] st, int count, long t) { plain.step(p, g, st, count, t); }
            public void step(float[] p, float[] g, float[][] st, int n, int count, long t) { plain.step(p, g, st, n, count, t); }
        };
        Dataset d = Shikumi.bookData();
        assertThatThrownBy(() -> PyTorchScript.script(Network.initial(d, 1, 3), d, own, 10, Locale.ENGLISH))
                .isInstanceOf(ShikumiException.class)
                .hasMessageContaining("PyTorch has no optimiser that takes the steps of the update rule own: export a run by one of gd, momentum, adam");
    }

    @Test
    void a_state_dict_of_another_shape_is_refused_naming_the_tensor() {
        String state = """
                {"format": "shikumi-pytorch-state/1", "labels": ["A", "P", "L", "E"], "inputShape": [5, 4],
                 "state_dict": {"0.weight": [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], "0.bias": [0]}}
                """;
        assertThatThrownBy(() -> PyTorchState.parse("s.json", state)).isInstanceOf(ShikumiException.class)
                .hasMessage("s.json: state_dict[\"0.weight\"][0]: has 19 values, expected 20");
        String labels = """
                {"format": "shikumi-pytorch-state/1", "labels": ["A", "P", "L", "E"], "inputShape": [1, 1],
                 "state_dict": {"0.weight": [[1], [2]], "0.bias": [0, 0]}}
                """;
        assertThatThrownBy(() -> PyTorchState.parse("s.json", labels)).hasMessage("labels: the model has 2 outputs but 4 labels");
    }

    @Test
    void an_nn_linear_state_dict_reads_with_theta_minus_the_bias() {
        String state = """
                {"format": "shikumi-pytorch-state/1", "labels": ["a", "b"], "inputShape": [1, 2],
                 "state_dict": {"0.weight": [[1.5, -2]], "0.bias": [0.25], "2.weight": [[3], [-4]], "2.bias": [-1, 1e-300]}}
                """;
        Network n = PyTorchState.parse("s.json", state);
        assertThat(n.layout().sizes()).containsExactly(2, 1, 2);
        assertThat(n.params()).containsExactly(1.5, -2, -0.25, 3, -4, 1, -1e-300);
    }

    private static void agree(Network start, Dataset d, double eta, int iterations, Path dir) throws Exception {
        History h = Training.gradientDescent(start, d, eta, iterations, TrainingListener.NONE);
        Run run = runScript(PyTorchScript.script(start, d, eta, iterations, Locale.ENGLISH), dir);
        double[] e = h.eCurve();
        assertThat(run.e).hasSize(e.length);
        for (int k = 0; k < e.length; k++) {
            assertThat(run.e.get(k)).as("E at iteration %d", k).isCloseTo(e[k], org.assertj.core.data.Percentage.withPercentage(1e-7));
        }
        double[] p = h.trained().params();
        double[] q = run.state.params();
        assertThat(q).hasSize(p.length);
        double scale = 0;
        for (double v : p) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < p.length; i++) {
            assertThat(Math.abs(q[i] - p[i])).as("parameter %d: %s vs %s", i, q[i], p[i]).isLessThanOrEqualTo(1e-9 * scale);
        }
        assertThat(run.state.layout()).isEqualTo(start.layout());
        assertThat(run.state.output()).isEqualTo(start.output());
        assertThat(run.state.activations()).isEqualTo(start.activations());
    }

    record Run(List<Double> e, Network state) {
    }

    static Run runScript(String script, Path dir) throws Exception {
        Path py = dir.resolve("run.py");
        Path state = dir.resolve("state.json");
        Files.writeString(py, script, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(PYTHON, py.toString(), state.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<Double> e = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.trim().split(" ");
                assertThat(Integer.parseInt(f[0])).isEqualTo(e.size());
                e.add(Double.parseDouble(f[1]));
            }
        }
        return new Run(e, PyTorchState.read(state));
    }
}
