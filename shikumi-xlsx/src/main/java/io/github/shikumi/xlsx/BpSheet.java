package io.github.shikumi.xlsx;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * The BP sheet: the book's backpropagation worksheet, every derived number a live formula. See
 * {@link BpLayout} for where each number sits.
 *
 * <p>Each formula is stored with its value (the cached result spreadsheet files carry, shown by viewers
 * that do not recalculate), taken from core's {@link Trace} of each image: the formulas themselves are
 * checked by recalculating them with POI's evaluator and LibreOffice in the tests.
 */
final class BpSheet {
    private final Workbook wb;
    private final Sheet sheet;
    private final Styles st;
    private final Locale locale;
    private final BpLayout at;
    private final ParamLayout lay;
    /** Each formula image's trace, and their sums: ∂E/∂p and E over the formula images. */
    private final Trace[] traces;
    private final double[] gradient;
    private double error;

    private BpSheet(Workbook wb, Styles st, Locale locale, BpLayout at, Network model, Dataset data) {
        this.wb = wb;
        this.sheet = wb.createSheet(Text.SHEET_BP.format(locale));
        this.st = st;
        this.locale = locale;
        this.at = at;
        this.lay = at.lay;
        traces = new Trace[at.images];
        gradient = new double[lay.count()];
        for (int n = 0; n < at.images; n++) {
            traces[n] = Trace.of(model, data.image(n), data.target(n));
            error += traces[n].e();
            double[] g = traces[n].gradient();
            for (int p = 0; p < g.length; p++) {
                gradient[p] += g[p];
            }
        }
    }

    /** Writes the BP sheet into {@code wb} (a streaming workbook: rows may be written in any order, none flushed). */
    static Sheet write(Workbook wb, Styles st, Locale locale, BpLayout at, Network model, Dataset data,
                       double eta, int iterations) {
        BpSheet s = new BpSheet(wb, st, locale, at, model, data);
        s.names();
        s.top(model, data, eta, iterations);
        s.blocks(model, eta);
        s.table(data);
        s.looks();
        return s.sheet;
    }

    private void top(Network model, Dataset data, double eta, int iterations) {
        text(BpLayout.ROW_TITLE, 0, Text.BP_TITLE.format(locale), st.title);
        text(BpLayout.ROW_INFO, 0, Text.BP_INFO.format(locale, lay.shapeText(), lay.count(), data.name(),
                data.size(), data.shapeText(), String.join(" ", data.labels())), null);
        text(BpLayout.ROW_ETA, 0, Text.BP_ETA.format(locale), st.label);
        number(BpLayout.ROW_ETA, at.num0, eta, st.input);
        text(BpLayout.ROW_ITERATIONS, 0, Text.BP_ITERATIONS.format(locale), st.label);
        number(BpLayout.ROW_ITERATIONS, at.num0, iterations, st.input);
        text(BpLayout.ROW_E, 0, Text.BP_E.format(locale), st.label);
        // E = Σ_images e
        formula(BpLayout.ROW_E, at.num0, "SUM(" + columnRange(at.eColumn()) + ")", error, st.total);
        text(BpLayout.ROW_LEGEND, at.num0, Text.BP_LEGEND_INPUT.format(locale), st.input);
        text(BpLayout.ROW_LEGEND, at.num0 + 2, Text.BP_LEGEND_FORMULA.format(locale), st.total);
        String note = at.images == data.size()
                ? Text.BP_NOTE_ALL.format(locale, data.size())
                : Text.BP_NOTE_FIRST.format(locale, at.images, data.size());
        text(BpLayout.ROW_NOTE, 0, note, st.heading);
    }

    /** Params (inputs), Gradient (sums of the image terms) and Updated (= previous − η·gradient). */
    private void blocks(Network model, double eta) {
        blockFrame(at.paramsTop, Text.BP_PARAMS);
        blockFrame(at.gradientTop, Text.BP_GRADIENT);
        blockFrame(at.updatedTop, Text.BP_UPDATED);
        for (int p = 0; p < lay.count(); p++) {
            int r = at.blockRow(p);
            int c = at.blockColumn(p);
            number(at.paramsTop + r, c, model.param(p), st.input);
            // ∂E/∂p = Σ_images ∂e/∂p
            formula(at.gradientTop + r, c, "SUM(" + columnRange(at.termColumn(p)) + ")", gradient[p], st.formula);
            // p ← p − η·∂E/∂p
            formula(at.updatedTop + r, c, A1.ref(at.paramsTop + r, c) + "-eta*" + A1.ref(at.gradientTop + r, c),
                    model.param(p) - eta * gradient[p], st.formula);
        }
    }

