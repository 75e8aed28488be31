package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.shikumi.export.OnnxExport;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export-onnx, export-pytorch and import-pytorch: what they write, what they say, and one-line refusals (exit 2). */
class ExportCommandsTest {
    private static final String BOOK_MODEL = Path.of("..", "examples", "book-model.json").toString();

    @Test
    void export_onnx_writes_the_models_onnx_file_and_says_what_is_in_it(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("m.onnx");
        CliRun r = CliRun.of("export-onnx", "--model", BOOK_MODEL, "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).isEqualTo(OnnxExport.bytes(ModelJson.read(Path.of(BOOK_MODEL))));
        assertThat(r.out().strip()).isEqualTo("ONNX model written to " + out + " (" + bytes.length
                + " bytes): input \"image\" [N, 20], output \"scores\" [N, 4], operators Gemm, Sigmoid, labels A P L E");
    }

    @Test
    void export_onnx_refuses_a_folder_a_model_of_another_kind_and_an_existing_file_in_one_line(@TempDir Path dir) throws Exception {
        CliRun folder = CliRun.of("export-onnx", "--model", BOOK_MODEL, "--out", dir.toString(), "--lang", "en");
        assertThat(folder.exit()).as(folder.out() + folder.err()).isEqualTo(2);
        assertThat(folder.errLine()).isEqualTo("shikumi: " + dir + ": is a folder: give the path of a file to write");
        Path other = dir.resolve("softplus.json");
        Files.writeString(other, Files.readString(Path.of(BOOK_MODEL)).replace("\"activation\" : \"sigmoid\"", "\"activation\" : \"softplus\""));
        CliRun kind = CliRun.of("export-onnx", "--model", other.toString(), "--out", dir.resolve("t.onnx").toString(), "--lang", "en");
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.errLine()).isEqualTo("shikumi: " + other + ": activation: activation \"softplus\" is not supported (supported: sigmoid, tanh, relu, identity)");
        Path gradient = dir.resolve("g.json");
        Files.writeString(gradient, "{\"format\": \"shikumi-gradient/1\"}");
        CliRun grad = CliRun.of("export-onnx", "--model", gradient.toString(), "--out", dir.resolve("g.onnx").toString(), "--lang", "ja");
        assertThat(grad.exit()).isEqualTo(2);
        assertThat(grad.errLine()).startsWith("shikumi: " + gradient + ": format: ").doesNotContain("\n");
        Path existing = dir.resolve("e.onnx");
        Files.writeString(existing, "x");
        CliRun exists = CliRun.of("export-onnx", "--model", BOOK_MODEL, "--out", existing.toString(), "--lang", "en");
        assertThat(exists.exit()).isEqualTo(2);
        assertThat(exists.errLine()).isEqualTo("shikumi: " + existing + ": file already exists (use --force to overwrite)");
        assertThat(CliRun.of("export-onnx", "--model", BOOK_MODEL, "--out", existing.toString(), "--force").exit()).isZero();
    }

    @Test
    void export_pytorch_writes_the_script_of_the_books_run_and_refuses_bad_options(@TempDir Path dir) throws Exception {
        Path py = dir.resolve("run.py");
        CliRun r = CliRun.of("export-pytorch", "--out", py.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("PyTorch script written to " + py
                + ": network 20-3-4 on aple, η = 0.05, 500 iterations; run it with: python3 " + py);
        assertThat(Files.readString(py)).contains("ITERATIONS = 500").contains("ETA = 0.05");
        CliRun ja = CliRun.of("export-pytorch", "--out", dir.resolve("ja.py").toString(), "--lang", "ja");
        assertThat(Files.readString(dir.resolve("ja.py"))).contains("しきい値は引きます");
        assertThat(ja.exit()).isZero();
        CliRun both = CliRun.of("export-pytorch", "--model", BOOK_MODEL, "--seed", "2", "--out", dir.resolve("b.py").toString(), "--lang", "en");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.errLine()).isEqualTo("shikumi: give either --model or --seed/--hidden, not both");
        CliRun eta = CliRun.of("export-pytorch", "--eta", "-1", "--out", dir.resolve("c.py").toString(), "--lang", "en");
        assertThat(eta.exit()).isEqualTo(2);
        assertThat(eta.errLine()).isEqualTo("shikumi: --eta: η (learning rate) must be a positive finite number, got -1.0");
        CliRun hidden = CliRun.of("export-pytorch", "--hidden", "0", "--out", dir.resolve("d.py").toString(), "--lang", "en");
        assertThat(hidden.errLine()).isEqualTo("shikumi: --hidden: hidden units must be 1 or more, got 0");
        CliRun folder = CliRun.of("export-pytorch", "--out", dir.toString(), "--lang", "en");
        assertThat(folder.exit()).as(folder.out() + folder.err()).isEqualTo(2);
        assertThat(folder.errLine()).isEqualTo("shikumi: " + dir + ": is a folder: give the path of a file to write");
    }

