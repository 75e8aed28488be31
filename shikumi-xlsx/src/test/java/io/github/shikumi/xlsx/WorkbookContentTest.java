package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormatting;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;

/** What the workbook holds besides the numbers: sheets, names, looks, the run, the macro, the image limit. */
class WorkbookContentTest {
    private final Dataset data = TestData.aple();
    private final Network model = Network.initial(data, 1, 3);
    private final History history = Training.gradientDescent(model, data, 0.05, 40, TrainingListener.NONE);

    private byte[] workbook(Dataset d, History h, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookExport.write(d, 0.05, h, locale, out);
        return out.toByteArray();
    }

    private static List<String> sheetNames(Book book) {
        List<String> names = new ArrayList<>();
        book.wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static List<String> texts(XSSFSheet sheet) {
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }

    @Test
    void sheets_and_headings_are_in_the_chosen_language() throws Exception {
        try (Book en = Book.stored(workbook(data, history, Locale.ENGLISH));
             Book ja = Book.stored(workbook(data, history, Locale.JAPANESE))) {
            assertThat(sheetNames(en)).containsExactly("BP", "Training", "Results", "Macro");
            assertThat(sheetNames(ja)).containsExactly("BP", "学習経過", "結果", "マクロ");
            assertThat(texts(ja.wb.getSheet("BP"))).contains("η (学習率)");
            assertThat(texts(en.wb.getSheet("BP"))).contains("η (learning rate)");
            assertThat(en.wb.getActiveSheetIndex()).isZero();
        }
    }

    @Test
    void workbook_level_names_point_at_the_bp_sheet_and_the_blocks_share_one_layout() throws Exception {
        try (Book book = Book.stored(workbook(data, history, Locale.ENGLISH))) {
            for (String name : List.of("eta", "iterations", "E")) {
                assertThat(book.area(name).isSingleCell()).as(name).isTrue();
            }
            assertThat(book.named("eta")).isEqualTo(0.05);
            assertThat(book.named("iterations")).isEqualTo(40);
            AreaReference params = book.area("Params");
            for (String name : List.of("Gradient", "Updated")) {
                AreaReference a = book.area(name);
                assertThat(a.getFirstCell().getSheetName()).isEqualTo("BP");
                assertThat(a.getFirstCell().getCol()).isEqualTo(params.getFirstCell().getCol());
                assertThat(a.getLastCell().getCol()).isEqualTo(params.getLastCell().getCol());
                assertThat(a.getLastCell().getRow() - a.getFirstCell().getRow())
                        .isEqualTo(params.getLastCell().getRow() - params.getFirstCell().getRow());
            }
            var lay = model.layout();
            Cell updated = book.blockCell("Updated", lay, 5, 4, 0);
            Cell param = book.blockCell("Params", lay, 5, 4, 0);
            Cell grad = book.blockCell("Gradient", lay, 5, 4, 0);
            // the book's "C61 = C15 − $C$8*C38", with the name eta (the README quotes this cell)
            assertThat(updated.getCellFormula()).isEqualTo(
                    param.getAddress().formatAsString() + "-eta*" + grad.getAddress().formatAsString());
            assertThat(updated.getAddress().formatAsString()).isEqualTo("G56");
            assertThat(updated.getCellFormula()).isEqualTo("G12-eta*G34");
        }
    }

    @Test
    void inputs_look_different_from_formulas_and_pixels_are_drawn_black_and_white() throws Exception {
        try (Book book = Book.stored(workbook(data, history, Locale.ENGLISH))) {
            var lay = model.layout();
            XSSFCellStyle input = (XSSFCellStyle) book.blockCell("Params", lay, 5, 4, 3).getCellStyle();
            XSSFCellStyle formula = (XSSFCellStyle) book.blockCell("Gradient", lay, 5, 4, 3).getCellStyle();
            assertThat(input.getFillForegroundXSSFColor().getRGB()).isEqualTo(Styles.INPUT_FILL);
            assertThat(formula.getFillForegroundXSSFColor()).isNull();
            assertThat(((XSSFCellStyle) book.cell("eta").getCellStyle()).getFillForegroundXSSFColor().getRGB())
                    .isEqualTo(Styles.INPUT_FILL);

            Cell pixel = InputChangeTest.pixelCell(book, 17, 6, 4);
            var cf = book.wb.getSheet("BP").getSheetConditionalFormatting();
            boolean black = false;
            boolean white = false;
            for (int i = 0; i < cf.getNumConditionalFormattings(); i++) {
                ConditionalFormatting f = cf.getConditionalFormattingAt(i);
                boolean covers = false;
                for (CellRangeAddress r : f.getFormattingRanges()) {
                    covers |= r.isInRange(pixel);
                }
                for (int k = 0; covers && k < f.getNumberOfRules(); k++) {
                    var rule = f.getRule(k);
                    short fill = rule.getPatternFormatting().getFillBackgroundColor();
                    black |= fill == IndexedColors.BLACK.getIndex() && "0.5".equals(rule.getFormula1());
                    white |= fill == IndexedColors.WHITE.getIndex() && "0.5".equals(rule.getFormula1());
                }
            }
            assertThat(black).as("a rule fills pixels ≥ 0.5 black").isTrue();
            assertThat(white).as("a rule fills pixels < 0.5 white").isTrue();
        }
    }

    @Test
    void training_sheet_holds_every_iteration_and_a_line_chart_of_e() throws Exception {
        try (Book book = Book.stored(workbook(data, history, Locale.ENGLISH))) {
            XSSFSheet t = book.wb.getSheet("Training");
            int first = TrainingSheet.HEADER_ROW + 1;
            for (int k = 0; k <= history.iterations(); k++) {
                Row row = t.getRow(first + k);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(k);
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(history.e(k));
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(history.accuracy(k));
            }
            assertThat(t.getRow(first + history.iterations() + 1) == null).as("no row after the last iteration").isTrue();
            List<XSSFChart> charts = t.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            List<XDDFChartData> series = charts.get(0).getChartSeries();
            assertThat(series).hasSize(1).first().isInstanceOf(XDDFLineChartData.class);
            String range = series.get(0).getSeries(0).getValuesData().getDataRangeReference();
            assertThat(range)
                    .isEqualTo("Training!$B$" + (first + 1) + ":$B$" + (first + 1 + history.iterations()));
        }
    }

    @Test
    void results_sheet_shows_every_image_before_and_after() throws Exception {
        try (Book book = Book.stored(workbook(data, history, Locale.ENGLISH))) {
            XSSFSheet r = book.wb.getSheet("Results");
            List<String> texts = texts(r);
            assertThat(texts).contains("before training", "after training (40 iterations)");
            int k = data.labels().size();
            int correctBefore = 0;
            int correctAfter = 0;
            for (int n = 0; n < data.size(); n++) {
                Row row = r.getRow(ResultsSheet.HEADER_ROW + 1 + n);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(data.labelOf(n));
                assertThat(row.getCell(2).getStringCellValue().replace("\n", ""))
                        .isEqualTo(picture(data, n));
                double[] before = model.outputs(data.image(n));
                double[] after = history.trained().outputs(data.image(n));
                for (int j = 0; j < k; j++) {
                    assertThat(row.getCell(3 + j).getNumericCellValue()).isEqualTo(before[j]);
                    assertThat(row.getCell(3 + k + 2 + j).getNumericCellValue()).isEqualTo(after[j]);
                }
                correctBefore += "yes".equals(row.getCell(3 + k + 1).getStringCellValue()) ? 1 : 0;
                correctAfter += "yes".equals(row.getCell(3 + 2 * k + 3).getStringCellValue()) ? 1 : 0;
            }
            assertThat(correctBefore / (double) data.size()).isEqualTo(history.accuracy(0));
            assertThat(correctAfter / (double) data.size()).isEqualTo(history.accuracy(history.iterations()));
        }
    }

    private static String picture(Dataset d, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.pixels(); i++) {
            sb.append(d.pixel(n, i) == 1 ? '#' : '.');
        }
        return sb.toString();
    }

