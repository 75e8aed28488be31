package io.github.shikumi.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.shikumi.Shikumi;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.NetworkObjective;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PyTorch's autograd on tanh and ReLU networks, recorded: the committed scripts (export-pytorch of the book's data
 * for a 20-4-4 network with tanh, and one with ReLU, η = 1, one iteration) and the states PyTorch 1.13 wrote
 * running them (src/test/resources/pytorch-autograd). One step of η = 1 gives ∂E/∂p = p0 − p1, which must equal
 * shikumi's backpropagation to 1e-10 of the largest component: checked from the recording on every machine (no
 * PyTorch needed), and by running the scripts again where PyTorch is installed. The scripts must still be what
 * export-pytorch writes (apart from the version line and the provenance); to record again after a change of
 * the script: {@code ./mvnw -pl shikumi-export -am test -Dtest=PyTorchAutogradRecordTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dshikumi.record=true}.
 */
class PyTorchAutogradRecordTest {
    private static final Path DIR = Path.of("src", "test", "resources", "pytorch-autograd");
    private static final Dataset BOOK = Shikumi.bookData();

    private static List<Network> networks() {
        return List.of(Network.initial(BOOK, 3, 4).withActivations(List.of(Activation.TANH)),
                Network.initial(BOOK, 3, 4).withActivations(List.of(Activation.RELU)));
    }

    private static String name(Network net) {
        return net.activations().get(0).id() + "-" + net.layout().shapeText();
    }

    private static String script(Network net) {
        return PyTorchScript.script(net, BOOK, 1.0, 1, Locale.ENGLISH);
    }

    /** The script without the lines that name shikumi's version (they change with a release, not the maths). */
    private static String withoutVersion(String script) {
        return script.lines().filter(l -> !l.startsWith("# Made by shikumi") && !l.startsWith("PROVENANCE = "))
                .collect(Collectors.joining("\n"));
    }

    private static void assertGradient(Network net, Network after, String what) {
        double[] g = new double[net.layout().count()];
        new NetworkObjective(net, BOOK).valueAndGradient(net.params(), g);
        double[] p0 = net.params();
        double[] p1 = after.params();
        double scale = 0;
        for (double v : g) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertThat(scale).isGreaterThan(0);
        for (int i = 0; i < g.length; i++) {
            assertThat(Math.abs((p0[i] - p1[i]) - g[i])).as("%s: %s", what, net.layout().name(i))
                    .isLessThanOrEqualTo(1e-10 * scale);
        }
        assertThat(after.activations()).isEqualTo(net.activations());
    }

    @BeforeAll
    static void recordWhenAsked() throws Exception {
        if (Boolean.getBoolean("shikumi.record")) {
            record();
        }
    }

    @Test
    void the_recorded_autograd_gradients_equal_backpropagation() throws Exception {
        for (Network net : networks()) {
            Path py = DIR.resolve(name(net) + ".py");
            Path state = DIR.resolve(name(net) + ".state.json");
            assertThat(py).as("the committed script (record it: see this class)").exists();
            assertThat(withoutVersion(Files.readString(py, StandardCharsets.UTF_8)))
                    .as(py + " is what export-pytorch writes now").isEqualTo(withoutVersion(script(net)));
            Network recorded = PyTorchState.read(state);
            assertThat(recorded.provenance().get("trainer").toString()).startsWith("pytorch ");
            assertGradient(net, recorded, "recorded " + name(net));
        }
    }

    @Test
    void pytorch_run_again_gives_the_recorded_state(@TempDir Path dir) throws Exception {
        assumeTrue(PyTorchScriptTest.torchAvailable(), "skipped: no PyTorch here; the recording is checked without it");
        for (Network net : networks()) {
            PyTorchScriptTest.Run run = PyTorchScriptTest.runScript(Files.readString(DIR.resolve(name(net) + ".py")), dir);
            Network recorded = PyTorchState.read(DIR.resolve(name(net) + ".state.json"));
            double[] now = run.state().params();
            double[] then = recorded.params();
            for (int i = 0; i < now.length; i++) {
                // another CPU's BLAS may round the last bits differently
                assertThat(now[i]).as("%s: %s", name(net), net.layout().name(i))
                        .isCloseTo(then[i], org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(then[i]))));
            }
            assertGradient(net, run.state(), "rerun " + name(net));
        }
    }

    /** Writes the scripts and runs PyTorch on them (needs it): the recording the tests read. */
    private static void record() throws Exception {
        assumeTrue(PyTorchScriptTest.torchAvailable(), "recording needs PyTorch");
        Files.createDirectories(DIR);
        for (Network net : networks()) {
            Path py = DIR.resolve(name(net) + ".py");
            Files.writeString(py, script(net), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(PyTorchScriptTest.PYTHON, py.getFileName().toString(), name(net) + ".state.json")
                    .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(DIR.resolve(name(net) + ".out").toFile())
                    .start();
            assertThat(p.waitFor()).isZero();
        }
    }
}
