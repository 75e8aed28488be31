package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.model.ParamLayout;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A written workbook read back for checking, either recalculated by POI's evaluator ({@link #recalculated})
 * or as stored (the cached values, e.g. after LibreOffice recalculated and saved it: {@link #stored}).
 * Cells are found through the workbook-level names only, and the parameter blocks are read in the layout the
 * BP sheet documents (its heading says so): the first layer's unit j is a height×width grid of weights shaped
 * like the image with θ_j at the block's last column of the grid's first row; each later unit is one row of
 * weights with θ in the last column. This mapping is written here independently of the exporter's code.
 */
final class Book implements AutoCloseable {
    final XSSFWorkbook wb;
    private final XSSFFormulaEvaluator evaluator;

    private Book(byte[] bytes, boolean recalculate) {
        try {
            wb = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        evaluator = recalculate ? new XSSFFormulaEvaluator(wb) : null;
    }

    static Book recalculated(byte[] bytes) {
        return new Book(bytes, true);
    }

    static Book stored(byte[] bytes) {
        return new Book(bytes, false);
    }

    /** The value of a cell: recalculated from its formula by POI, or its stored value. */
    double value(Cell cell) {
        if (evaluator != null) {
            if (cell.getCellType() == CellType.FORMULA) {
                return evaluator.evaluate(cell).getNumberValue();
            }
            return cell.getNumericCellValue();
        }
        return cell.getNumericCellValue();
    }

    /** The value of the single cell a name refers to. */
    double named(String name) {
        return value(cell(name));
    }

    Cell cell(String name) {
        AreaReference area = area(name);
        assertThat(area.isSingleCell()).as(name + " is one cell").isTrue();
        return cell(area.getFirstCell());
    }

    AreaReference area(String name) {
        XSSFName n = wb.getName(name);
        assertThat(n).as("defined name " + name).isNotNull();
        assertThat(n.getSheetIndex()).as(name + " is workbook-level").isEqualTo(-1);
        return new AreaReference(n.getRefersToFormula(), wb.getSpreadsheetVersion());
    }

    Cell cell(CellReference ref) {
        XSSFSheet sheet = wb.getSheet(ref.getSheetName());
        return sheet.getRow(ref.getRow()).getCell(ref.getCol());
    }

    /** The cell of parameter p in block {@code name} (Params, Gradient or Updated). */
    Cell blockCell(String name, ParamLayout lay, int height, int width, int p) {
        AreaReference area = area(name);
        CellReference first = area.getFirstCell();
        int thetaCol = area.getLastCell().getCol() - first.getCol();
        int row = -1;
        int col = -1;
        int rowsBefore = lay.units(0) * height;
        for (int l = 0; l < lay.layers(); l++) {
            for (int j = 0; j < lay.units(l); j++) {
                int unitRow = l == 0 ? j * height : rowsBefore + j;
                for (int i = 0; i < lay.fanIn(l); i++) {
                    if (lay.weight(l, j, i) == p) {
                        row = l == 0 ? unitRow + i / width : unitRow;
                        col = l == 0 ? i % width : i;
                    }
                }
                if (lay.threshold(l, j) == p) {
                    row = unitRow;
                    col = thetaCol;
                }
            }
            if (l > 0) {
                rowsBefore += lay.units(l);
            }
        }
        XSSFSheet sheet = wb.getSheet(first.getSheetName());
        return sheet.getRow(first.getRow() + row).getCell(first.getCol() + col);
    }

    /** Every parameter's value in block {@code name}, in core's parameter order. */
    double[] block(String name, ParamLayout lay, int height, int width) {
        double[] v = new double[lay.count()];
        for (int p = 0; p < v.length; p++) {
            v[p] = value(blockCell(name, lay, height, width, p));
        }
        return v;
    }

    /** Tells the evaluator that a cell changed (after setting a new value). */
    void changed(Cell cell) {
        evaluator.notifyUpdateCell(cell);
    }

    @Override
    public void close() throws IOException {
        wb.close();
    }
}