    @Test
    void macro_sheet_holds_the_vba_that_copies_updated_over_params() throws Exception {
        try (Book book = Book.stored(workbook(data, history, Locale.JAPANESE))) {
            String all = String.join("\n", texts(book.wb.getSheet("マクロ")));
            assertThat(all).contains("Sub ShikumiTrain()", "End Sub", "Alt+F11",
                    "ThisWorkbook.Names(\"Params\").RefersToRange.Value = _",
                    "ThisWorkbook.Names(\"Updated\").RefersToRange.Value",
                    "n = ThisWorkbook.Names(\"iterations\").RefersToRange.Value", "For i = 1 To n");
            assertThat(all).contains("標準モジュール");
        }
    }

    @Test
    void more_than_256_images_get_formulas_for_the_first_256_and_the_sheet_says_so() throws Exception {
        Dataset big = TestData.make("big", List.of("A", "P", "L", "E"), TestData.APLE, 75, 3, 5);
        assertThat(big.size()).isEqualTo(300);
        Network net = Network.initial(big, 8, 3);
        History h = Training.gradientDescent(net, big, 0.05, 2, TrainingListener.NONE);
        try (Book book = Book.recalculated(workbook(big, h, Locale.ENGLISH))) {
            assertThat(texts(book.wb.getSheet("BP"))).anyMatch(s -> s.startsWith(
                    "Formulas for the first 256 of 300 images only"));
            InputChangeTest.pixelCell(book, 255, 0, 4);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> InputChangeTest.pixelCell(book, 256, 0, 4))
                    .isInstanceOf(AssertionError.class);
            Dataset first = TestData.first(big, 256);
            Expect.matchesCore(book, net, net.params(), first, 0.05, PoiRecalculationTest.REL, PoiRecalculationTest.ABS);
            assertThat(book.wb.getSheet("Results").getRow(ResultsSheet.HEADER_ROW + 300).getCell(0)
                    .getNumericCellValue()).isEqualTo(300);
            assertThat(book.wb.getSheet("Training").getRow(TrainingSheet.HEADER_ROW + 1).getCell(1)
                    .getNumericCellValue()).isEqualTo(Expect.core(net, net.params(), big)[0]);
            assertThat(texts(book.wb.getSheet("Macro"))).anyMatch(s -> s.startsWith("Note: the BP sheet"));
        }
    }
}
