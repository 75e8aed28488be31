package io.github.shikumi.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.Fixtures;
import io.github.shikumi.model.Network;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A model file written by hand in the DESIGN.md format (src/test/resources/.../golden-2-2-2.json), committed
 * once and never regenerated: it must keep loading with the same values in every later version.
 */
class GoldenModelTest {
    private static Path golden() throws URISyntaxException {
        return Path.of(GoldenModelTest.class.getResource("golden-2-2-2.json").toURI());
    }

    @Test
    void the_golden_model_file_keeps_loading_with_its_values() throws Exception {
        Network net = ModelJson.read(golden());

        assertThat(net.layout().shapeText()).isEqualTo("2-2-2");
        assertThat(net.labels()).containsExactly("A", "B");
        assertThat(net.height()).isEqualTo(1);
        assertThat(net.width()).isEqualTo(2);
        // layers[0].weights = [[0.5, -0.25], [-0.5, 0.75]]: weights[j][i] is w_ji
        assertThat(net.weight(0, 0, 0)).isEqualTo(0.5);
        assertThat(net.weight(0, 0, 1)).isEqualTo(-0.25);
        assertThat(net.weight(0, 1, 0)).isEqualTo(-0.5);
        assertThat(net.weight(0, 1, 1)).isEqualTo(0.75);
        assertThat(net.threshold(0, 0)).isEqualTo(0.25);
        assertThat(net.threshold(0, 1)).isEqualTo(-0.5);
        assertThat(net.weight(1, 0, 0)).isEqualTo(1.0);
        assertThat(net.weight(1, 0, 1)).isEqualTo(-0.75);
        assertThat(net.weight(1, 1, 0)).isEqualTo(-0.5);
        assertThat(net.weight(1, 1, 1)).isEqualTo(0.25);
        assertThat(net.threshold(1, 0)).isEqualTo(0.5);
        assertThat(net.threshold(1, 1)).isEqualTo(-0.25);
        assertThat(net.provenance()).containsEntry("note", "hand-written golden file");
        assertThat(net).isEqualTo(Fixtures.tinyNetwork());
    }

    @Test
    void the_golden_model_computes_the_hand_derived_outputs() throws Exception {
        // HandDerivedNetworkTest: x = (1, 0) gives z = (0.42242570479923759, 0.52346069745096835)
        assertThat(ModelJson.read(golden()).outputs(new double[] {1, 0}))
                .containsExactly(new double[] {0.42242570479923759, 0.52346069745096835}, within(1e-12));
    }

    /**
     * A hand-written file with one activation per hidden layer (tanh, then ReLU): it loads with them, and its
     * outputs for x = (1, 0) are the hand-derived ones: layer 1 s = (0.5 − 0.25, −0.5 + 0.5) = (0.25, 0),
     * h = (tanh 0.25, tanh 0); layer 2 s = (h1 + 0.125, −0.5·h1 − 0.5), r = (max(0, s1), 0); output
     * z = σ(2·r1 − 0.5), σ(−1.5·r1 + 0.25).
     */
    @Test
    void a_golden_file_with_per_layer_activations_loads_and_computes_by_hand() throws Exception {
        Network net = ModelJson.read(Path.of(GoldenModelTest.class.getResource("golden-tanh-relu.json").toURI()));
        assertThat(net.activations()).containsExactly(io.github.shikumi.model.Activation.TANH,
                io.github.shikumi.model.Activation.RELU);
        double h1 = Math.tanh(0.25);
        double r1 = Math.max(0, h1 + 0.125);
        double[] z = {1 / (1 + Math.exp(-(2 * r1 - 0.5))), 1 / (1 + Math.exp(-(-1.5 * r1 + 0.25)))};
        assertThat(net.outputs(new double[] {1, 0})).containsExactly(z, within(1e-15));
        // written back, the per-layer list survives as an array, and reads back equal
        String text = ModelJson.write(net);
        assertThat(text).contains("\"activation\" : [ \"tanh\", \"relu\" ]");
        assertThat(ModelJson.parse("again", text)).isEqualTo(net);
    }
}