    /** The heading, column headers and row labels around one block. */
    private void blockFrame(int top, Text heading) {
        text(top - 2, 0, heading.format(locale), st.heading);
        for (int c = 0; c < at.thetaColumn; c++) {
            text(top - 1, at.num0 + c, Text.BP_COLUMN.format(locale, c + 1), st.header);
        }
        text(top - 1, at.num0 + at.thetaColumn, "θ", st.header);
        for (int l = 0; l < lay.layers(); l++) {
            for (int j = 0; j < lay.units(l); j++) {
                int r = top + at.unitRowOf(l, j);
                text(r, 0, unit(l, j), st.label);
                if (l == 0) {
                    for (int y = 0; y < at.height; y++) {
                        text(r + y, at.colSub, Text.BP_PIXEL_ROW.format(locale, y + 1), st.subLabel);
                    }
                } else {
                    text(r, at.colSub, Text.BP_FROM.format(locale, lay.layerName(l - 1)), st.subLabel);
                }
            }
        }
    }

    private void table(Dataset data) {
        text(at.tableHeading, 0, Text.BP_TABLE.format(locale), st.heading);
        int h = at.tableHeader;
        text(h, 0, Text.BP_IMAGE.format(locale), st.header);
        text(h, 1, Text.BP_PIXELS.format(locale), st.header);
        text(h, at.colSub, Text.BP_LABEL.format(locale), st.header);
        for (int k = 0; k < lay.outputs(); k++) {
            text(h, at.targetColumn(k), "t[" + (k + 1) + "] " + data.labels().get(k), st.header);
        }
        int out = lay.layers() - 1;
        for (int l = 0; l < lay.layers(); l++) {
            for (int j = 0; j < lay.units(l); j++) {
                text(h, at.sColumn(l, j), "s" + unit(l, j), st.header);
                text(h, at.zColumn(l, j), "z" + unit(l, j), st.header);
                text(h, at.deltaColumn(l, j), "δ" + unit(l, j), st.header);
            }
        }
        text(h, at.eColumn(), "e", st.header);
        for (int p = 0; p < lay.count(); p++) {
            text(h, at.termColumn(p), "∂e/∂" + lay.name(p), st.header);
        }
        for (int n = 0; n < at.images; n++) {
            band(data, n, out);
        }
    }

    /** One image: its pixels, and every number of its forward and backward pass in its first row. */
    private void band(Dataset data, int n, int out) {
        int r = at.bandTop(n);
        Trace tr = traces[n];
        number(r, 0, n + 1, st.label);
        text(r, at.colSub, data.labelOf(n), st.label);
        for (int i = 0; i < lay.inputs(); i++) {
            number(r + at.pixelRow(i), at.pixelColumn(i), data.pixel(n, i), st.pixel);
        }
        for (int k = 0; k < lay.outputs(); k++) {
            number(r, at.targetColumn(k), data.target(n) == k ? 1 : 0, st.input);
        }
        for (int l = 0; l < lay.layers(); l++) {
            for (int j = 0; j < lay.units(l); j++) {
                int top = at.paramsTop + at.unitRowOf(l, j);
                String weights;
                String inputs;
                if (l == 0) {
                    weights = A1.absRange(top, at.num0, top + at.height - 1, at.num0 + at.width - 1);
                    inputs = A1.range(r, 1, r + at.height - 1, at.width);
                } else {
                    weights = A1.absRange(top, at.num0, top, at.num0 + lay.fanIn(l) - 1);
                    inputs = A1.range(r, at.zColumn(l - 1, 0), r, at.zColumn(l - 1, lay.fanIn(l) - 1));
                }
                // s_j = Σ_i w_ji·x_i − θ_j
                formula(r, at.sColumn(l, j), "SUMPRODUCT(" + weights + "," + inputs + ")-"
                        + A1.abs(top, at.num0 + at.thetaColumn), tr.s(l, j), st.formula);
                // z_j = σ(s_j) = 1/(1 + e^(−s_j))
                formula(r, at.zColumn(l, j), "1/(1+EXP(-" + A1.ref(r, at.sColumn(l, j)) + "))", tr.z(l, j),
                        st.formula);
            }
        }
        // e = ½ Σ_k (t_k − z_k)²
        formula(r, at.eColumn(), "SUMXMY2(" + A1.range(r, at.targetColumn(0), r, at.targetColumn(lay.outputs() - 1))
                + "," + A1.range(r, at.zColumn(out, 0), r, at.zColumn(out, lay.outputs() - 1)) + ")/2", tr.e(),
                st.formula);
        for (int k = 0; k < lay.outputs(); k++) {
            String t = A1.ref(r, at.targetColumn(k));
            String z = A1.ref(r, at.zColumn(out, k));
            // δO_k = −(t_k − z_k)·z_k(1 − z_k)
            formula(r, at.deltaColumn(out, k), "-(" + t + "-" + z + ")*" + z + "*(1-" + z + ")", tr.delta(out, k),
                    st.formula);
        }
        for (int l = out - 1; l >= 0; l--) {
            for (int j = 0; j < lay.units(l); j++) {
                StringBuilder sum = new StringBuilder("(");
                for (int k = 0; k < lay.units(l + 1); k++) {
                    int p = lay.weight(l + 1, k, j);
                    if (k > 0) {
                        sum.append('+');
                    }
                    sum.append(A1.ref(r, at.deltaColumn(l + 1, k))).append('*')
                            .append(A1.abs(at.paramsTop + at.blockRow(p), at.blockColumn(p)));
                }
                String z = A1.ref(r, at.zColumn(l, j));
                // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j)
                formula(r, at.deltaColumn(l, j), sum + ")*" + z + "*(1-" + z + ")", tr.delta(l, j), st.formula);
            }
        }
        for (int l = 0; l < lay.layers(); l++) {
            for (int j = 0; j < lay.units(l); j++) {
                String delta = A1.ref(r, at.deltaColumn(l, j));
                for (int i = 0; i < lay.fanIn(l); i++) {
                    String input = l == 0
                            ? A1.ref(r + at.pixelRow(i), at.pixelColumn(i))
                            : A1.ref(r, at.zColumn(l - 1, i));
                    // ∂e/∂w_ji = δ_j·(input i)
                    formula(r, at.termColumn(lay.weight(l, j, i)), delta + "*" + input, tr.gradWeight(l, j, i),
                            st.formula);
                }
                // ∂e/∂θ_j = −δ_j
                formula(r, at.termColumn(lay.threshold(l, j)), "-" + delta, tr.gradThreshold(l, j), st.formula);
            }
        }
    }

