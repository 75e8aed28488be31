package io.github.shikumi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.engine.Backprop;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.text.ShikumiException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The softmax output layer with cross-entropy, on a network small enough to compute by hand. */
class SoftmaxOutputTest {
    /**
     * 1-0-2 without hidden layer: one input x = 1, w = (2, −1), θ = (0.5, −0.5): s = (2·1 − 0.5, −1·1 + 0.5)
     * = (1.5, −0.5); z = (e^1.5, e^−0.5) / (e^1.5 + e^−0.5) = (1 / (1 + e^−2), 1 / (1 + e^2)); with label 0
     * e = −log z_1 = log(1 + e^−2); δO = z − t = (z_1 − 1, z_2) = (−1 / (1 + e^2), 1 / (1 + e^2));
     * ∂e/∂w_k1 = δ_k·1, ∂e/∂θ_k = −δ_k.
     */
    @Test
    void a_hand_computed_softmax_network() {
        Network net = new Network(new ParamLayout(1, 2), List.of("a", "b"), 1, 1, new double[] {2, -1, 0.5, -0.5},
                java.util.Map.of(), Output.SOFTMAX);
        double small = 1 / (1 + Math.exp(2));
        assertThat(net.outputs(new double[] {1})).containsExactly(new double[] {1 - small, small}, within(1e-15));
        Trace t = Trace.of(net, new double[] {1}, 0);
        assertThat(t.e()).isCloseTo(Math.log(1 + Math.exp(-2)), within(1e-15));
        assertThat(t.gradient()).containsExactly(new double[] {-small, small, small, -small}, within(1e-15));
        Dataset one = new Dataset("one", List.of("a", "b"), 1, 1, new double[][] {{1}}, new int[] {0});
        double[] g = new double[4];
        double e = new Backprop(net.layout(), Output.SOFTMAX, one).gradient(net.params(), g);
        assertThat(e).isCloseTo(Math.log(1 + Math.exp(-2)), within(1e-15));
        assertThat(g).containsExactly(new double[] {-small, small, small, -small}, within(1e-15));
    }

    @Test
    void model_json_keeps_the_output_kind_and_old_files_load_as_the_books_sigmoid() {
        Network soft = new Network(new ParamLayout(2, 2), List.of("a", "b"), 1, 2, new double[] {1, 2, 3, 4, 0.5, -0.25},
                java.util.Map.of(), Output.SOFTMAX);
        String json = ModelJson.write(soft);
        assertThat(json).contains("\"output\" : \"softmax\"");
        Network back = ModelJson.parse("m.json", json);
        assertThat(back.output()).isEqualTo(Output.SOFTMAX);
        assertThat(back).isEqualTo(soft);
        Network book = soft.withOutput(Output.SIGMOID);
        String bookJson = ModelJson.write(book);
        assertThat(bookJson).doesNotContain("\"output\"");
        assertThat(ModelJson.parse("m.json", bookJson).output()).isEqualTo(Output.SIGMOID);
    }

    @Test
    void an_unknown_output_kind_is_rejected() {
        String json = ModelJson.write(new Network(new ParamLayout(2, 2), List.of("a", "b"), 1, 2, new double[6]))
                .replace("\"activation\" : \"sigmoid\",", "\"activation\" : \"sigmoid\",\n  \"output\" : \"relu\",");
        try {
            ModelJson.parse("m.json", json);
            throw new AssertionError("no exception");
        } catch (ShikumiException e) {
            assertThat(e.message(Locale.ENGLISH)).isEqualTo("m.json: output: output \"relu\" is not supported (supported: sigmoid, softmax)");
        }
    }
}