    @Test
    void export_pytorch_trains_by_the_rule_asked_for_and_refuses_an_unknown_one(@TempDir Path dir) throws Exception {
        Path py = dir.resolve("adam.py");
        CliRun adam = CliRun.of("export-pytorch", "--optimizer", "adam", "--out", py.toString(), "--lang", "en");
        assertThat(adam.exit()).as(adam.err()).isZero();
        assertThat(Files.readString(py))
                .contains("optimizer = torch.optim.Adam(net.parameters(), lr=ETA, betas=(0.9, 0.999), eps=1.0E-8)")
                .contains("\"optimizer\":\"adam\"").doesNotContain("torch.optim.SGD");
        Path mom = dir.resolve("momentum.py");
        assertThat(CliRun.of("export-pytorch", "--optimizer", "momentum", "--out", mom.toString()).exit()).isZero();
        assertThat(Files.readString(mom)).contains("torch.optim.SGD(net.parameters(), lr=ETA, momentum=0.9)");
        Path bad = dir.resolve("bad.py");
        CliRun unknown = CliRun.of("export-pytorch", "--optimizer", "rmsprop", "--out", bad.toString(), "--lang", "en");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errLine()).isEqualTo("shikumi: --optimizer: update rule \"rmsprop\" is not known (known: gd, momentum, adam)");
        assertThat(bad).doesNotExist();
        CliRun ja = CliRun.of("export-pytorch", "--optimizer", "rmsprop", "--out", bad.toString(), "--lang", "ja");
        assertThat(ja.errLine()).isEqualTo("shikumi: --optimizer: 更新則「rmsprop」はありません (あるもの: gd, momentum, adam)");
    }

    @Test
    void shikumi_to_pytorch_to_shikumi_is_bit_exact_when_the_script_only_copies_the_numbers(@TempDir Path dir) throws Exception {
        assumeTrue(torch(), "skipped: /usr/bin/python3 cannot import torch (install Debian's python3-torch, as .ci/run does)");
        Path py = dir.resolve("run.py");
        assertThat(CliRun.of("export-pytorch", "--model", BOOK_MODEL, "--iterations", "0", "--out", py.toString()).exit()).isZero();
        Process p = new ProcessBuilder("/usr/bin/python3", py.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Path model = dir.resolve("back.json");
        CliRun r = CliRun.of("import-pytorch", "--state", dir.resolve("run-state.json").toString(), "--out", model.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("model written to " + model + ": network 20-3-4, labels A P L E, from "
                + dir.resolve("run-state.json"));
        Network book = ModelJson.read(Path.of(BOOK_MODEL));
        Network back = ModelJson.read(model);
        assertThat(java.util.Arrays.equals(back.params(), book.params())).isTrue();
        assertThat(back).isEqualTo(book);
        // and it traces like any model
        assertThat(CliRun.of("trace", "--model", model.toString(), "--image", "1").exit()).isZero();
    }

    @Test
    void import_pytorch_refuses_a_state_dict_of_another_shape_in_one_line(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("s.json");
        Files.writeString(state, """
                {"format": "shikumi-pytorch-state/1", "labels": ["A", "P", "L", "E"], "inputShape": [5, 4],
                 "state_dict": {"layers.0.w": [[1, 2], [3, 4], [5, 6]], "layers.0.theta": [0, 0, 0]}}
                """);
        CliRun r = CliRun.of("import-pytorch", "--state", state.toString(), "--out", dir.resolve("m.json").toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + state + ": state_dict[\"layers.0.w\"][0]: has 2 values, expected 20");
        assertThat(dir.resolve("m.json")).doesNotExist();
        Path onnx = dir.resolve("m.onnx");
        assertThat(CliRun.of("export-onnx", "--model", BOOK_MODEL, "--out", onnx.toString()).exit()).isZero();
        CliRun binary = CliRun.of("import-pytorch", "--state", onnx.toString(), "--out", dir.resolve("m.json").toString(), "--lang", "en");
        assertThat(binary.exit()).isEqualTo(2);
        assertThat(binary.errLine()).isEqualTo("shikumi: " + onnx + ": malformed JSON: not UTF-8 text (a binary file, not a state file in JSON)");
    }

    private static boolean torch() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
