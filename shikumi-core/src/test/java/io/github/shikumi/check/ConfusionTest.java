package io.github.shikumi.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionTest {
    /**
     * A 3-3 network (no hidden layer) with w = 10·identity and θ = 0: z_k = σ(10·x_k), so the predicted label
     * is the index of the black pixel, and an all-white image gives z = (0.5, 0.5, 0.5), a tie that goes to
     * the first label.
     */
    private static Network pixelPicker() {
        double[] p = {
            10, 0, 0,
            0, 10, 0,
            0, 0, 10,
            0, 0, 0,
        };
        return new Network(new ParamLayout(3, 3), List.of("A", "B", "C"), 1, 3, p);
    }

    /** Seven 1×3 images: (actual label, black pixel = predicted label). */
    private static Dataset sevenImages() {
        double[][] x = {
            {1, 0, 0}, // A predicted A
            {1, 0, 0}, // A predicted A
            {0, 1, 0}, // A predicted B
            {0, 1, 0}, // B predicted B
            {0, 0, 1}, // B predicted C
            {0, 0, 1}, // C predicted C
            {0, 0, 0}, // C predicted A (tie)
        };
        int[] t = {0, 0, 0, 1, 1, 2, 2};
        return new Dataset("seven", List.of("A", "B", "C"), 1, 3, x, t);
    }

    @Test
    void confusion_matrix_counts_actual_against_predicted() {
        Confusion c = Confusion.of(pixelPicker(), sevenImages());
        // rows actual A, B, C; columns predicted A, B, C
        int[][] expected = {
            {2, 1, 0},
            {0, 1, 1},
            {1, 0, 1},
        };
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                assertThat(c.count(a, p)).as("actual %d predicted %d", a, p).isEqualTo(expected[a][p]);
            }
        }
        assertThat(c.labels()).containsExactly("A", "B", "C");
        assertThat(c.size()).isEqualTo(7);
    }

    @Test
    void accuracy_is_the_share_of_correct_predictions() {
        Confusion c = Confusion.of(pixelPicker(), sevenImages());
        // correct: images 1, 2, 4, 6 → 4 of 7
        assertThat(c.correctCount()).isEqualTo(4);
        assertThat(c.accuracy()).isEqualTo(4.0 / 7.0);
        assertThat(c.correct(0)).isTrue();
        assertThat(c.correct(2)).isFalse();
        assertThat(c.predicted(4)).isEqualTo(2);
        assertThat(c.actual(4)).isEqualTo(1);
    }

    @Test
    void a_tie_goes_to_the_first_label_and_outputs_are_kept() {
        Confusion c = Confusion.of(pixelPicker(), sevenImages());
        assertThat(c.outputs(6)).containsExactly(0.5, 0.5, 0.5);
        assertThat(c.predicted(6)).isEqualTo(0);
        // σ(10) = 1/(1 + e^−10), e^−10 = 4.5399929762484854e-5 (python3 math.exp) → 0.99995460213129761
        assertThat(c.outputs(0)[0]).isCloseTo(0.99995460213129761, within(1e-15));
    }

    /** Outputs computed elsewhere (K per image, as floats) give the same matrix as the network's own outputs. */
    @Test
    void outputs_given_as_floats_give_the_same_predictions() {
        Dataset d = sevenImages();
        Confusion net = Confusion.of(pixelPicker(), d);
        float[] out = new float[d.size() * 3];
        for (int n = 0; n < d.size(); n++) {
            for (int k = 0; k < 3; k++) {
                out[n * 3 + k] = (float) net.outputs(n)[k];
            }
        }
        Confusion given = Confusion.of(d, out);
        for (int n = 0; n < d.size(); n++) {
            assertThat(given.predicted(n)).as("image %d", n).isEqualTo(net.predicted(n));
            assertThat(given.actual(n)).isEqualTo(net.actual(n));
            assertThat(given.outputs(n)[0]).isEqualTo((double) out[n * 3]);
        }
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                assertThat(given.count(a, p)).isEqualTo(net.count(a, p));
            }
        }
        assertThat(given.predicted(6)).isEqualTo(0); // the tie still goes to the first label
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Confusion.of(d, new float[d.size() * 3 - 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
