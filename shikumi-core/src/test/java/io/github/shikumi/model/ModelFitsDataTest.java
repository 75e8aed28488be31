package io.github.shikumi.model;

import static io.github.shikumi.Fixtures.englishMessage;
import static io.github.shikumi.Fixtures.japaneseMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A model reads only data of its own image shape and labels; the messages name both sides. */
class ModelFitsDataTest {
    private static Network model(int height, int width, List<String> labels) {
        ParamLayout layout = new ParamLayout(height * width, 3, labels.size());
        return new Network(layout, labels, height, width, new double[layout.count()]);
    }

    @Test
    void a_4x5_model_does_not_read_5x4_images_though_both_have_20_pixels() {
        Dataset d = Fixtures.aple4();
        Network m = model(4, 5, List.of("A", "P", "L", "E"));
        assertThat(englishMessage(() -> m.checkFits(d, "m.json")))
                .isEqualTo("m.json: the model reads images of 4×5 (inputShape) but the data's images are 5×4");
        assertThat(japaneseMessage(() -> m.checkFits(d, "m.json")))
                .isEqualTo("m.json: モデルが読む画像は 4×5 (inputShape) ですが、データの画像は 5×4 です");
    }

    @Test
    void other_labels_are_refused_naming_both_lists() {
        Dataset d = Fixtures.aple4();
        Network m = model(5, 4, List.of("A", "P", "E", "L"));
        assertThat(englishMessage(() -> m.checkFits(d, "m.json")))
                .isEqualTo("m.json: the model's labels [A, P, E, L] do not match the data's labels [A, P, L, E]");
    }

    @Test
    void the_same_shape_and_labels_fit() {
        model(5, 4, List.of("A", "P", "L", "E")).checkFits(Fixtures.aple4(), "m.json");
    }
}
