package io.github.shikumi.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJsonRoundTripTest {
    /** Doubles whose text form is easy to get wrong. */
    private static final double[] AWKWARD = {
        0.1 + 0.2, // 0.30000000000000004
        1e-300, -1e-300, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), // largest subnormal
        Double.MAX_VALUE, -Double.MAX_VALUE, 1.0 / 3.0, -2.0 / 3.0, Math.PI, Math.E, 1e22, 1e23, 123456789.0,
        9007199254740993.0, // 2^53 + 1 rounds to 2^53
        Math.nextUp(1.0), Math.nextDown(1.0), 5e-324, 2.2250738585072014E-308, 4.35e-5, -7.0e-10, 1.0, -1.0,
    };

    private static Network awkwardNetwork() {
        ParamLayout layout = new ParamLayout(6, 3, 2); // 18 + 3 + 6 + 2 = 29 parameters
        double[] p = new double[layout.count()];
        for (int k = 0; k < p.length; k++) {
            p[k] = AWKWARD[k % AWKWARD.length];
        }
        return new Network(layout, List.of("zero", "one"), 2, 3, p);
    }

    @Test
    void write_then_parse_gives_identical_doubles() {
        Network net = awkwardNetwork();
        Network back = ModelJson.parse("m.json", ModelJson.write(net));
        // Arrays.equals compares bit patterns: −0.0 ≠ 0.0 and every last bit counts
        assertThat(Arrays.equals(back.params(), net.params())).isTrue();
        for (int p = 0; p < net.layout().count(); p++) {
            assertThat(Double.doubleToRawLongBits(back.param(p))).as(net.layout().name(p))
                    .isEqualTo(Double.doubleToRawLongBits(net.param(p)));
        }
        assertThat(back.labels()).containsExactly("zero", "one");
        assertThat(back.height()).isEqualTo(2);
        assertThat(back.width()).isEqualTo(3);
        assertThat(back.layout()).isEqualTo(net.layout());
        assertThat(back).isEqualTo(net);
    }

    @Test
    void random_networks_of_several_shapes_survive_a_file_round_trip(@TempDir Path dir) {
        Dataset data = Fixtures.randomData(1, 5, 4, 4, 8);
        for (int[] hidden : new int[][] {{3}, {5, 4}, {}, {2, 2, 2}}) {
            Network net = Fixtures.randomNetwork(hidden.length + 1, data, hidden);
            Path file = dir.resolve("model-" + hidden.length + ".json");
            AtomicFiles.write(file, ModelJson.write(net));
            Network back = ModelJson.read(file);
            assertThat(back.params()).containsExactly(net.params());
            assertThat(back).isEqualTo(net);
        }
    }

    @Test
    void provenance_is_written_and_read_back() {
        Network net = Fixtures.tinyNetwork().withProvenance(Map.of("seed", 42, "data", "aple", "eta", 0.05));
        Network back = ModelJson.parse("m.json", ModelJson.write(net));
        assertThat(back.provenance()).containsEntry("seed", 42).containsEntry("data", "aple").containsEntry("eta", 0.05);
    }

    @Test
    void model_json_has_the_design_md_shape() {
        JsonNode root = ModelJson.tree("tiny.json", ModelJson.write(Fixtures.tinyNetwork()));
        assertThat(root.get("format").asText()).isEqualTo("shikumi-model/1");
        assertThat(root.get("activation").asText()).isEqualTo("sigmoid");
        assertThat(root.get("labels").toString()).isEqualTo("[\"A\",\"B\"]");
        assertThat(root.get("inputShape").toString()).isEqualTo("[1,2]");
        assertThat(root.get("layers").get(0).get("weights").toString()).isEqualTo("[[0.5,-0.25],[-0.5,0.75]]");
        assertThat(root.get("layers").get(0).get("thresholds").toString()).isEqualTo("[0.25,-0.5]");
        assertThat(root.get("layers").get(1).get("weights").toString()).isEqualTo("[[1.0,-0.75],[-0.5,0.25]]");
        assertThat(root.get("layers").get(1).get("thresholds").toString()).isEqualTo("[0.5,-0.25]");
        assertThat(root.has("E")).isFalse();
    }

    @Test
    void a_gradient_is_written_in_the_models_shape_with_e() {
        Network net = awkwardNetwork();
        double[] gradient = net.params(); // any values: the point is the exact round trip and the shape
        for (int p = 0; p < gradient.length; p++) {
            gradient[p] = -gradient[p] / 3;
        }
        double e = 0.1 + 0.2;
        String json = ModelJson.writeGradient(net, e, gradient);
        JsonNode root = ModelJson.tree("g.json", json);
        assertThat(root.get("E").doubleValue()).isEqualTo(e);
        assertThat(root.has("provenance")).isFalse();
        Network asModel = ModelJson.parse("g.json", json); // same shape: readable as a model
        assertThat(Arrays.equals(asModel.params(), gradient)).isTrue();
    }

    @Test
    void written_files_end_with_a_newline() throws Exception {
        assertThat(ModelJson.write(Fixtures.tinyNetwork())).endsWith("}\n");
    }

    @Test
    void reading_a_file_reads_the_same_as_parsing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, ModelJson.write(Fixtures.tinyNetwork()));
        assertThat(ModelJson.read(file)).isEqualTo(Fixtures.tinyNetwork());
    }
}
