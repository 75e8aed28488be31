package io.github.shikumi.xlsx;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
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
    private final Output output;
    /** f[l]: the unit function of weight layer l (its activation; σ for a sigmoid output layer; null for softmax). */
    private final Activation[] f;
    /** Each formula image's trace, and their sums: ∂E/∂p and E over the formula images. */
    private final Trace[] traces;
    private final double[] gradient;
    private double error;
    /** Formula blocks left empty for the learner (an exercise); none for the full workbook. */
    private Set<Block> blank = EnumSet.noneOf(Block.class);

    private BpSheet(Workbook wb, Styles st, Locale locale, BpLayout at, Network model, Dataset data) {
        this.wb = wb;
        this.sheet = wb.createSheet(Text.SHEET_BP.format(locale));
        this.st = st;
        this.locale = locale;
        this.at = at;
        this.lay = at.lay;
        this.output = model.output();
        this.f = new Activation[model.layout().layers()];
        for (int l = 0; l < f.length; l++) {
            f[l] = model.unitFunction(l);
        }
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
        return write(wb, st, locale, at, model, data, eta, iterations, EnumSet.noneOf(Block.class));
    }

    /** {@link #write}, the formula cells of {@code blank} left empty (styled as cells to fill in): an exercise. */
    static Sheet write(Workbook wb, Styles st, Locale locale, BpLayout at, Network model, Dataset data,
                       double eta, int iterations, Set<Block> blank) {
        BpSheet s = new BpSheet(wb, st, locale, at, model, data);
        s.blank = EnumSet.copyOf(blank.isEmpty() ? EnumSet.noneOf(Block.class) : blank);
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
        text(BpLayout.ROW_E, 0, OutputFormulas.text(output, Text.BP_E, Text.BP_E_SOFTMAX).format(locale), st.label);
        // E = Σ_images e
        formula(Block.TOTAL, BpLayout.ROW_E, at.num0, "SUM(" + columnRange(at.eColumn()) + ")", error, st.total);
        text(BpLayout.ROW_LEGEND, at.num0, Text.BP_LEGEND_INPUT.format(locale), st.input);
        text(BpLayout.ROW_LEGEND, at.num0 + 2, Text.BP_LEGEND_FORMULA.format(locale), st.total);
        String note = at.images == data.size()
                ? Text.BP_NOTE_ALL.format(locale, data.size())
                : Text.BP_NOTE_FIRST.format(locale, at.images, data.size());
        text(BpLayout.ROW_NOTE, 0, note, st.heading);
    }

    /** Params (inputs), Gradient (sums of the image terms) and Updated (= previous − η·gradient). */
    private void blocks(Network model, double eta) {
        blockFrame(at.paramsTop, OutputFormulas.text(output, Text.BP_PARAMS, Text.BP_PARAMS_SOFTMAX));
        blockFrame(at.gradientTop, Text.BP_GRADIENT);
        blockFrame(at.updatedTop, Text.BP_UPDATED);
        for (int p = 0; p < lay.count(); p++) {
            int r = at.blockRow(p);
            int c = at.blockColumn(p);
            number(at.paramsTop + r, c, model.param(p), st.input);
            // ∂E/∂p = Σ_images ∂e/∂p
            formula(Block.GRADIENT, at.gradientTop + r, c, "SUM(" + columnRange(at.termColumn(p)) + ")", gradient[p], st.formula);
            // p ← p − η·∂E/∂p
            formula(Block.UPDATED, at.updatedTop + r, c, A1.ref(at.paramsTop + r, c) + "-eta*" + A1.ref(at.gradientTop + r, c),
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
        text(at.tableHeading, 0, OutputFormulas.text(output, Text.BP_TABLE, Text.BP_TABLE_SOFTMAX).format(locale),
                st.heading);
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
                if (l == out && output == Output.SOFTMAX) {
                    text(h, at.uColumn(j), "u" + unit(l, j) + " = e^(s − max)", st.header);
                }
                text(h, at.deltaColumn(l, j), "δ" + unit(l, j), st.header);
            }
        }
        text(h, at.eColumn(), "e", st.header);
        if (output == Output.SOFTMAX) {
            text(h, at.maxColumn(), "max s" + lay.layerName(out), st.header);
            text(h, at.sumColumn(), "Σu" + lay.layerName(out), st.header);
        }
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
                formula(Block.S, r, at.sColumn(l, j), "SUMPRODUCT(" + weights + "," + inputs + ")-"
                        + A1.abs(top, at.num0 + at.thetaColumn), tr.s(l, j), st.formula);
                if (f[l] != null) {
                    // z_j = σ(s_j) = 1/(1 + e^(−s_j)), or the layer's activation: the role writes the formula
                    formula(Block.Z, r, at.zColumn(l, j), f[l].cell(A1.ref(r, at.sColumn(l, j))), tr.z(l, j),
                            st.formula);
                }
            }
        }
        if (output == Output.SOFTMAX) {
            softmax(r, tr, out);
        }
        // e = ½ Σ_k (t_k − z_k)² (softmax: e = −Σ_k t_k·log z_k)
        formula(Block.E, r, at.eColumn(), eFormula(at, r), tr.e(), st.formula);
        for (int k = 0; k < lay.outputs(); k++) {
            String t = A1.ref(r, at.targetColumn(k));
            String z = A1.ref(r, at.zColumn(out, k));
            // δO_k = −(t_k − z_k)·z_k(1 − z_k) (softmax: δO_k = z_k − t_k)
            formula(Block.DELTA, r, at.deltaColumn(out, k), OutputFormulas.delta(output, t, z), tr.delta(out, k), st.formula);
        }
        for (int l = out - 1; l >= 0; l--) {
            for (int j = 0; j < lay.units(l); j++) {
                // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j)
                formula(Block.DELTA, r, at.deltaColumn(l, j), hiddenDelta(at, r, l, j, f[l]), tr.delta(l, j), st.formula);
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
                    formula(Block.TERMS, r, at.termColumn(lay.weight(l, j, i)), delta + "*" + input, tr.gradWeight(l, j, i),
                            st.formula);
                }
                // ∂e/∂θ_j = −δ_j
                formula(Block.TERMS, r, at.termColumn(lay.threshold(l, j)), "-" + delta, tr.gradThreshold(l, j), st.formula);
            }
        }
    }

    /**
     * The softmax output layer of one band, in the order core computes it: max = the largest s_k,
     * u_k = e^(s_k − max), Σ = Σ_m u_m (in order), z_k = u_k / Σ.
     */
    private void softmax(int r, Trace tr, int out) {
        int units = lay.units(out);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < units; k++) {
            max = Math.max(max, tr.s(out, k));
        }
        formula(Block.Z, r, at.maxColumn(), "MAX(" + A1.range(r, at.sColumn(out, 0), r, at.sColumn(out, units - 1)) + ")", max,
                st.formula);
        double[] u = new double[units];
        double sum = 0;
        for (int k = 0; k < units; k++) {
            u[k] = Math.exp(tr.s(out, k) - max);
            sum += u[k];
        }
        for (int k = 0; k < units; k++) {
            formula(Block.Z, r, at.uColumn(k), OutputFormulas.u(A1.ref(r, at.sColumn(out, k)), A1.ref(r, at.maxColumn())), u[k],
                    st.formula);
            formula(Block.Z, r, at.zColumn(out, k), OutputFormulas.softmaxZ(A1.ref(r, at.uColumn(k)), A1.ref(r, at.sumColumn())),
                    tr.z(out, k), st.formula);
        }
        formula(Block.Z, r, at.sumColumn(), "SUM(" + A1.range(r, at.uColumn(0), r, at.uColumn(units - 1)) + ")", sum,
                st.formula);
    }

    /** The e formula of the band starting at row r. */
    static String eFormula(BpLayout at, int r) {
        int out = at.lay.layers() - 1;
        int units = at.lay.outputs();
        String[] t = new String[units];
        String[] z = new String[units];
        for (int k = 0; k < units; k++) {
            t[k] = A1.ref(r, at.targetColumn(k));
            z[k] = A1.ref(r, at.zColumn(out, k));
        }
        return OutputFormulas.e(at.output, t, z);
    }

    /** Excel's limit on the length of a formula (characters after the "="); LibreOffice and POI take longer ones. */
    static final int MAX_FORMULA_LENGTH = 8192;

    /**
     * Refuses, with {@link XlsxException}, what the BP sheet cannot show correctly for this model on these data:
     * a formula longer than {@value #MAX_FORMULA_LENGTH} characters (δH sums over every unit of the layer
     * above, a softmax e over every output); a sigmoid unit of a formula image whose e^(−s) overflows (s below
     * −709.78: EXP gives #NUM! where core's σ is 0); a softmax output of 0 at an image's label (its s more than
     * ~745 below the image's largest), where core's e is infinite and LN(0) gives #NUM!.
     */
    static void checkWritable(BpLayout at, Network model, Dataset data) {
        ParamLayout lay = at.lay;
        int out = lay.layers() - 1;
        int last = at.bandTop(at.images - 1); // the longest references are in the last band
        for (int l = 0; l < out; l++) {
            for (int j = 0; j < lay.units(l); j++) {
                tooLong(at, hiddenDelta(at, last, l, j, model.activation(l)), "δ" + lay.layerName(l) + "[" + (j + 1) + "]", l + 1);
            }
        }
        tooLong(at, eFormula(at, last), "e", out);
        Output output = model.output();
        for (int n = 0; n < at.images; n++) {
            Trace tr = Trace.of(model, data.image(n), data.target(n));
            for (int l = 0; l < lay.layers(); l++) {
                for (int j = 0; j < lay.units(l); j++) {
                    String unit = lay.layerName(l) + "[" + (j + 1) + "]";
                    boolean sigmoid = model.unitFunction(l) == Activation.SIGMOID; // its EXP(−s) may overflow
                    if (sigmoid && Double.isInfinite(Math.exp(-tr.s(l, j)))) {
                        throw new XlsxException("model", Text.ERROR_EXP_OVERFLOW, n + 1, unit, tr.s(l, j));
                    }
                    // as the sheet computes it (u = EXP(s − max)), whatever floor core's z may have
                    if (model.unitFunction(l) == null && data.target(n) == j
                            && Math.exp(tr.s(l, j) - largestS(tr, l)) == 0) {
                        throw new XlsxException("model", Text.ERROR_SOFTMAX_ZERO, n + 1, unit);
                    }
                }
            }
        }
    }

    private static double largestS(Trace tr, int l) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < tr.layout().units(l); k++) {
            max = Math.max(max, tr.s(l, k));
        }
        return max;
    }

    private static void tooLong(BpLayout at, String formula, String what, int over) {
        if (formula.length() > MAX_FORMULA_LENGTH) {
            throw new XlsxException("model", Text.ERROR_FORMULA_TOO_LONG, at.lay.shapeText(), what,
                    at.lay.units(over), at.lay.layerName(over), formula.length(), MAX_FORMULA_LENGTH);
        }
    }

    /**
     * δH_j = (Σ_k δ_k·w_kj)·h_j(1 − h_j) of hidden layer l, unit j, in the band starting at row r: the sum
     * written out term by term, as the book does (its length grows with the units of layer l + 1), times the
     * activation's derivative from the output as the role writes it (σ: h(1 − h); tanh: 1 − h²; …).
     */
    static String hiddenDelta(BpLayout at, int r, int l, int j, Activation f) {
        ParamLayout lay = at.lay;
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
        return sum + ")*" + f.derivativeCell(z); // σ: the book's (Σ)*z*(1-z)
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

    /** A formula cell of {@code block}, or an empty cell to fill in when the exercise leaves the block blank. */
    private void formula(Block block, int r, int c, String f, double value, CellStyle style) {
        if (blank.contains(block)) {
            cell(r, c).setCellStyle(st.exercise);
        } else {
            formula(r, c, f, value, style);
        }
    }

    /** A formula cell with its cached value (the streaming workbook stores the formula text unparsed). */
    private void formula(int r, int c, String f, double value, CellStyle style) {
        Cell cell = cell(r, c);
        cell.setCellFormula(f);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
