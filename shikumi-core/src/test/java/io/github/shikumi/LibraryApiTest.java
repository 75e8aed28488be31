package io.github.shikumi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.text.ShikumiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryApiTest {
    private static final Path BOOK_MODEL = Path.of("..", "examples", "book-model.json");

    @Test
    void train_book_saves_the_same_file_byte_for_byte_as_shikumi_train_out(@TempDir Path dir) throws Exception {
        Model m = Shikumi.trainBook();
        Path out = dir.resolve("m.json");
        m.save(out);
        assertThat(Files.readString(out)).isEqualTo(Files.readString(BOOK_MODEL));
        assertThat(m.errorCurve()).hasSize(501);
        assertThat(m.errorCurve()[500]).isEqualTo(m.error(Shikumi.bookData()));
    }

    @Test
    void predict_gives_the_label_of_the_largest_output_for_every_image() {
        Model m = Shikumi.load(BOOK_MODEL);
        Dataset d = Shikumi.bookData();
        Confusion c = Confusion.of(m.network(), d);
        for (int n = 0; n < d.size(); n++) {
            Prediction p = m.predict(d.image(n));
            assertThat(p.index()).isEqualTo(c.predicted(n));
            assertThat(p.label()).isEqualTo(d.labels().get(c.predicted(n)));
            assertThat(p.scores()).containsExactly(m.network().outputs(d.image(n)));
        }
        assertThat(m.accuracy(d)).isEqualTo(1.0);
    }

    @Test
    void predict_reads_an_image_drawn_as_text() {
        Model m = Shikumi.load(BOOK_MODEL);
        Prediction a = m.predict("""
                .##.
                #..#
                ####
                #..#
                #..#
                """);
        assertThat(a.label()).isEqualTo("A");
        assertThat(a.score("A")).isEqualTo(a.scores()[0]);
        assertThat(a.scores()).containsExactly(m.network().outputs(new double[] {
            0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1}));
    }

    @Test
    void an_image_of_the_wrong_size_is_refused_naming_expected_and_actual() {
        Model m = Shikumi.load(BOOK_MODEL);
        assertThatThrownBy(() -> m.predict(new double[19])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image: the image has 19 pixels, the model reads 20 (5×4)");
        assertThatThrownBy(() -> m.network().outputs(new double[21])).isInstanceOf(ShikumiException.class)
                .hasMessage("image: the image has 21 pixels, the model reads 20 (5×4)");
        assertThatThrownBy(() -> m.predict(".##.\n#..#\n####\n#..#")).hasMessage(
                "image: the image has 4 rows of 4 pixels, the model reads 5 rows of 4 (# black, . white)");
        assertThatThrownBy(() -> m.predict(".##.\n#..#\n##x#\n#..#\n#..#"))
                .hasMessage("image: the image has \"x\" in row 3: pixels are # (black) or . (white)");
    }

    @Test
    void bad_settings_are_refused_at_once_naming_the_field_in_library_wording() {
        ShikumiException e = catchShikumi(() -> Settings.book().withHidden(0));
        assertThat(e.where()).isEqualTo("hidden");
        assertThat(e.getMessage()).isEqualTo("hidden: hidden units must be 1 or more, got 0");
        assertThat(e.text(Locale.ENGLISH)).isEqualTo("hidden units must be 1 or more, got 0");
        assertThat(catchShikumi(() -> Settings.book().withEta(-1)).where()).isEqualTo("eta");
        assertThat(catchShikumi(() -> Settings.book().withIterations(-1)).where()).isEqualTo("iterations");
        assertThat(catchShikumi(() -> Network.initial(Shikumi.bookData(), 1, 3, 0)).where()).isEqualTo("hidden");
    }

    @Test
    void settings_change_the_run_as_the_cli_options_do() {
        Model m = Shikumi.train(Shikumi.bookData(), Settings.book().withSeed(2).withHidden(5).withEta(0.1).withIterations(10));
        assertThat(m.network().layout().sizes()).containsExactly(20, 5, 4);
        assertThat(m.errorCurve()).hasSize(11);
        assertThat(m.network().provenance()).containsEntry("seed", 2L);
    }

    /**
     * The roles through the library: a tanh network trained by Adam is the run the low-level classes make with
     * the same choices (bit for bit), and records them.
     */
    @Test
    void settings_choose_the_activation_and_the_update_rule() {
        Settings s = Settings.book().withActivation(io.github.shikumi.model.Activation.TANH).withOptimizer("adam")
                .withEta(0.01).withIterations(50);
        Model m = Shikumi.train(Shikumi.bookData(), s);
        io.github.shikumi.model.Network start = io.github.shikumi.model.Network.initial(Shikumi.bookData(), 1, 3)
                .withActivations(java.util.List.of(io.github.shikumi.model.Activation.TANH));
        double[] low = new io.github.shikumi.train.GradientDescent(new io.github.shikumi.update.AdamUpdate(0.01))
                .minimize(new io.github.shikumi.train.NetworkObjective(start, Shikumi.bookData()), start.params(), 50,
                        io.github.shikumi.train.IterationListener.NONE).params();
        assertThat(m.network().params()).containsExactly(low);
        assertThat(m.network().activations()).containsExactly(io.github.shikumi.model.Activation.TANH);
        assertThat(m.network().provenance()).containsEntry("optimizer", "adam").containsEntry("beta1", 0.9);
        assertThat(catchShikumi(() -> Settings.book().withOptimizer("rmsprop")).where()).isEqualTo("optimizer");
    }

    @Test
    void a_model_written_to_a_stream_is_the_file_and_reads_back_bit_for_bit(@TempDir Path dir) {
        Model m = Shikumi.load(BOOK_MODEL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelJson.write(m.network(), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(ModelJson.write(m.network()));
        Path p = dir.resolve("again.json");
        m.save(p);
        assertThat(Model.load(p).network()).isEqualTo(m.network());
    }

    private static ShikumiException catchShikumi(Runnable r) {
        try {
            r.run();
        } catch (ShikumiException e) {
            return e;
        }
        throw new AssertionError("no ShikumiException");
    }
}
