package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import io.github.shikumi.xlsx.ExerciseCheck.Finding;
import io.github.shikumi.xlsx.ExerciseCheck.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-xlsx's engine: a learner's workbook is evaluated by POI and compared with core's numbers. The
 * mistakes are made here by editing the formulas shikumi wrote (as a learner would), and the check must name
 * the edited cell first.
 */
class ExerciseCheckTest {
    private static final double ETA = 0.05;
    private static Dataset aple;
    private static Network start;
    private static byte[] full;

    @TempDir
    Path dir;

    @BeforeAll
    static void book() throws IOException {
        aple = TestData.aple();
        start = Network.initial(aple, 1, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookExport.write(aple, ETA, Training.gradientDescent(start, aple, ETA, 3, TrainingListener.NONE),
                Locale.ENGLISH, out);
        full = out.toByteArray();
    }

    @Test
    void full_export_checks_clean() throws IOException {
        Result r = ExerciseCheck.check(write("full.xlsx", full), Locale.ENGLISH);
        assertThat(r.findings()).isEmpty();
        assertThat(r.clean()).isTrue();
        assertThat(r.checked()).isEqualTo(formulaCells(full).size());
    }

    @Test
    void full_export_of_another_shape_and_the_softmax_output_checks_clean() throws IOException {
        Dataset ten = TestData.zeroOne();
        for (Network net : List.of(Network.initial(ten, 4, 5, 2), Network.initial(ten, 5, 3).withOutput(Output.SOFTMAX))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WorkbookExport.write(ten, ETA, Training.gradientDescent(net, ten, ETA, 1, TrainingListener.NONE), Locale.JAPANESE, out);
            Result r = ExerciseCheck.check(write("other.xlsx", out.toByteArray()), Locale.JAPANESE);
            assertThat(r.findings()).as(net.layout().shapeText()).isEmpty();
            assertThat(r.checked()).isEqualTo(formulaCells(out.toByteArray()).size());
        }
    }

    /**
     * Workbooks of tanh, ReLU and identity hidden layers (and two layers of different functions) check clean:
     * the checker computes with the workbook's own functions, named in its property; an empty δ cell's hint
     * writes the layer's own derivative.
     */
    @Test
    void full_exports_of_tanh_relu_and_identity_layers_check_clean() throws IOException {
        List<Network> nets = List.of(
                start.withActivations(List.of(io.github.shikumi.model.Activation.TANH)),
                start.withActivations(List.of(io.github.shikumi.model.Activation.RELU)),
                start.withActivations(List.of(io.github.shikumi.model.Activation.IDENTITY)),
                Network.initial(aple, 2, 4, 3).withActivations(
                        List.of(io.github.shikumi.model.Activation.RELU, io.github.shikumi.model.Activation.TANH)));
        for (Network net : nets) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WorkbookExport.write(aple, ETA, Training.gradientDescent(net, aple, ETA, 2, TrainingListener.NONE),
                    Locale.ENGLISH, out);
            Result r = ExerciseCheck.check(write("roles.xlsx", out.toByteArray()), Locale.ENGLISH);
            assertThat(r.findings()).as("%s %s", net.layout().shapeText(), net.activations()).isEmpty();
            assertThat(r.checked()).isEqualTo(formulaCells(out.toByteArray()).size());
        }
        ByteArrayOutputStream ex = new ByteArrayOutputStream();
        WorkbookExport.writeExercise(nets.get(0), aple, ETA, 0, EnumSet.of(Block.DELTA), Locale.ENGLISH, ex);
        Result r = ExerciseCheck.check(write("tanh-ex.xlsx", ex.toByteArray()), Locale.ENGLISH);
        Finding hidden = r.findings().stream().filter(f -> f.what().startsWith("δH[1]")).findFirst().orElseThrow();
        assertThat(hidden.missing()).isTrue();
        assertThat(hidden.hint()).contains("tanh′ = 1 − z²").doesNotContain("z(1 − z)");
        // the sigmoid book's workbook says nothing of activations: its property is as before
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            assertThat(wb.getProperties().getCustomProperties().getProperty(ExerciseCheck.PROPERTY).getLpwstr())
                    .doesNotContain("activation=");
        }
    }

    @Test
    void unfilled_exercise_lists_every_missing_cell_in_computation_order() throws IOException {
        Result r = ExerciseCheck.check(write("ex.xlsx", exercise(EnumSet.allOf(Block.class))), Locale.ENGLISH);
        Set<String> missing = new LinkedHashSet<>();
        for (Finding f : r.findings()) {
            assertThat(f.missing()).as(f.address()).isTrue();
            missing.add(f.address());
        }
        assertThat(missing).isEqualTo(formulaCells(full));
        // computation order: image 1's s first, E last
        assertThat(r.findings().get(0).what()).isEqualTo("sH[1] of image 1");
        assertThat(r.findings().get(r.findings().size() - 1).what()).isEqualTo("E");
        assertThat(r.findings().get(0).hint()).startsWith("empty: write the formula sH[1] = Σ_i wH[1][i]·(input i) − θH[1]");
    }

    @Test
    void exercise_filled_with_the_right_formulas_checks_clean() throws IOException {
        byte[] ex = exercise(EnumSet.of(Block.DELTA, Block.UPDATED));
        try (XSSFWorkbook learner = new XSSFWorkbook(new ByteArrayInputStream(ex));
             XSSFWorkbook answer = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            Sheet to = learner.getSheet("BP");
            int filled = 0;
            for (Row row : answer.getSheet("BP")) {
                for (Cell c : row) {
                    Row tr = to.getRow(c.getRowIndex());
                    Cell t = tr == null ? null : tr.getCell(c.getColumnIndex());
                    if (c.getCellType() == CellType.FORMULA && (t == null || t.getCellType() == CellType.BLANK)) {
                        (t == null ? (tr == null ? to.createRow(c.getRowIndex()) : tr).createCell(c.getColumnIndex()) : t)
                                .setCellFormula(c.getCellFormula());
                        filled++;
                    }
                }
            }
            assertThat(filled).isEqualTo(7 * 128 + 79);
            Result r = ExerciseCheck.check(save(learner, "filled.xlsx"), Locale.ENGLISH);
            assertThat(r.findings()).isEmpty();
        }
    }

    @Test
    void reversed_sign_of_t_minus_z_is_named_by_address() throws IOException {
        // δO[1] of image 3 written as (t − z)·z(1 − z)
        Finding f = firstAfterEdit(at -> new int[] {at.bandTop(2), at.deltaColumn(1, 0)}, s -> s.substring(1));
        assertThat(f.what()).isEqualTo("δO[1] of image 3");
        assertThat(f.hint()).startsWith("the sign of (t − z) is reversed");
    }

    @Test
    void reference_to_the_wrong_unit_is_named_by_address() throws IOException {
        // sH[2] of image 1 computed with unit 1's weights and threshold
        BpLayout at = layout();
        int top1 = at.paramsTop + at.unitRowOf(0, 0) + 1;
        int top2 = at.paramsTop + at.unitRowOf(0, 1) + 1;
        Finding f = firstAfterEdit(a -> new int[] {a.bandTop(0), a.sColumn(0, 1)},
                s -> s.replace("$" + top2 + ":", "$" + top1 + ":").replace("$" + (top2 + at.height - 1) + ",", "$" + (top1 + at.height - 1) + ",")
                        .replaceAll("\\$" + top2 + "$", "\\$" + top1));
        assertThat(f.what()).isEqualTo("sH[2] of image 1");
        assertThat(f.hint()).startsWith("this is the value of sH[1]");
    }

    @Test
    void reference_to_the_wrong_image_row_is_named_by_address() throws IOException {
        // zH[1] of image 5 computed from s of image 4's row
        BpLayout at = layout();
        int row5 = at.bandTop(4) + 1;
        int row4 = at.bandTop(3) + 1;
        Finding f = firstAfterEdit(a -> new int[] {a.bandTop(4), a.zColumn(0, 0)}, s -> s.replace(String.valueOf(row5), String.valueOf(row4)));
        assertThat(f.what()).isEqualTo("zH[1] of image 5");
        assertThat(f.hint()).startsWith("this is the value of image 4: a reference points to image 4 (row " + row4
                + ") instead of this image (row " + row5 + ")");
    }

    @Test
    void theta_added_and_update_added_are_named_by_address() throws IOException {
        Finding s = firstAfterEdit(a -> new int[] {a.bandTop(1), a.sColumn(1, 2)}, f -> f.replace(")-$", ")+$"));
        assertThat(s.what()).isEqualTo("sO[3] of image 2");
        assertThat(s.hint()).startsWith("θ is added, but it is subtracted");
        Finding u = firstAfterEdit(a -> new int[] {a.updatedTop + a.blockRow(5), a.blockColumn(5)}, f -> f.replace("-eta*", "+eta*"));
        assertThat(u.what()).isEqualTo("updated wH[1][6]");
        assertThat(u.hint()).startsWith("η·∂E/∂p is added");
        Finding t = firstAfterEdit(a -> new int[] {a.bandTop(6), a.termColumn(start.layout().threshold(0, 2))}, f -> f.substring(1));
        assertThat(t.what()).isEqualTo("∂e/∂θH[3] of image 7");
        assertThat(t.hint()).startsWith("∂e/∂θ = −δ");
    }

    @Test
    void workbook_saved_by_libreoffice_is_read_correctly() throws Exception {
        assumeThat(LibreOffice.soffice()).as("LibreOffice installed").isPresent();
        List<byte[]> saved = LibreOffice.recalculate(dir.resolve("lo"), List.of(full, exercise(EnumSet.of(Block.GRADIENT))));
        Result clean = ExerciseCheck.check(write("lo-full.xlsx", saved.get(0)), Locale.ENGLISH);
        assertThat(clean.findings()).isEmpty();
        assertThat(clean.checked()).isEqualTo(formulaCells(full).size());
        Result ex = ExerciseCheck.check(write("lo-ex.xlsx", saved.get(1)), Locale.ENGLISH);
        // the Gradient block empty, so the Updated block (p − η·empty) is p: wrong, and said so
        assertThat(ex.findings()).hasSize(2 * 79);
        assertThat(ex.findings().subList(0, 79)).allMatch(f -> f.missing() && f.block() == Block.GRADIENT);
        assertThat(ex.findings().subList(79, 158)).allMatch(f -> !f.missing() && f.block() == Block.UPDATED
                && f.hint().startsWith("the parameter is not changed"));
    }

    @Test
    void workbook_not_written_by_shikumi_is_refused() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("BP").createRow(0).createCell(0).setCellValue(1);
            assertRefused(save(wb, "plain.xlsx"), "not a workbook written by shikumi export-xlsx");
        }
        assertRefused(write("text.xlsx", "just text".getBytes()), "not an .xlsx workbook");
        assertRefused(dir.resolve("missing.xlsx"), "no such file");
    }

    @Test
    void renamed_sheet_moved_layout_text_error_and_circular_reference_are_refused() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            wb.setSheetName(0, "Mine");
            assertRefused(save(wb, "renamed.xlsx"), "no sheet named BP (was it renamed? the sheets are: Mine, Training");
        }
        BpLayout at = layout();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            wb.getSheet("BP").shiftRows(at.tableHeading, wb.getSheet("BP").getLastRowNum(), 1);
            assertRefused(save(wb, "moved.xlsx"), "the layout of the BP sheet was changed");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            cell(wb, at.paramsTop, at.num0).setCellValue("zero point one");
            assertRefused(save(wb, "text.xlsx"), "BP!" + ref(at.paramsTop, at.num0) + " holds the text \"zero point one\", where the number wH[1][1] should be");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            cell(wb, at.bandTop(1), 1).setCellFormula("1/0");
            assertRefused(save(wb, "error.xlsx"), "holds the error #DIV/0!, where the number pixel x[1] of image 2 should be");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            String self = ref(at.bandTop(0), at.deltaColumn(1, 0));
            cell(wb, at.bandTop(0), at.deltaColumn(1, 0)).setCellFormula(self + "+1");
            assertRefused(save(wb, "circular.xlsx"), "BP!" + self + " is part of a circular reference");
        }
    }

    @Test
    void huge_file_and_zip_bomb_are_refused_without_being_inflated() throws IOException {
        Path huge = dir.resolve("huge.xlsx");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(ExerciseCheck.MAX_BYTES + 1);
        }
        assertRefused(huge, "the file is 50 MB, more than the 50 MB a BP sheet can be");
        Path bomb = dir.resolve("bomb.xlsx");
        try (OutputStream os = Files.newOutputStream(bomb); ZipOutputStream zip = new ZipOutputStream(os)) {
            // well-formed XML as far as a parser reads: the start of the part, then 300 MB of spaces
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">".getBytes());
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertRefused(bomb, "not an .xlsx workbook that can be read safely: Can't read content types part !: Zip bomb detected!");
    }

    // ---- helpers

    private static BpLayout layout() {
        return new BpLayout(start.layout(), Output.SIGMOID, 5, 4, 128);
    }

    interface Where {
        int[] at(BpLayout at);
    }

    /** Edits one formula of the full workbook (as a learner would) and returns the check's first finding. */
    private Finding firstAfterEdit(Where where, java.util.function.UnaryOperator<String> edit) throws IOException {
        int[] rc = where.at(layout());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(full))) {
            Cell c = cell(wb, rc[0], rc[1]);
            String before = c.getCellFormula();
            String after = edit.apply(before);
            assertThat(after).as("the edit changes " + before).isNotEqualTo(before);
            c.setCellFormula(after);
            Result r = ExerciseCheck.check(save(wb, "edited.xlsx"), Locale.ENGLISH);
            assertThat(r.findings()).isNotEmpty();
            Finding f = r.findings().get(0);
            assertThat(f.address()).isEqualTo("BP!" + ref(rc[0], rc[1]));
            assertThat(f.holds()).isEqualTo("=" + after);
            assertThat(f.missing()).isFalse();
            return f;
        }
    }

    private static Cell cell(XSSFWorkbook wb, int r, int c) {
        Row row = wb.getSheet("BP").getRow(r);
        Cell cell = row.getCell(c);
        return cell == null ? row.createCell(c) : cell;
    }

    private static String ref(int r, int c) {
        return new CellReference(r, c).formatAsString(false);
    }

    private byte[] exercise(Set<Block> blank) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookExport.writeExercise(start, aple, ETA, 500, blank, Locale.ENGLISH, out);
        return out.toByteArray();
    }

    /** Every formula cell of a workbook's BP sheet, read by POI: what a learner computes. */
    private static Set<String> formulaCells(byte[] workbook) throws IOException {
        Set<String> cells = new java.util.HashSet<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (Row row : wb.getSheet("BP")) {
                for (Cell c : row) {
                    if (c.getCellType() == CellType.FORMULA) {
                        cells.add("BP!" + ref(c.getRowIndex(), c.getColumnIndex()));
                    }
                }
            }
        }
        return cells;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path save(XSSFWorkbook wb, String name) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(p)) {
            wb.write(os);
        }
        return p;
    }

    private static void assertRefused(Path file, String message) {
        assertThatThrownBy(() -> ExerciseCheck.check(file, Locale.ENGLISH))
                .isInstanceOf(XlsxException.class)
                .satisfies(e -> {
                    String m = ((XlsxException) e).message(Locale.ENGLISH);
                    assertThat(m).contains(message).doesNotContain("\n");
                    assertThat(((XlsxException) e).message(Locale.JAPANESE)).doesNotContain("\n");
                });
    }
}
