package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shikumi train} with mini-batches on IDX data, {@code classify} on its model, {@code bench}. */
class MiniBatchTrainTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * An IDX folder like Debian's Fashion-MNIST one, small: 3×4 images of 3 labels, label k lighting mostly
     * the pixels p with p mod 3 = k; 300 training and 90 test images.
     */
    @BeforeEach
    void idxFolder() throws IOException {
        write("train", 300, 1);
        write("t10k", 90, 2);
    }

    void write(String prefix, int n, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        ByteBuffer img = ByteBuffer.allocate(16 + n * 12).putInt(0x803).putInt(n).putInt(3).putInt(4);
        ByteBuffer lbl = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int label = r.nextInt(3);
            lbl.put((byte) label);
            for (int p = 0; p < 12; p++) {
                boolean on = p % 3 == label ? r.nextInt(6) > 0 : r.nextInt(6) == 0;
                img.put((byte) (on ? 128 + r.nextInt(128) : 0));
            }
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), img.array());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), lbl.array());
    }

    @Test
    void json_lists_every_epoch_and_classify_agrees_with_the_last_test_accuracy() throws Exception {
        Path model = dir.resolve("m.json");
        CliRun r = CliRun.of("train", "--data", "idx:" + dir, "--layers", "12,8,3", "--output", "softmax",
                "--batch", "10", "--epochs", "4", "--eta", "0.2", "--out", model.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        JsonNode epochs = j.get("epochs");
        assertThat(epochs.size()).isEqualTo(4);
        for (int e = 0; e < 4; e++) {
            JsonNode ep = epochs.get(e);
            assertThat(ep.get("epoch").asInt()).isEqualTo(e + 1);
            assertThat(ep.get("seconds").asDouble()).isGreaterThan(0);
            assertThat(ep.has("loss") && ep.has("trainAccuracy") && ep.has("testAccuracy")).isTrue();
        }
        assertThat(epochs.get(3).get("loss").asDouble()).isLessThan(epochs.get(0).get("loss").asDouble());
        assertThat(epochs.get(3).get("testAccuracy").asDouble()).isGreaterThan(0.8);
        assertThat(j.at("/network/sizes").toString()).isEqualTo("[12,8,3]");
        assertThat(j.at("/network/output").asText()).isEqualTo("softmax");
        assertThat(j.at("/test/confusion").size()).isEqualTo(3);

        Network net = ModelJson.read(model);
        assertThat(net.output()).isEqualTo(Output.SOFTMAX);
        CliRun c = CliRun.of("classify", "--model", model.toString(), "--data", "idx:" + dir, "--json");
        assertThat(c.exit()).as(c.err()).isEqualTo(0);
        JsonNode cj = JSON.readTree(c.out());
        assertThat(cj.get("predictions").size()).isEqualTo(90);
        // the model file, read back and classified in double, agrees with the float run's last evaluation
        assertThat(cj.get("accuracy").asDouble()).isEqualTo(j.at("/test/accuracy").asDouble());
        assertThat(Math.abs(cj.get("accuracy").asDouble() - epochs.get(3).get("testAccuracy").asDouble()))
                .isLessThanOrEqualTo(1.0 / 90);
    }

    @Test
    void human_output_has_a_line_per_epoch_and_the_confusion_matrix() {
        CliRun r = CliRun.of("train", "--lang", "en", "--data", "idx:" + dir, "--hidden", "6", "--output", "softmax",
                "--epochs", "2", "--batch", "20");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("mini-batch gradient descent with momentum", "network: 12-6-3 (99 parameters), output softmax",
                "batch 20, epochs 2, η = 0.1, μ = 0.9", "accuracy on the test set", "confusion matrix");
        assertThat(r.out().lines().filter(l -> l.matches("\\s+[12]\\s+\\d+\\.\\d\\d\\s+\\d\\.\\d{4}\\s+.*%.*%")).count()).isEqualTo(2);
        CliRun ja = CliRun.of("train", "--lang", "ja", "--data", "idx:" + dir, "--epochs", "1");
        assertThat(ja.out()).contains("モーメンタム付きミニバッチ勾配降下法", "テストデータでの正解率");
    }

    @Test
    void the_same_seed_gives_the_same_epochs() throws Exception {
        String[] args = {"train", "--data", "idx:" + dir, "--layers", "12,5,3", "--epochs", "2", "--seed", "9", "--json"};
        JsonNode a = JSON.readTree(CliRun.of(args).out());
        JsonNode b = JSON.readTree(CliRun.of(args).out());
        for (int e = 0; e < 2; e++) {
            assertThat(b.at("/epochs/" + e + "/loss").asDouble()).isEqualTo(a.at("/epochs/" + e + "/loss").asDouble());
        }
    }

    @Test
    void trace_refuses_a_softmax_model_in_one_line() {
        Path model = dir.resolve("soft.json");
        assertThat(CliRun.of("train", "--data", "idx:" + dir, "--epochs", "1", "--output", "softmax", "--out", model.toString(),
                "--json").exit()).isEqualTo(0);
        CliRun r = CliRun.of("trace", "--lang", "en", "--model", model.toString(), "--data", "idx:" + dir, "--image", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + model + ": the trace writes out the book's formulas of a sigmoid"
                + " output layer; this model's output layer is softmax");
    }

    @Test
    void bad_idx_data_exits_2_with_one_line_naming_the_file() throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte");
        byte[] full = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(full, full.length - 5));
        CliRun r = CliRun.of("train", "--lang", "en", "--data", "idx:" + dir, "--epochs", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + images + ": the file is truncated: 3,611 bytes, expected 3,616");
    }

    @Test
    void bad_options_exit_2() {
        assertThat(CliRun.of("train", "--lang", "en", "--data", "idx:" + dir, "--layers", "10,4,3").errLine())
                .isEqualTo("shikumi: --layers: the model takes 10 inputs (--layers) but the data have 12 pixels per image (3×4)");
        CliRun out = CliRun.of("train", "--lang", "en", "--data", "idx:" + dir, "--output", "relu");
        assertThat(out.exit()).isEqualTo(2);
        assertThat(out.errLine()).isEqualTo("shikumi: --output: output \"relu\" is not supported (supported: sigmoid, softmax)");
        assertThat(CliRun.of("train", "--lang", "en", "--data", "idx:" + dir, "--batch", "0").errLine())
                .isEqualTo("shikumi: --batch: the batch size must be 1 or more, got 0");
        assertThat(CliRun.of("train", "--lang", "en", "--data", "idx:" + dir, "--precision", "half").errLine())
                .isEqualTo("shikumi: --precision: precision must be float or double, got half");
    }

    @Test
    void bench_times_the_books_job_and_says_when_fashion_mnist_is_missing() throws Exception {
        CliRun r = CliRun.of("bench", "--runs", "1", "--data", dir.resolve("none").toString(), "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.at("/bookJob/medianMillis").asDouble()).isGreaterThan(0);
        assertThat(j.has("fashionEpoch")).isFalse();
        CliRun human = CliRun.of("bench", "--lang", "en", "--runs", "1", "--data", dir.resolve("none").toString());
        assertThat(human.out()).contains("the book's job: 500 iterations", "Fashion-MNIST not found in");
    }
}
