package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
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
            everyFormulaEqualsItsStoredValue(book, model);
        }
    }

    /**
     * Every formula cell of the BP sheet, recalculated, equals the value stored beside it (which the exporter
     * takes from core's per-image Trace): s, z, e, δ and every gradient term of every image. Some of these are
     * sums whose terms cancel (s, δH) and may differ by a few units in the last place of their terms (~1e-15
     * for terms of size 1): hence an absolute floor of 1e-14 times the largest |parameter| (at least 1), as a
     * trained network's weights (around 10 for the trained softmax one) make terms that large.
     */
    private static void everyFormulaEqualsItsStoredValue(Book book, Network model) {
        double largest = 1;
        for (double p : model.params()) {
            largest = Math.max(largest, Math.abs(p));
        }
        double floor = CELL_ABS * largest;
        XSSFSheet bp = book.wb.getSheetAt(0);
        // the Gradient and Updated blocks sum a term per image: matchesCore checks them relative to the
        // size of their terms (a trained softmax network's terms cancel to well below 1e-14 of their size)
        List<AreaReference> sums = List.of(book.area("Gradient"), book.area("Updated"));
        int formulas = 0;
        for (Row row : bp) {
            for (Cell cell : row) {
                if (sums.stream().anyMatch(a -> a.getFirstCell().getRow() <= cell.getRowIndex()
                        && cell.getRowIndex() <= a.getLastCell().getRow()
                        && a.getFirstCell().getCol() <= cell.getColumnIndex()
                        && cell.getColumnIndex() <= a.getLastCell().getCol())) {
                    continue;
                }
                if (cell.getCellType() == CellType.FORMULA) {
                    Expect.close(book.value(cell), cell.getNumericCellValue(), REL, floor,
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

    @Test
    void softmax_workbooks_recalculate_to_core_numbers_untrained_trained_and_deeper() throws Exception {
        Dataset aple = TestData.aple();
        Network untrained = Network.initial(aple, 1, 3).withOutput(Output.SOFTMAX);
        check(untrained, aple, 2, Locale.ENGLISH);
        Network trained = Training.gradientDescent(untrained, aple, ETA, 500, TrainingListener.NONE).trained();
        check(trained, aple, 1, Locale.JAPANESE);
        check(Network.initial(TestData.zeroOne(), 6, 4, 3).withOutput(Output.SOFTMAX), TestData.zeroOne(), 1,
                Locale.ENGLISH);
    }

    @Test
    void networks_without_a_hidden_layer_recalculate_to_core_numbers() throws Exception {
        Dataset aple = TestData.aple();
        check(Network.initial(aple, 8), aple, 1, Locale.ENGLISH);
        check(Network.initial(aple, 8).withOutput(Output.SOFTMAX), aple, 1, Locale.ENGLISH);
    }

    @Test
    void softmax_workbook_writes_softmax_and_cross_entropy_formulas() throws Exception {
        Dataset aple = TestData.aple();
        try (Book book = Book.stored(Expect.workbook(Network.initial(aple, 1, 3).withOutput(Output.SOFTMAX), aple,
                ETA, 1, Locale.ENGLISH))) {
            List<String> formulas = new ArrayList<>();
            for (Row row : book.wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        formulas.add(cell.getCellFormula());
                    }
                }
            }
            assertThat(formulas).noneMatch(f -> f.contains("SUMXMY2"))
                    .anyMatch(f -> f.matches("-\\(IF\\([A-Z]+78=0,0,[A-Z]+78\\*LN\\([A-Z]+78\\)\\)\\+IF.*"))
                    .anyMatch(f -> f.matches("MAX\\([A-Z]+78:[A-Z]+78\\)"))
                    .anyMatch(f -> f.matches("EXP\\([A-Z]+78-[A-Z]+78\\)"))
                    .anyMatch(f -> f.matches("[A-Z]+78/[A-Z]+78"));
            // sigmoids only in the hidden layer: 3 per image
            assertThat(formulas.stream().filter(f -> f.startsWith("1/(1+EXP(")).count()).isEqualTo(3L * aple.size());
        }
    }
}
