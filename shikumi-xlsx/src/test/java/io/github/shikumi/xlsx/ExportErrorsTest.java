package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to the exporter: a clear message (core's ShikumiException or XlsxException), and no file left behind. */
class ExportErrorsTest {
    @TempDir
    Path dir;

    private final Dataset aple = TestData.aple();
    private final Network model = Network.initial(aple, 1, 3);

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private ShikumiException failing(Runnable r) {
        try {
            r.run();
        } catch (ShikumiException e) {
            return e;
        }
        throw new AssertionError("expected a ShikumiException");
    }

    @Test
    void model_whose_inputs_do_not_fit_the_data_is_refused_and_nothing_is_written() throws Exception {
        Network zeroOneModel = Network.initial(TestData.zeroOne(), 1, 3);
        Path out = dir.resolve("book.xlsx");
        ShikumiException e = failing(() ->
                WorkbookExport.export(zeroOneModel, aple, 0.05, 10, Locale.ENGLISH, out, false));
        assertThat(e.msg()).isEqualTo(Msg.MISMATCH_INPUTS);
        assertThat(e.message(Locale.ENGLISH)).isEqualTo(
                "model: the model takes 12 inputs (4×3) but the data have 20 pixels per image (5×4)");
        assertThat(files()).isEmpty();
    }

    @Test
    void model_whose_labels_differ_from_the_data_is_refused() throws Exception {
        Network other = new Network(model.layout(), List.of("E", "L", "P", "A"), 5, 4, model.params());
        ShikumiException e = failing(() ->
                WorkbookExport.export(other, aple, 0.05, 10, Locale.JAPANESE, dir.resolve("b.xlsx"), false));
        assertThat(e.msg()).isEqualTo(Msg.MISMATCH_LABELS);
        assertThat(files()).isEmpty();
    }

    @Test
    void existing_file_is_kept_unless_forced() throws Exception {
        Path out = dir.resolve("book.xlsx");
        Files.writeString(out, "my notes");
        ShikumiException e = failing(() ->
                WorkbookExport.export(model, aple, 0.05, 10, Locale.ENGLISH, out, false));
        assertThat(e.msg()).isEqualTo(Msg.FILE_EXISTS);
        assertThat(Files.readString(out)).isEqualTo("my notes");
        assertThat(files()).containsExactly(out);

        WorkbookExport.export(model, aple, 0.05, 10, Locale.ENGLISH, out, true);
        byte[] bytes = Files.readAllBytes(out);
        assertThat(new String(bytes, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        try (Book book = Book.stored(bytes)) {
            assertThat(book.named("eta")).isEqualTo(0.05);
        }
        assertThat(files()).containsExactly(out);
    }

    @Test
    void out_in_a_missing_folder_is_refused() {
        Path out = dir.resolve("no/such/folder/book.xlsx");
        ShikumiException e = failing(() ->
                WorkbookExport.export(model, aple, 0.05, 10, Locale.ENGLISH, out, false));
        assertThat(e.msg()).isEqualTo(Msg.FILE_DIR_MISSING);
        assertThat(Files.exists(out.getParent())).isFalse();
    }

    @Test
    void eta_and_iterations_out_of_range_are_refused() throws Exception {
        Path out = dir.resolve("book.xlsx");
        assertThat(failing(() -> WorkbookExport.export(model, aple, 0, 10, Locale.ENGLISH, out, false)).msg())
                .isEqualTo(Msg.ETA_INVALID);
        assertThat(failing(() -> WorkbookExport.export(model, aple, Double.NaN, 10, Locale.ENGLISH, out, false)).msg())
                .isEqualTo(Msg.ETA_INVALID);
        assertThat(failing(() -> WorkbookExport.export(model, aple, 0.05, -1, Locale.ENGLISH, out, false)).msg())
                .isEqualTo(Msg.ITERATIONS_INVALID);
        assertThat(files()).isEmpty();
    }

    @Test
    void network_too_large_for_a_sheet_is_refused_with_a_clear_message() throws Exception {
        // 10×10 images, 200 hidden units: 20,000 + 200 + 200·2 + 2 = 20,602 parameters, a column each
        double[][] images = new double[2][100];
        images[1][3] = 1;
        Dataset d = new Dataset("wide", List.of("a", "b"), 10, 10, images, new int[] {0, 1});
        Network big = Network.initial(d, 1, 200);
        assertThat(big.layout()).isEqualTo(new ParamLayout(100, 200, 2));
        Path out = dir.resolve("big.xlsx");
        assertThatThrownBy(() -> WorkbookExport.export(big, d, 0.05, 1, Locale.ENGLISH, out, false))
                .isInstanceOfSatisfying(XlsxException.class, e -> {
                    assertThat(e.text()).isEqualTo(Text.ERROR_TOO_LARGE);
                    assertThat(e.message(Locale.ENGLISH)).startsWith(
                            "model: the network 100-200-2 has 20,602 parameters, more than a worksheet has columns for");
                    assertThat(e.message(Locale.JAPANESE)).contains("ワークシートの列数に収まりません");
                });
        assertThat(files()).isEmpty();
    }
}
