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
}
