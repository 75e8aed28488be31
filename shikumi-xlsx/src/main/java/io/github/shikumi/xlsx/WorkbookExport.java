package io.github.shikumi.xlsx;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;

/**
 * The book's spreadsheet, generated: a workbook whose BP sheet computes E, the gradient and one
 * gradient-descent step with live formulas (editing a pixel, a weight or η in Excel recomputes everything),
 * with sheets for the training run (Training), the results before and after (Results) and the macro that
 * repeats the step (Macro).
 *
 * <p>Any fully connected shape that core supports is laid out, with any number of hidden layers. Limits
 * (so that the BP sheet stays usable): formulas for the first {@value #MAX_FORMULA_IMAGES} images at most,
 * fewer when an image's band would exceed {@value #CELL_BUDGET} formula cells in all; networks with more
 * parameters than a sheet has columns for are refused with {@link XlsxException}.
 */
public final class WorkbookExport {
    /** The BP sheet has formulas for at most this many images (the other sheets cover all). */
    public static final int MAX_FORMULA_IMAGES = 256;
    /** Formula cells the image table of the BP sheet may hold in all (keeps the file and Excel responsive). */
    public static final int CELL_BUDGET = 400_000;

    private WorkbookExport() {
    }

    /**
     * Trains {@code model} on {@code data} by gradient descent ({@code eta}, {@code iterations}) and writes the
     * workbook to {@code out} completely or not at all (temporary file, then move).
     *
     * @return the training run shown on the Training and Results sheets
     * @throws ShikumiException bad input: model and data do not fit, η or iterations invalid, the folder
     *                          of {@code out} missing, {@code out} exists and not {@code force}
     * @throws XlsxException    the network is too large for a workbook
     */
    public static History export(Network model, Dataset data, double eta, int iterations, Locale locale,
                                 Path out, boolean force) {
        return export(model, data, eta, iterations, locale, out, force, TrainingListener.NONE);
    }

    /** {@link #export(Network, Dataset, double, int, Locale, Path, boolean)}, telling {@code listener} of each iteration. */
    public static History export(Network model, Dataset data, double eta, int iterations, Locale locale,
                                 Path out, boolean force, TrainingListener listener) {
        return export(model, data, eta, iterations, locale, out, force, listener, false);
    }

    /** {@link #export(Network, Dataset, double, int, Locale, Path, boolean, TrainingListener)}, .xlsm with the macro when {@code macro}. */
    public static History export(Network model, Dataset data, double eta, int iterations, Locale locale,
                                 Path out, boolean force, TrainingListener listener, boolean macro) {
        AtomicFiles.checkWritable(out, force);
        check(model, data, eta, iterations);
        History history = Training.gradientDescent(model, data, eta, iterations, listener);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            write(data, eta, history, locale, bytes, macro);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(out, bytes.toByteArray());
        return history;
    }

    /** Checks everything {@link #export} needs before any work: fit of model and data, η, iterations, size. */
    public static void check(Network model, Dataset data, double eta, int iterations) {
        model.checkFits(data, "model");
        new GradientDescent(eta);
        if (iterations < 0) {
            throw new ShikumiException("--iterations", Msg.ITERATIONS_INVALID, iterations);
        }
        ParamLayout lay = model.layout();
        int columns = data.width() + 2 + BpLayout.bandColumns(lay, model.output());
        if (columns > BpLayout.MAX_COLUMNS) {
            int most = BpLayout.MAX_COLUMNS - (columns - lay.count());
            throw new XlsxException("model", Text.ERROR_TOO_LARGE, lay.shapeText(), lay.count(), Math.max(0, most));
        }
        BpSheet.checkWritable(new BpLayout(lay, model.output(), data.height(), data.width(),
                formulaImages(model, data)), model, data);
    }

    /**
     * Writes the workbook of a finished training run to {@code out} (not closed): the BP sheet at the run's
     * initial network, the run on the Training and Results sheets, the Macro sheet. Every formula carries its
     * value, so viewers that do not recalculate show the numbers too; Excel recalculates on opening. The same
     * run gives the same bytes every time: no creation date, every zip entry dated 1980-02-01 00:00
     * ({@link StableZip}).
     */
    public static void write(Dataset data, double eta, History history, Locale locale, OutputStream out)
            throws IOException {
        write(data, eta, history, locale, out, false);
    }

