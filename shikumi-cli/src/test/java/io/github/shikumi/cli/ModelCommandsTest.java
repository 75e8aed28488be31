package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Activation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gradient, gradcheck, classify and trace on a model trained by the CLI itself. */
class ModelCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path model;
    static Network net;
    static Dataset aple;

    @BeforeAll
    static void trainAModel() {
        model = dir.resolve("model.json");
        CliRun r = CliRun.of("train", "--iterations", "100", "--seed", "7", "--out", model.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        net = ModelJson.read(model);
        aple = Datasets.bundled("aple");
    }

    @Test
    void gradient_json_has_the_models_shape_and_matches_central_differences() throws Exception {
        CliRun r = CliRun.of("gradient", "--model", model.toString(), "--data", "aple", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode g = JSON.readTree(r.out());
        assertThat(g.get("format").asText()).isEqualTo("shikumi-model/1");
        assertThat(g.get("E").asDouble()).isCloseTo(Reference.error(net, aple), within(1e-9));
        assertThat(g.at("/layers/0/weights").size()).isEqualTo(3);
        assertThat(g.at("/layers/0/weights/0").size()).isEqualTo(20);
        assertThat(g.at("/layers/1/thresholds").size()).isEqualTo(4);
        // spot checks against numerical differentiation: wH[2][7], θH[3], wO[4][1], θO[1]
        var lay = net.layout();
        assertThat(g.at("/layers/0/weights/1/6").asDouble()).isCloseTo(Reference.derivative(net, aple, lay.weight(0, 1, 6)), within(1e-6));
        assertThat(g.at("/layers/0/thresholds/2").asDouble()).isCloseTo(Reference.derivative(net, aple, lay.threshold(0, 2)), within(1e-6));
        assertThat(g.at("/layers/1/weights/3/0").asDouble()).isCloseTo(Reference.derivative(net, aple, lay.weight(1, 3, 0)), within(1e-6));
        assertThat(g.at("/layers/1/thresholds/0").asDouble()).isCloseTo(Reference.derivative(net, aple, lay.threshold(1, 0)), within(1e-6));
    }

    @Test
    void gradient_table_lists_all_79_parameters() {
        CliRun r = CliRun.of("gradient", "--model", model.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("wH[1][1]", "θH[3]", "wO[4][3]", "θO[4]");
        assertThat(r.out().lines().filter(l -> l.matches("^(w|θ)[HO]\\[.*")).count()).isEqualTo(79);
    }

    @Test
    void gradcheck_passes_on_backprop_and_fails_with_an_impossible_tolerance() {
        CliRun ok = CliRun.of("gradcheck", "--model", model.toString(), "--lang", "en");
        assertThat(ok.exit()).isEqualTo(0);
        assertThat(ok.out()).contains("largest absolute difference", "largest difference relative to the largest gradient component", "OK");
        CliRun bad = CliRun.of("gradcheck", "--model", model.toString(), "--tolerance", "1e-30", "--lang", "en");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).contains("FAILED");
    }

    @Test
    void classify_json_reports_outputs_predictions_and_a_consistent_accuracy() throws Exception {
        CliRun r = CliRun.of("classify", "--model", model.toString(), "--data", "aple-test", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        Dataset test = Datasets.bundled("aple-test");
        JsonNode preds = j.get("predictions");
        assertThat(preds.size()).isEqualTo(test.size());
        int right = 0;
        for (int n = 0; n < preds.size(); n++) {
            JsonNode p = preds.get(n);
            assertThat(p.get("label").asText()).isEqualTo(test.labelOf(n));
            double[] z = net.outputs(test.image(n));
            for (int k = 0; k < 4; k++) {
                assertThat(p.at("/outputs/" + k).asDouble()).isCloseTo(z[k], within(1e-15));
            }
            if (p.get("label").asText().equals(p.get("predicted").asText())) {
                right++;
            }
        }
        assertThat(j.get("accuracy").asDouble()).isEqualTo(right / (double) test.size());
        int total = 0;
        for (JsonNode row : j.get("confusion")) {
            for (JsonNode c : row) {
                total += c.asInt();
            }
        }
        assertThat(total).isEqualTo(test.size());
    }

    @Test
    void classify_table_shows_accuracy_and_confusion_matrix() {
        CliRun r = CliRun.of("classify", "--model", model.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("accuracy:", "confusion matrix");
    }

    @Test
    void trace_writes_each_formula_with_its_values() {
        CliRun r = CliRun.of("trace", "--model", model.toString(), "--image", "1", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        double[] x = aple.image(0);
        // hidden unit 1 by hand: h_1 = σ(Σ_i wH_1i·x_i − θH_1)
        double s = -net.threshold(0, 0);
        for (int i = 0; i < 20; i++) {
            s += net.weight(0, 0, i) * x[i];
        }
        double h1 = 1 / (1 + Math.exp(-s));
        assertThat(r.out()).contains("h[1] = σ(" + Fmt.sig(s) + ") = " + Fmt.sig(h1));
        assertThat(r.out()).contains("δO[k] = −(t[k] − z[k])·z[k](1 − z[k])", "δH[j] = (Σ_k δO[k]·wO[k][j])·h[j](1 − h[j])",
                "∂e/∂wH[3][20] = ", "∂e/∂θO[4] = −");
        double[] z = net.outputs(x);
        double e = 0;
        for (int k = 0; k < 4; k++) {
            double t = aple.target(0) == k ? 1 : 0;
            e += 0.5 * (t - z[k]) * (t - z[k]);
        }
        assertThat(r.out()).contains("] = " + Fmt.sig(e) + "\n");
        assertThat(Activation.SIGMOID.value(0)).isEqualTo(0.5);
    }

    @Test
    void trace_rejects_an_image_number_out_of_range() {
        CliRun r = CliRun.of("trace", "--model", model.toString(), "--image", "0", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: --image: image number 0 is out of range: the data have images 1 to 128");
    }

    @Test
    void a_model_that_does_not_fit_the_data_is_rejected() {
        CliRun r = CliRun.of("classify", "--model", model.toString(), "--data", "zero-one", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + model + ": the model takes 20 inputs (5×4) but the data have 12 pixels per image (4×3)");
    }

    @Test
    void malformed_model_json_is_reported_with_line_and_column() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\n  \"format\": \"shikumi-model/1\",\n  \"labels\": [\"A\" \"P\"]\n}\n");
        CliRun r = CliRun.of("classify", "--model", bad.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("shikumi: " + bad + ":3:").contains("malformed JSON").doesNotContain("\n");
    }

    @Test
    void a_missing_model_file_is_named() {
        CliRun r = CliRun.of("classify", "--model", dir.resolve("nope.json").toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + dir.resolve("nope.json") + ": file not found");
    }

    @Test
    void locale_default_is_restored_after_a_run() {
        Locale before = Locale.getDefault();
        CliRun.of("--lang", "ja", "--help");
        assertThat(Locale.getDefault()).isEqualTo(before);
    }
}
