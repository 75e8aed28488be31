package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shikumi export-xlsx}: writes the workbook, or refuses bad input with one line, exit 2 and no file. */
class ExportXlsxCommandTest {
    private static final String DIGITS = """
            # labels: 0 1
            0
            ###
            #.#
            #.#
            ###

            0
            .##
            #.#
            #.#
            ##.

            0
            ##.
            #.#
            #.#
            .##

            1
            .#.
            ##.
            .#.
            .#.

            1
            .#.
            .#.
            .#.
            .#.

            1
            ..#
            .##
            ..#
            ..#
            """;

    @TempDir
    Path dir;

    Path digits;

    @BeforeEach
    void writeData() throws Exception {
        digits = dir.resolve("digits.txt");
        Files.writeString(digits, DIGITS);
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.filter(p -> !p.equals(digits)).toList());
        }
    }

    private static double named(XSSFWorkbook wb, String name) {
        CellReference ref = new AreaReference(wb.getName(name).getRefersToFormula(), wb.getSpreadsheetVersion())
                .getFirstCell();
        return wb.getSheet(ref.getSheetName()).getRow(ref.getRow()).getCell(ref.getCol()).getNumericCellValue();
    }

    @Test
    void writes_the_workbook_of_a_seeded_network_and_says_so() throws Exception {
        Path out = dir.resolve("book.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--data", digits.toString(), "--seed", "4", "--hidden", "2",
                "--eta", "0.2", "--iterations", "30", "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("workbook written to " + out)
                .contains("network 12-2-2 on " + digits + ": BP sheet with formulas for 6 of 6 images");
        Dataset d = Datasets.load(digits.toString(), null);
        Network net = Network.initial(d, 4, 2);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(0)).isEqualTo("BP");
            assertThat(named(wb, "eta")).isEqualTo(0.2);
            assertThat(named(wb, "iterations")).isEqualTo(30);
            assertThat(named(wb, "E")).isCloseTo(Reference.error(net, d), within(1e-12));
        }
        assertThat(files()).containsExactly(out);
    }

    @Test
    void defaults_export_the_books_experiment_on_aple() throws Exception {
        Path out = dir.resolve("book.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("network 20-3-4 on aple: BP sheet with formulas for 128 of 128 images")
                .contains("after 500 iterations");
        Dataset aple = Datasets.bundled("aple");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(named(wb, "eta")).isEqualTo(0.05);
            assertThat(named(wb, "iterations")).isEqualTo(500);
            assertThat(named(wb, "E")).isCloseTo(Reference.error(Network.initial(aple, 1, 3), aple), within(1e-11));
            assertThat(wb.getSheet("Training").getLastRowNum()).isEqualTo(2 + 1 + 500);
        }
    }

    @Test
    void starts_from_a_model_file_and_writes_japanese_sheets() throws Exception {
        Path model = dir.resolve("m.json");
        assertThat(CliRun.of("train", "--data", digits.toString(), "--iterations", "50", "--out", model.toString())
                .exit()).isEqualTo(0);
        Network net = ModelJson.read(model);
        Path out = dir.resolve("book.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--data", digits.toString(), "--model", model.toString(),
                "--iterations", "5", "--out", out.toString(), "--lang", "ja");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("ブックを " + out + " に書き出しました");
        Dataset d = Datasets.load(digits.toString(), null);
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetName(1)).isEqualTo("学習経過");
            assertThat(named(wb, "E")).isCloseTo(Reference.error(net, d), within(1e-12));
        }
    }

    @Test
    void out_in_a_missing_folder_is_refused_with_exit_2_and_no_file() throws Exception {
        Path out = dir.resolve("missing/book.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--data", digits.toString(), "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("shikumi: " + out + ": folder ").endsWith(" does not exist")
                .doesNotContain("\n");
        assertThat(files()).isEmpty();
    }

    @Test
    void existing_file_is_kept_without_force_and_replaced_with_force() throws Exception {
        Path out = dir.resolve("book.xlsx");
        Files.writeString(out, "keep me");
        CliRun r = CliRun.of("export-xlsx", "--data", digits.toString(), "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + out + ": file already exists (use --force to overwrite)");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        CliRun forced = CliRun.of("export-xlsx", "--data", digits.toString(), "--iterations", "3",
                "--out", out.toString(), "--force");
        assertThat(forced.exit()).as(forced.err()).isEqualTo(0);
        assertThat(Files.readAllBytes(out)).startsWith('P', 'K');
        assertThat(files()).containsExactly(out);
    }

    @Test
    void model_that_does_not_fit_the_data_is_refused_with_exit_2_and_no_file() throws Exception {
        Path other = dir.resolve("other.txt");
        Files.writeString(other, "a\n##\n..\n\nb\n..\n##\n");
        Path model = dir.resolve("m.json");
        assertThat(CliRun.of("train", "--data", other.toString(), "--iterations", "2", "--out", model.toString())
                .exit()).isEqualTo(0);
        Path out = dir.resolve("book.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--data", digits.toString(), "--model", model.toString(),
                "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + model
                + ": the model takes 4 inputs (2×2) but the data have 12 pixels per image (4×3)");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void model_and_seed_together_are_a_usage_error() {
        Path out = dir.resolve("book.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--data", digits.toString(), "--model", "m.json", "--seed", "3",
                "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("give either --model or --seed/--hidden, not both").doesNotContain("Exception");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void network_too_large_for_a_sheet_is_refused_with_exit_2() throws Exception {
        StringBuilder big = new StringBuilder();
        for (String label : List.of("a", "b")) {
            big.append(label).append('\n');
            for (int y = 0; y < 10; y++) {
                big.append(label.equals("a") && y == 0 ? "#" : ".").append(".".repeat(9)).append('\n');
            }
            big.append('\n');
        }
        Path data = dir.resolve("big.txt");
        Files.writeString(data, big);
        Path out = dir.resolve("book.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--data", data.toString(), "--hidden", "200", "--out", out.toString(),
                "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("shikumi: model: the network 100-200-2 has 20,602 parameters")
                .doesNotContain("\n");
        assertThat(Files.exists(out)).isFalse();
    }

    /** A softmax model on the digits, as a model file. */
    private Path softmaxModel(Network net) throws Exception {
        Path model = dir.resolve("soft.json");
        Files.writeString(model, ModelJson.write(net.withOutput(Output.SOFTMAX)));
        return model;
    }

    @Test
    void softmax_model_is_written_with_cross_entropy_and_the_same_bytes_on_every_run() throws Exception {
        Dataset d = Datasets.load(digits.toString(), null);
        Path model = softmaxModel(Network.initial(d, 4, 3));
        Network net = ModelJson.read(model);
        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--data", digits.toString(), "--model", model.toString(),
                "--iterations", "4", "--out", first.toString(), "--lang", "en");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        Thread.sleep(2_100); // past the 2-second resolution of zip entry times
        assertThat(CliRun.of("export-xlsx", "--data", digits.toString(), "--model", model.toString(),
                "--iterations", "4", "--out", second.toString(), "--lang", "en").exit()).isEqualTo(0);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        double[] g = new double[net.layout().count()];
        double e = new Backprop(net.layout(), Output.SOFTMAX, d).gradient(net.params(), g);
        try (InputStream in = Files.newInputStream(first); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(named(wb, "E")).isCloseTo(e, within(1e-12 * e));
            assertThat(wb.getSheetAt(0).getRow(5).getCell(0).getStringCellValue()).contains("cross-entropy");
        }
        assertThat(files()).containsExactlyInAnyOrder(model, first, second);
    }

    @Test
    void softmax_model_the_sheet_cannot_show_is_refused_with_exit_2_one_line_and_no_file() throws Exception {
        Dataset d = Datasets.load(digits.toString(), null);
        Network net = Network.initial(d, 4, 3);
        double[] p = net.params();
        p[net.layout().threshold(1, 0)] = 5000; // z of label 0 is e^(−5000…) = 0: e = −log 0
        Path model = softmaxModel(net.withParams(p));
        Path out = dir.resolve("book.xlsx");
        CliRun r = CliRun.of("export-xlsx", "--data", digits.toString(), "--model", model.toString(),
                "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: model: image 1: the softmax output z of its label's unit O[1] is 0 "
                + "(its s is more than 745 below the largest), so its e is infinite and LN(0) has no value in a spreadsheet");
        assertThat(r.err().strip()).doesNotContain("\n");
        assertThat(Files.exists(out)).isFalse();
    }
}