    /** Workbook-level names: eta, iterations, E, Params, Gradient, Updated. */
    private void names() {
        name("eta", A1.abs(BpLayout.ROW_ETA, at.num0));
        name("iterations", A1.abs(BpLayout.ROW_ITERATIONS, at.num0));
        name("E", A1.abs(BpLayout.ROW_E, at.num0));
        int last = at.num0 + at.thetaColumn;
        name("Params", A1.absRange(at.paramsTop, at.num0, at.paramsTop + at.blockRows - 1, last));
        name("Gradient", A1.absRange(at.gradientTop, at.num0, at.gradientTop + at.blockRows - 1, last));
        name("Updated", A1.absRange(at.updatedTop, at.num0, at.updatedTop + at.blockRows - 1, last));
    }

    private void name(String name, String ref) {
        Name n = wb.createName();
        n.setNameName(name);
        n.setRefersToFormula(quotedSheet() + "!" + ref);
    }

    private String quotedSheet() {
        return "'" + sheet.getSheetName().replace("'", "''") + "'";
    }

    /** Pixels drawn black (≥ 0.5) and white, column widths, frozen labels. */
    private void looks() {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule black = cf.createConditionalFormattingRule(ComparisonOperator.GE, "0.5");
        black.createPatternFormatting().setFillBackgroundColor(IndexedColors.BLACK.getIndex());
        black.getPatternFormatting().setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
        black.createFontFormatting().setFontColorIndex(IndexedColors.WHITE.getIndex());
        ConditionalFormattingRule white = cf.createConditionalFormattingRule(ComparisonOperator.LT, "0.5");
        white.createPatternFormatting().setFillBackgroundColor(IndexedColors.WHITE.getIndex());
        white.getPatternFormatting().setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
        white.createFontFormatting().setFontColorIndex(IndexedColors.GREY_50_PERCENT.getIndex());
        cf.addConditionalFormatting(new CellRangeAddress[] {
                new CellRangeAddress(at.tableTop, at.tableBottom(), 1, at.width)}, black, white);

        // number columns take the sheet's default width (setting thousands of columns one by one is slow)
        sheet.setDefaultColumnWidth(13);
        sheet.setColumnWidth(0, 14 * 256);
        for (int c = 1; c <= at.width; c++) {
            sheet.setColumnWidth(c, 3 * 256 + 100);
        }
        sheet.setColumnWidth(at.colSub, 9 * 256);
        if (at.width <= 16) {
            sheet.createFreezePane(at.num0, 0);
        }
    }

    private String unit(int l, int j) {
        return lay.layerName(l) + "[" + (j + 1) + "]";
    }

    /** The image rows of one column of the table, row-absolute: "AB$24:AB$663". */
    private String columnRange(int col) {
        String c = CellReference.convertNumToColString(col);
        return c + "$" + (at.tableTop + 1) + ":" + c + "$" + (at.tableBottom() + 1);
    }

    private Cell cell(int r, int c) {
        Row row = sheet.getRow(r);
        if (row == null) {
            row = sheet.createRow(r);
        }
        return row.createCell(c);
    }

    private void text(int r, int c, String s, CellStyle style) {
        Cell cell = cell(r, c);
        cell.setCellValue(s);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private void number(int r, int c, double v, CellStyle style) {
        Cell cell = cell(r, c);
        cell.setCellValue(v);
        cell.setCellStyle(style);
    }

    /** A formula cell with its cached value (the streaming workbook stores the formula text unparsed). */
    private void formula(int r, int c, String f, double value, CellStyle style) {
        Cell cell = cell(r, c);
        cell.setCellFormula(f);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
