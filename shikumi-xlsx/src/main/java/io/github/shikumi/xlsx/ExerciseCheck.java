package io.github.shikumi.xlsx;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Checks a learner's BP sheet ({@code shikumi check-xlsx}): reads the inputs the workbook holds (η, the
 * parameters, every image's pixels and targets, so a full workbook that was edited is checked against its own
 * inputs), computes every number with core ({@link Trace}), evaluates the learner's formulas with POI's
 * evaluator (no spreadsheet program needed) and compares them cell by cell in the order the computation needs
 * them: image by image s, z, e, δ, ∂e/∂p, then the Gradient and Updated blocks, then E.
 *
 * <p>Bad input ({@link XlsxException}, the CLI's exit 2): a file too large, not a zip or a zip bomb (POI's
 * {@link ZipSecureFile} limits), not a workbook shikumi wrote (no {@value #PROPERTY} property), no BP sheet
 * (renamed), a layout moved (a header where it should be), an input cell holding text or an error, a circular
 * reference. A formula cell that is empty, holds text or evaluates to an error is a wrong answer, not bad input.
 */
public final class ExerciseCheck {
    /** The custom document property that says the BP sheet's shape (LibreOffice and Excel keep it on saving). */
    static final String PROPERTY = "shikumi.bp";
    /** The largest file checked (the book's full workbook is about 1 MB). */
    public static final long MAX_BYTES = 50L << 20;
    /** The largest uncompressed part POI will inflate, and the smallest compression ratio (zip bombs). */
    static final long MAX_ENTRY_BYTES = 256L << 20;
    static final double MIN_INFLATE_RATIO = 0.005;
    /** Agreement needed: relative to the scale of the terms each number is made of. */
    public static final double TOLERANCE = 1e-9;

    private ExerciseCheck() {
    }

    /** One checked cell that is wrong or empty. */
    public record Finding(String address, Block block, String what, String holds, double value, double expected,
                          boolean missing, String hint) {
    }

    /** The outcome: how many cells were checked, and every wrong or empty one in computation order. */
    public record Result(int checked, List<Finding> findings) {
        public boolean clean() {
            return findings.isEmpty();
        }

        public long missing() {
            return findings.stream().filter(Finding::missing).count();
        }

        /**
         * The report as plain values for JSON (check-xlsx --json, the web page): checked, clean, missing,
         * wrong, and every cell with its address, block, what it is, what it holds and should hold, and the hint.
         */
        public Map<String, Object> toMap() {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("checked", checked);
            root.put("clean", clean());
            root.put("missing", missing());
            root.put("wrong", findings.size() - missing());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Finding f : findings) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("address", f.address());
                c.put("block", f.block().word());
                c.put("what", f.what());
                c.put("missing", f.missing());
                c.put("holds", f.holds());
                if (!Double.isNaN(f.value())) {
                    c.put("value", f.value());
                }
                c.put("expected", f.expected());
                c.put("hint", f.hint());
                cells.add(c);
            }
            root.put("cells", cells);
            return root;
        }
    }

    /**
     * Writes the shape into the workbook's custom properties, for {@link #check}: with the hidden layers'
     * activations when one is not the book's σ (a workbook without them is all σ, as those written before).
     */
    static void mark(XSSFWorkbook wb, BpLayout at, List<Activation> activations) {
        String d = describe(at);
        if (activations.stream().anyMatch(a -> a != Activation.SIGMOID)) {
            StringBuilder sb = new StringBuilder(d).append(" activation=");
            for (int i = 0; i < activations.size(); i++) {
                sb.append(i > 0 ? "," : "").append(activations.get(i).id());
            }
            d = sb.toString();
        }
        wb.getProperties().getCustomProperties().addProperty(PROPERTY, d);
    }

    static String describe(BpLayout at) {
        StringBuilder sb = new StringBuilder("shikumi-bp/1 sizes=");
        int[] sizes = at.lay.sizes();
        for (int i = 0; i < sizes.length; i++) {
            sb.append(i > 0 ? "," : "").append(sizes[i]);
        }
        return sb.append(" image=").append(at.height).append('x').append(at.width).append(" images=").append(at.images)
                .append(" output=").append(at.output.id()).toString();
    }

    /** Checks the workbook at {@code file}; {@code locale} for the hints. */
    public static Result check(Path file, Locale locale) {
        return check(file, file.toString(), locale);
    }

    /**
     * Checks the workbook at {@code file}, naming it {@code name} in every message (an upload kept in a
     * temporary file is named as the learner's file, not by its temporary path).
     */
    public static Result check(Path file, String name, Locale locale) {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new XlsxException(name, Text.CHECK_NO_FILE);
        } catch (IOException e) {
            throw new XlsxException(name, Text.CHECK_UNREADABLE, oneLine(e));
        }
        if (size > MAX_BYTES) {
            throw new XlsxException(name, Text.CHECK_TOO_LARGE, size >> 20, MAX_BYTES >> 20);
        }
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        XSSFWorkbook wb;
        try {
            wb = new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            throw new XlsxException(name, Text.CHECK_NOT_XLSX, oneLine(e));
        }
        try {
            return new Checker(name, wb, locale).run();
        } finally {
            try {
                wb.close();
            } catch (IOException | RuntimeException ignored) {
                // opened read-only: nothing to save
            }
        }
    }

    /** The messages of an exception and its causes (first line of each: POI's zip bomb message is the cause's), on one line. */
    private static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e; c != null && sb.length() < 300; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage().strip();
            int nl = m.indexOf('\n');
            m = (nl >= 0 ? m.substring(0, nl) : m).replaceAll("\\s+", " ").trim();
            if (!m.isEmpty() && sb.indexOf(m) < 0) {
                sb.append(sb.length() > 0 ? ": " : "").append(m);
            }
        }
        return sb.length() > 300 ? sb.substring(0, 300) + "…" : sb.toString();
    }

    /** The check of one open workbook. */
    private static final class Checker implements Sink {
        private final String file;
        private final XSSFWorkbook wb;
        private final Locale locale;
        private Sheet sheet;
        private BpLayout at;
        /** The hidden layers' functions, from the workbook's property (σ when it names none). */
        private List<Activation> activations;
        private XSSFFormulaEvaluator ev;
        private final List<Finding> findings = new ArrayList<>();
        private int checked;

        Checker(String file, XSSFWorkbook wb, Locale locale) {
            this.file = file;
            this.wb = wb;
            this.locale = locale;
        }

        Result run() {
            at = layout();
            sheet = sheet();
            ev = wb.getCreationHelper().createFormulaEvaluator();
            checkHeaders();
            double eta = input(BpLayout.ROW_ETA, at.num0, "η");
            ParamLayout lay = at.lay;
            double[] params = new double[lay.count()];
            for (int p = 0; p < params.length; p++) {
                params[p] = input(at.paramsTop + at.blockRow(p), at.blockColumn(p), lay.name(p));
            }
            double[][] images = new double[at.images][lay.inputs()];
            int[] targets = new int[at.images];
            for (int n = 0; n < at.images; n++) {
                int top = at.bandTop(n);
                for (int i = 0; i < lay.inputs(); i++) {
                    images[n][i] = input(top + at.pixelRow(i), at.pixelColumn(i),
                            Text.CHECK_PIXEL.format(locale, i + 1, n + 1));
                }
                targets[n] = target(n, top);
            }
            List<String> labels = new ArrayList<>();
            for (int k = 0; k < lay.outputs(); k++) {
                labels.add(String.valueOf(k + 1));
            }
            Network net = new Network(lay, labels, at.height, at.width, params, Map.of(), at.output)
                    .withActivations(activations);
            Dataset data = new Dataset(file, labels, at.height, at.width, images, targets);
            new Expected(this, at, net, data, eta, locale).compare();
            return new Result(checked, findings);
        }

        private BpLayout layout() {
            POIXMLProperties.CustomProperties custom = wb.getProperties().getCustomProperties();
            String d = custom.contains(PROPERTY) ? custom.getProperty(PROPERTY).getLpwstr() : null;
            if (d == null || !d.startsWith("shikumi-bp/1 ")) {
                throw new XlsxException(file, Text.CHECK_NOT_OURS);
            }
            try {
                String[] parts = d.split(" ");
                String[] sizes = parts[1].substring("sizes=".length()).split(",");
                int[] s = new int[sizes.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = Integer.parseInt(sizes[i]);
                }
                String[] hw = parts[2].substring("image=".length()).split("x");
                int images = Integer.parseInt(parts[3].substring("images=".length()));
                Output output = Output.of(parts[4].substring("output=".length()));
                ParamLayout lay = new ParamLayout(s);
                int h = Integer.parseInt(hw[0]);
                int w = Integer.parseInt(hw[1]);
                if (h * w != lay.inputs() || images < 1 || images > WorkbookExport.MAX_FORMULA_IMAGES) {
                    throw new IllegalArgumentException(d);
                }
                activations = new ArrayList<>();
                String[] named = parts.length > 5 && parts[5].startsWith("activation=")
                        ? parts[5].substring("activation=".length()).split(",") : new String[0];
                for (int l = 0; l < lay.layers() - 1; l++) {
                    Activation a = named.length == 0 ? Activation.SIGMOID
                            : named.length == lay.layers() - 1 ? Activation.of(named[l]) : null;
                    if (a == null) {
                        throw new IllegalArgumentException(d);
                    }
                    activations.add(a);
                }
                return new BpLayout(lay, output, h, w, images);
            } catch (RuntimeException e) {
                throw new XlsxException(file, Text.CHECK_NOT_OURS);
            }
        }

        private Sheet sheet() {
            String en = Text.SHEET_BP.format(Locale.ENGLISH);
            String ja = Text.SHEET_BP.format(Locale.JAPANESE);
            Sheet s = wb.getSheet(en);
            if (s == null) {
                s = wb.getSheet(ja);
            }
            if (s == null) {
                List<String> names = new ArrayList<>();
                wb.forEach(x -> names.add(x.getSheetName()));
                throw new XlsxException(file, Text.CHECK_NO_SHEET, en, String.join(", ", names));
            }
            return s;
        }

        /** The layout is where the property says: the table's θ and e headers (a row or column inserted moves them). */
        private void checkHeaders() {
            header(at.paramsTop - 1, at.num0 + at.thetaColumn, "θ");
            header(at.tableHeader, at.eColumn(), "e");
        }

        private void header(int r, int c, String want) {
            Cell cell = cell(r, c);
            String got = cell != null && cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : null;
            if (!want.equals(got)) {
                throw new XlsxException(file, Text.CHECK_MOVED, address(r, c), want);
            }
        }

        /** A number the learner does not compute (η, a parameter, a pixel, a target): text or an error is bad input. */
        double input(int r, int c, String what) {
            Cell cell = cell(r, c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                throw new XlsxException(file, Text.CHECK_INPUT_EMPTY, address(r, c), what);
            }
            Value v = value(cell);
            if (v.error != null) {
                if (v.circular) {
                    throw new XlsxException(file, Text.CHECK_CIRCULAR, address(r, c));
                }
                throw new XlsxException(file, Text.CHECK_INPUT_ERROR, address(r, c), what, v.error);
            }
            if (v.text != null) {
                throw new XlsxException(file, Text.CHECK_INPUT_TEXT, address(r, c), what, v.text);
            }
            if (!Double.isFinite(v.number)) {
                throw new XlsxException(file, Text.CHECK_INPUT_ERROR, address(r, c), what, "#NUM!");
            }
            return v.number;
        }

        private int target(int n, int top) {
            int one = -1;
            for (int k = 0; k < at.lay.outputs(); k++) {
                double t = input(top, at.targetColumn(k), "t[" + (k + 1) + "]");
                if (t == 1 && one < 0) {
                    one = k;
                } else if (t != 0) {
                    throw new XlsxException(file, Text.CHECK_TARGETS, n + 1, address(top, at.targetColumn(0)));
                }
            }
            if (one < 0) {
                throw new XlsxException(file, Text.CHECK_TARGETS, n + 1, address(top, at.targetColumn(0)));
            }
            return one;
        }

        /** Compares one computed cell; {@code hints} names the likely mistake from the learner's value. */
        @Override
        public void compare(int r, int c, Block block, String what, double expected, double scale, Hints hints) {
            checked++;
            Cell cell = cell(r, c);
            String address = address(r, c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
                findings.add(new Finding(address, block, what, "", Double.NaN, expected, true,
                        Text.CHECK_HINT_EMPTY.format(locale, hints.formula())));
                return;
            }
            String holds = cell.getCellType() == CellType.FORMULA ? "=" + cell.getCellFormula() : shown(cell);
            Value v = value(cell);
            if (v.circular) {
                throw new XlsxException(file, Text.CHECK_CIRCULAR, address);
            }
            if (v.error != null || v.text != null) {
                String hint = v.error != null ? Text.CHECK_HINT_ERROR.format(locale, v.error, hints.formula())
                        : Text.CHECK_HINT_TEXT.format(locale, hints.formula());
                findings.add(new Finding(address, block, what, holds, Double.NaN, expected, false, hint));
                return;
            }
            double tol = TOLERANCE * scale + Double.MIN_NORMAL;
            if (Math.abs(v.number - expected) <= tol) {
                if (cell.getCellType() != CellType.FORMULA) {
                    findings.add(new Finding(address, block, what, holds, v.number, expected, false,
                            Text.CHECK_HINT_TYPED.format(locale, hints.formula())));
                }
                return;
            }
            String hint = hints.explain(v.number, tol);
            findings.add(new Finding(address, block, what, holds, v.number, expected, false,
                    hint != null ? hint : Text.CHECK_HINT_FORMULA.format(locale, hints.formula())));
        }

        private Cell cell(int r, int c) {
            Row row = sheet.getRow(r);
            return row == null ? null : row.getCell(c);
        }

        private String address(int r, int c) {
            return sheet.getSheetName() + "!" + new CellReference(r, c).formatAsString(false);
        }

        private static String shown(Cell cell) {
            return switch (cell.getCellType()) {
                case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                case STRING -> "\"" + cell.getStringCellValue() + "\"";
                case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
                case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
                default -> "";
            };
        }

        /** The value of a cell: typed or computed by POI's evaluator. */
        private Value value(Cell cell) {
            CellValue cv;
            try {
                cv = ev.evaluate(cell);
            } catch (RuntimeException | StackOverflowError e) {
                // POI's evaluator could not compute the formula (a function it lacks, a reference out of the sheet)
                return new Value(Double.NaN, null, "#" + e.getClass().getSimpleName() + ": " + oneLine(e), false);
            }
            if (cv == null) {
                return new Value(Double.NaN, "", null, false);
            }
            return switch (cv.getCellType()) {
                case NUMERIC -> new Value(cv.getNumberValue(), null, null, false);
                case STRING -> new Value(Double.NaN, cv.getStringValue(), null, false);
                case BOOLEAN -> new Value(Double.NaN, String.valueOf(cv.getBooleanValue()), null, false);
                case ERROR -> {
                    boolean circular = cv.getErrorValue() == FormulaError.CIRCULAR_REF.getCode();
                    String e = circular ? "circular" : FormulaError.forInt(cv.getErrorValue()).getString();
                    yield new Value(Double.NaN, null, e, circular);
                }
                default -> new Value(Double.NaN, "", null, false);
            };
        }
    }

    private record Value(double number, String text, String error, boolean circular) {
    }

    /** The book's formula of a cell (for the hint) and the likely mistakes a wrong value points to. */
    interface Hints {
        String formula();

        /** A hint for the learner's wrong value {@code v}, or null when none of the known mistakes gives it. */
        String explain(double v, double tol);
    }

    /** Where {@link Expected} sends each cell's expected value: the checker compares it with the workbook's. */
    interface Sink {
        void compare(int r, int c, Block block, String what, double expected, double scale, Hints hints);
    }
}
