package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.Trace;
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

    private void refused(Network net, Dataset d, Text text, String english, String japanese) throws Exception {
        Path out = dir.resolve("refused.xlsx");
        assertThatThrownBy(() -> WorkbookExport.export(net, d, 0.05, 1, Locale.ENGLISH, out, false))
                .isInstanceOfSatisfying(XlsxException.class, e -> {
                    assertThat(e.text()).isEqualTo(text);
                    // the formula's length is the exporter's own count: any number above 8,192 (written 9,999 here)
                    assertThat(e.message(Locale.ENGLISH).replaceAll("has \\d{1,2},\\d{3} characters", "has 9,999 characters"))
                            .isEqualTo(english).doesNotContain("\n");
                    assertThat(e.message(Locale.ENGLISH)).doesNotContain("has 8,1", "has 8,0", "has 7,");
                    assertThat(e.message(Locale.JAPANESE)).contains(japanese).doesNotContain("\n");
                });
        assertThat(files()).isEmpty();
    }

    @Test
    void hidden_delta_formula_longer_than_excel_takes_is_refused() throws Exception {
        // δH1[1] sums over the 600 units of H2: 600 terms of about 17 characters each, more than 8,192
        Dataset d = TestData.zeroOne();
        Network wide = Network.initial(d, 1, 1, 600);
        refused(wide, d, Text.ERROR_FORMULA_TOO_LONG, "model: the network 12-1-600-2 is too wide for the BP sheet: "
                + "the formula of δH1[1] in an image's row sums over the 600 units of layer H2 and has 9,999 "
                + "characters, more than the 8,192 a spreadsheet cell holds", "8,192 文字を超えます");
    }

    @Test
    void softmax_error_formula_longer_than_excel_takes_is_refused_but_the_same_sigmoid_network_is_written()
            throws Exception {
        // 300 labels: e = −Σ_k t_k·log z_k written term by term is longer than 8,192 characters
        int k = 300;
        List<String> labels = new java.util.ArrayList<>();
        double[][] images = new double[k][4];
        int[] targets = new int[k];
        for (int i = 0; i < k; i++) {
            labels.add("c" + i);
            images[i][i % 4] = 1;
            targets[i] = i;
        }
        Dataset d = new Dataset("many", labels, 2, 2, images, targets);
        Network net = Network.initial(d, 1, 2);
        refused(net.withOutput(Output.SOFTMAX), d, Text.ERROR_FORMULA_TOO_LONG,
                "model: the network 4-2-300 is too wide for the BP sheet: the formula of e in an image's row sums "
                        + "over the 300 units of layer O and has 9,999 characters, more than the 8,192 a spreadsheet "
                        + "cell holds", "e の数式");
        WorkbookExport.check(net, d, 0.05, 1);
    }

    @Test
    void sigmoid_unit_whose_exp_overflows_is_refused() throws Exception {
        // θ = 800 for H[2]: s = Σ w·x − 800 < −709.78, e^(−s) is beyond a double (Excel: #NUM!, core: z = 0)
        double[] p = model.params();
        p[model.layout().threshold(0, 1)] = 800;
        refused(model.withParams(p), aple, Text.ERROR_EXP_OVERFLOW, "model: image 1: unit H[2] has s = "
                + String.format(Locale.ENGLISH, "%,.3f", Trace.of(model.withParams(p), aple.image(0), aple.target(0)).s(0, 1))
                + ", and e^(−s) overflows in a spreadsheet (EXP of more than 709): its z has no value there", "あふれます");
    }

    @Test
    void softmax_output_of_zero_at_the_label_is_refused() throws Exception {
        // θ = 5000 for O[1] (label A): z_A = e^(−5000…) = 0 for every image, e = −log 0 = ∞ for the A images
        Network soft = model.withOutput(Output.SOFTMAX);
        double[] p = soft.params();
        p[soft.layout().threshold(1, 0)] = 5000;
        refused(soft.withParams(p), aple, Text.ERROR_SOFTMAX_ZERO, "model: image 1: the softmax output z of its "
                + "label's unit O[1] is 0 (its s is more than 745 below the largest), so its e is infinite and "
                + "LN(0) has no value in a spreadsheet", "LN(0)");
    }
}
