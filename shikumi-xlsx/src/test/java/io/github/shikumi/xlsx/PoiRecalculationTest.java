package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Test;

/**
 * POI's FormulaEvaluator, an engine independent of our Java code, recalculates the BP sheet's formulas from
 * the inputs alone; E, every gradient component and every updated parameter must equal core's own doubles
 * (Backprop) to 1e-12 relative (relative to the sum of the terms' sizes where terms cancel, see
 * {@link Expect#close(double, double, double, double, double, String)}), 1e-15 absolute near zero.
 */
class PoiRecalculationTest {
    static final double REL = 1e-12;
    static final double ABS = 1e-15;
    static final double CELL_ABS = 1e-14;
    static final double ETA = 0.05;

    private static void check(Network model, Dataset data, int iterations, Locale locale) throws Exception {
        try (Book book = Book.recalculated(Expect.workbook(model, data, ETA, iterations, locale))) {
            Expect.matchesCore(book, model, model.params(), data, ETA, REL, ABS);
            everyFormulaEqualsItsStoredValue(book);
        }
    }

    /**
     * Every formula cell of the BP sheet, recalculated, equals the value stored beside it (which the exporter
     * takes from core's per-image Trace): s, z, e, δ and every gradient term of every image. Some of these are
     * sums whose terms cancel (s, δH) and may differ by a few units in the last place of their terms (~1e-15):
     * hence an absolute floor of 1e-14 here.
     */
    private static void everyFormulaEqualsItsStoredValue(Book book) {
        XSSFSheet bp = book.wb.getSheetAt(0);
        int formulas = 0;
        for (Row row : bp) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.FORMULA) {
                    Expect.close(book.value(cell), cell.getNumericCellValue(), REL, CELL_ABS,
                            cell.getAddress().formatAsString());
                    formulas++;
                }
            }
        }
        assertThat(formulas).isGreaterThan(0);
    }

    @Test
    void untrained_aple_workbook_recalculates_to_core_numbers() throws Exception {
        Dataset data = TestData.aple();
        check(Network.initial(data, 1, 3), data, 3, Locale.ENGLISH);
    }

    @Test
    void trained_aple_workbook_recalculates_to_core_numbers() throws Exception {
        Dataset data = TestData.aple();
        Network trained = Training.gradientDescent(Network.initial(data, 2, 3), data, ETA, 500, TrainingListener.NONE)
                .trained();
        check(trained, data, 2, Locale.JAPANESE);
    }

    @Test
    void zero_one_workbook_recalculates_to_core_numbers() throws Exception {
        Dataset data = TestData.zeroOne();
        check(Network.initial(data, 3, 3), data, 3, Locale.ENGLISH);
    }

    @Test
    void other_hidden_counts_recalculate_to_core_numbers() throws Exception {
        Dataset data = TestData.aple();
        check(Network.initial(data, 4, 1), data, 1, Locale.ENGLISH);
        check(Network.initial(data, 5, 7), data, 1, Locale.ENGLISH);
    }

    @Test
    void deeper_network_with_two_hidden_layers_recalculates_to_core_numbers() throws Exception {
        Dataset data = TestData.zeroOne();
        check(Network.initial(data, 6, 4, 3), data, 1, Locale.ENGLISH);
        check(Network.initial(TestData.aple(), 7, 5, 2, 3), TestData.aple(), 1, Locale.JAPANESE);
    }
}
