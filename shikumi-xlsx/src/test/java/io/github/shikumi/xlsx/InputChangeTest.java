package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;

/**
 * The workbook is live, as in the book: changing one input cell (η, a pixel, a weight) and recalculating
 * gives what core computes with the same change.
 */
class InputChangeTest {
    static final double REL = PoiRecalculationTest.REL;
    static final double ABS = PoiRecalculationTest.ABS;

    private final Dataset data = TestData.zeroOne();
    private final Network model = Network.initial(data, 21, 3);
    private final byte[] bytes = Expect.workbook(model, data, 0.05, 1, Locale.ENGLISH);

    @Test
    void changing_eta_changes_every_updated_parameter_as_core_computes() throws Exception {
        try (Book book = Book.recalculated(bytes)) {
            Cell eta = book.cell("eta");
            eta.setCellValue(0.7);
            book.changed(eta);
            Expect.matchesCore(book, model, model.params(), data, 0.7, REL, ABS);
        }
    }

    @Test
    void changing_one_pixel_changes_e_and_the_gradient_as_core_computes() throws Exception {
        int image = 5;
        int pixel = 7;
        double before = data.pixel(image, pixel);
        try (Book book = Book.recalculated(bytes)) {
            Cell cell = pixelCell(book, image, pixel, data.width());
            assertThat(cell.getNumericCellValue()).isEqualTo(before);
            cell.setCellValue(1 - before);
            book.changed(cell);
            Dataset changed = TestData.withPixel(data, image, pixel, 1 - before);
            Expect.matchesCore(book, model, model.params(), changed, 0.05, REL, ABS);
            assertThat(book.named("E")).isNotEqualTo(Expect.core(model, model.params(), data)[0]);
        }
    }

    @Test
    void changing_one_weight_changes_everything_as_core_computes() throws Exception {
        var lay = model.layout();
        int p = lay.weight(1, 1, 2);
        double[] params = model.params();
        params[p] += 0.75;
        try (Book book = Book.recalculated(bytes)) {
            Cell cell = book.blockCell("Params", lay, data.height(), data.width(), p);
            cell.setCellValue(params[p]);
            book.changed(cell);
            Expect.matchesCore(book, model, params, data, 0.05, REL, ABS);
        }
    }

    /**
     * The cell of pixel i (row-major) of image n: image n's band starts at the row below the Updated block
     * whose column A holds the image number n + 1; its picture fills the columns B… (one per pixel column).
     */
    static Cell pixelCell(Book book, int n, int i, int width) {
        XSSFSheet bp = book.wb.getSheetAt(0);
        int updatedBottom = book.area("Updated").getLastCell().getRow();
        for (Row row : bp) {
            Cell a = row.getCell(0);
            if (row.getRowNum() > updatedBottom && a != null && a.getCellType() == CellType.NUMERIC
                    && a.getNumericCellValue() == n + 1) {
                return bp.getRow(row.getRowNum() + i / width).getCell(1 + i % width);
            }
        }
        throw new AssertionError("no band for image " + (n + 1));
    }
}