    /**
     * {@link #write(Dataset, double, History, Locale, OutputStream)}, as a macro-enabled workbook (.xlsm) when
     * {@code macro}: its VBA project ({@link VbaProject}) holds the macro ShikumiTrain, and the Macro sheet
     * says how to run it and keeps the Initial block it resets the parameters to.
     */
    public static void write(Dataset data, double eta, History history, Locale locale, OutputStream out, boolean macro)
            throws IOException {
        Network model = history.initial();
        check(model, data, eta, history.iterations());
        ParamLayout lay = model.layout();
        BpLayout at = new BpLayout(lay, model.output(), data.height(), data.width(), formulaImages(model, data));
        // Every sheet is streamed (written as plain XML, formulas stored as text): thousands of formulas in
        // well under a second. No row is flushed before the end (window −1), so rows may be written in any order.
        XSSFWorkbook base = new XSSFWorkbook();
        // same model and options, same bytes: no creation date in the core properties (POI would write the
        // time of writing), and the package rewritten with fixed entry times (StableZip: 1980-02-01 00:00)
        base.getProperties().getCoreProperties().setCreated(Optional.<Date>empty());
        ExerciseCheck.mark(base, at, model.activations());
        if (macro) {
            base.setWorkbookType(XSSFWorkbookType.XLSM);
            base.setVBAProject(new java.io.ByteArrayInputStream(VbaProject.write("VBAProject",
                    List.of(new VbaProject.Module("ShikumiMacro", MacroSheet.xlsmCode(locale))))));
        }
        Styles st = new Styles(base);
        SXSSFWorkbook wb = new SXSSFWorkbook(base, -1);
        try {
            BpSheet.write(wb, st, locale, at, model, data, eta, history.iterations());
            TrainingSheet.write(wb, st, locale, history, eta);
            ResultsSheet.write(wb, st, locale, data, history);
            if (macro) {
                MacroSheet.writeXlsm(wb, st, locale, history.iterations(), at.images < data.size(), at, model);
            } else {
                MacroSheet.write(wb, st, locale, history.iterations(), at.images < data.size());
            }
            wb.setActiveSheet(0);
            wb.setForceFormulaRecalculation(true);
            ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 20);
            wb.write(raw);
            StableZip.rewrite(raw.toByteArray(), out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /**
     * Writes the exercise of {@code model} on {@code data} to {@code out} (not closed): the BP sheet with the
     * parameters, pixels, targets and η filled in and the formula cells of {@code blank} left empty for the
     * learner, and the Macro sheet; no Training or Results sheet (their numbers would give the answers away).
     * {@link ExerciseCheck} checks the learner's workbook.
     */
    public static void writeExercise(Network model, Dataset data, double eta, int iterations, Set<Block> blank,
                                     Locale locale, OutputStream out) throws IOException {
        check(model, data, eta, iterations);
        ParamLayout lay = model.layout();
        BpLayout at = new BpLayout(lay, model.output(), data.height(), data.width(), formulaImages(model, data));
        XSSFWorkbook base = new XSSFWorkbook();
        base.getProperties().getCoreProperties().setCreated(Optional.<Date>empty());
        ExerciseCheck.mark(base, at, model.activations());
        Styles st = new Styles(base);
        SXSSFWorkbook wb = new SXSSFWorkbook(base, -1);
        try {
            BpSheet.write(wb, st, locale, at, model, data, eta, iterations, blank);
            MacroSheet.write(wb, st, locale, iterations, at.images < data.size());
            wb.setActiveSheet(0);
            wb.setForceFormulaRecalculation(true);
            ByteArrayOutputStream raw = new ByteArrayOutputStream(1 << 20);
            wb.write(raw);
            StableZip.rewrite(raw.toByteArray(), out);
        } finally {
            wb.dispose();
            wb.close();
        }
    }

    /** {@link #writeExercise} to a file, completely or not at all. */
    public static void exportExercise(Network model, Dataset data, double eta, int iterations, Set<Block> blank,
                                      Locale locale, Path out, boolean force) {
        AtomicFiles.checkWritable(out, force);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            writeExercise(model, data, eta, iterations, blank, locale, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(out, bytes.toByteArray());
    }

    /**
     * How many images (the first ones) get formulas on the BP sheet: all, up to {@value #MAX_FORMULA_IMAGES},
     * fewer when the image table would exceed {@value #CELL_BUDGET} formula cells or the sheet's rows.
     */
    public static int formulaImages(Network model, Dataset data) {
        return formulaImages(model.layout(), model.output(), data.height(), data.width(), data.size());
    }

    /** {@link #formulaImages(Network, Dataset)} for the book's sigmoid output layer. */
    public static int formulaImages(ParamLayout lay, int height, int width, int images) {
        return formulaImages(lay, Output.SIGMOID, height, width, images);
    }

    static int formulaImages(ParamLayout lay, Output output, int height, int width, int images) {
        int perImage = BpLayout.bandColumns(lay, output);
        int byCells = Math.max(1, CELL_BUDGET / perImage);
        BpLayout probe = new BpLayout(lay, output, height, width, 1);
        int byRows = (BpLayout.MAX_ROWS - probe.tableTop) / (height + 1);
        return Math.max(1, Math.min(Math.min(images, MAX_FORMULA_IMAGES), Math.min(byCells, byRows)));
    }
}
