package io.github.shikumi.check;

import static io.github.shikumi.Fixtures.englishMessage;
import static io.github.shikumi.Fixtures.japaneseMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.Fixtures;
import io.github.shikumi.model.Network;
import org.junit.jupiter.api.Test;

/** No label is predicted, and no accuracy counted, from outputs that are not numbers. */
class ConfusionNotFiniteTest {
    @Test
    void outputs_that_are_nan_are_refused_naming_the_image() {
        Network tiny = Fixtures.tinyNetwork();
        double[] p = tiny.params();
        p[0] = Double.POSITIVE_INFINITY; // wH[1][1] = ∞; image 1 has x = (1, 0): s = ∞·1 − ∞·… … and 0·∞ = NaN
        p[1] = Double.NEGATIVE_INFINITY;
        Network diverged = tiny.withParams(p);
        assertThat(englishMessage(() -> Confusion.of(diverged, Fixtures.tinyData())))
                .startsWith("tiny.txt: the outputs of image 1 are not numbers ([NaN, NaN]):")
                .endsWith("so it predicts nothing");
        assertThat(japaneseMessage(() -> Confusion.of(diverged, Fixtures.tinyData())))
                .startsWith("tiny.txt: 画像 1 の出力が数ではありません ([NaN, NaN]):");
    }

    @Test
    void float_outputs_that_are_nan_are_refused_naming_the_image() {
        float[] out = {0.2f, 0.8f, Float.NaN, 0.5f}; // image 2 of the tiny data
        assertThat(englishMessage(() -> Confusion.of(Fixtures.tinyData(), out)))
                .startsWith("tiny.txt: the outputs of image 2 are not numbers ([NaN, 0.5]):");
    }
}
