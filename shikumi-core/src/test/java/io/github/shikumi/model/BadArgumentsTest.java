package io.github.shikumi.model;

import static io.github.shikumi.Fixtures.englishMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.update.MomentumUpdate;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model that does not fit the data, and training settings out of range: one line naming the field. */
class BadArgumentsTest {
    @Test
    void a_model_with_another_input_size_is_rejected() {
        Network tiny = Fixtures.tinyNetwork();
        assertThat(englishMessage(() -> tiny.checkFits(Fixtures.aple4(), "tiny.json")))
                .isEqualTo("tiny.json: the model takes 2 inputs (1×2) but the data have 20 pixels per image (5×4)");
        assertThat(englishMessage(() -> Training.gradientDescent(tiny, Fixtures.aple4(), 0.05, 1, TrainingListener.NONE)))
                .isEqualTo("model: the model takes 2 inputs (1×2) but the data have 20 pixels per image (5×4)");
    }

    @Test
    void a_model_with_other_labels_is_rejected() {
        Dataset swapped = new Dataset("ba.txt", List.of("B", "A"), 1, 2, new double[][] {{1, 0}, {1, 1}}, new int[] {0, 1});
        assertThat(englishMessage(() -> Fixtures.tinyNetwork().checkFits(swapped, "tiny.json")))
                .isEqualTo("tiny.json: the model's labels [A, B] do not match the data's labels [B, A]");
    }

    @Test
    void eta_must_be_positive_and_finite() {
        assertThat(englishMessage(() -> new GradientDescent(0))).isEqualTo("eta: η (learning rate) must be a positive finite number, got 0.0");
        assertThat(englishMessage(() -> new GradientDescent(-0.05))).isEqualTo("eta: η (learning rate) must be a positive finite number, got -0.05");
        assertThat(englishMessage(() -> new GradientDescent(Double.NaN))).isEqualTo("eta: η (learning rate) must be a positive finite number, got NaN");
        assertThat(englishMessage(() -> new GradientDescent(Double.POSITIVE_INFINITY)))
                .isEqualTo("eta: η (learning rate) must be a positive finite number, got Infinity");
        assertThat(englishMessage(() -> new GradientDescent(new MomentumUpdate(0, 0.5)))).isEqualTo("eta: η (learning rate) must be a positive finite number, got 0.0");
    }

    @Test
    void iterations_must_not_be_negative() {
        Dataset data = Fixtures.tinyData();
        Network net = Fixtures.tinyNetwork();
        assertThat(englishMessage(() -> Training.gradientDescent(net, data, 0.05, -1, TrainingListener.NONE)))
                .isEqualTo("iterations: iterations must be 0 or more, got -1");
        assertThat(englishMessage(() -> new GradientDescent(0.05).minimize(
                new io.github.shikumi.train.NetworkObjective(net.layout(), data), net.params(), -3, IterationListener.NONE)))
                .isEqualTo("iterations: iterations must be 0 or more, got -3");
    }

    @Test
    void hidden_units_must_be_at_least_one() {
        assertThat(englishMessage(() -> Network.initial(Fixtures.aple4(), 1, 0))).isEqualTo("hidden: hidden units must be 1 or more, got 0");
        assertThat(englishMessage(() -> Network.initial(Fixtures.aple4(), 1, 3, -2))).isEqualTo("hidden: hidden units must be 1 or more, got -2");
    }

    @Test
    void momentum_must_be_from_0_to_below_1() {
        assertThat(englishMessage(() -> new GradientDescent(new MomentumUpdate(0.05, 1.0)))).isEqualTo("momentum: momentum must be from 0 to below 1, got 1.0");
        assertThat(englishMessage(() -> new GradientDescent(new MomentumUpdate(0.05, -0.1)))).isEqualTo("momentum: momentum must be from 0 to below 1, got -0.1");
        assertThat(englishMessage(() -> new GradientDescent(new MomentumUpdate(0.05, Double.NaN)))).isEqualTo("momentum: momentum must be from 0 to below 1, got NaN");
    }

    @Test
    void a_parameter_array_of_the_wrong_length_is_rejected() {
        assertThat(englishMessage(() -> Fixtures.tinyNetwork().withParams(new double[11])))
                .isEqualTo("params: expected 12 parameters, got 11");
    }
}
