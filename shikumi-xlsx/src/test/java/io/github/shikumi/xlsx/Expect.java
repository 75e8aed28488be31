package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Trace;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Shared steps of the workbook tests: writing a workbook, core's own numbers, and comparing them. */
final class Expect {
    private Expect() {
    }

    /** The workbook's bytes for {@code model} trained {@code iterations} times on {@code data}. */
    static byte[] workbook(Network model, Dataset data, double eta, int iterations, Locale locale) {
        History h = Training.gradientDescent(model, data, eta, iterations, TrainingListener.NONE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            WorkbookExport.write(data, eta, h, locale, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Core's E and ∂E (Backprop, with the model's output layer and loss) at {@code params} over {@code data}: {E, g_0, g_1, …}. */
    static double[] core(Network model, double[] params, Dataset data) {
        double[] g = new double[params.length];
        double e = new Backprop(model, data).gradient(params, g);
        double[] out = new double[g.length + 1];
        out[0] = e;
        System.arraycopy(g, 0, out, 1, g.length);
        return out;
    }

    /** |actual − expected| ≤ relative·|expected|, or ≤ {@code absolute} near zero. */
    static void close(double actual, double expected, double relative, double absolute, String what) {
        close(actual, expected, 0, relative, absolute, what);
    }

    /**
     * |actual − expected| ≤ relative·max(|expected|, scale), or ≤ {@code absolute} near zero. {@code scale} is
     * the sum of the absolute values of the terms that were added up to {@code expected}: a sum whose terms
     * cancel carries rounding errors of the size of its terms, not of its result, and two engines that add in
     * a different order (or compute e^x differently: POI's EXP is Math.pow(2.718281828459045, x)) differ by
     * that much. Without cancellation the scale is |expected| and this is the plain relative tolerance.
     */
    static void close(double actual, double expected, double scale, double relative, double absolute, String what) {
        double diff = Math.abs(actual - expected);
        double bound = Math.max(relative * Math.max(Math.abs(expected), scale), absolute);
        assertThat(diff <= bound)
                .as("%s: workbook %s, core %s (difference %s, allowed %s)", what, actual, expected, diff, bound)
                .isTrue();
    }

    /** Σ_images |∂e/∂p| for every parameter p, from core's Trace of each image. */
    static double[] termScale(Network model, double[] params, Dataset data) {
        Network net = model.withParams(params);
        double[] scale = new double[params.length];
        for (int n = 0; n < data.size(); n++) {
            double[] g = Trace.of(net, data.image(n), data.target(n)).gradient();
            for (int p = 0; p < g.length; p++) {
                scale[p] += Math.abs(g[p]);
            }
        }
        return scale;
    }

    /**
     * The workbook's E, Gradient and Updated equal core's E, ∂E and p − η·∂E at {@code params} over
     * {@code data} (E has no cancellation: plain relative tolerance; ∂E and the update relative to their terms,
     * see {@link #close(double, double, double, double, double, String)}), and Params holds {@code params}.
     */
    static void matchesCore(Book book, Network model, double[] params, Dataset data, double eta,
                            double relative, double absolute) {
        var lay = model.layout();
        double[] core = core(model, params, data);
        close(book.named("E"), core[0], relative, absolute, "E");
        double[] stored = book.block("Params", lay, data.height(), data.width());
        for (int p = 0; p < lay.count(); p++) {
            // LibreOffice saves numbers to 15 significant digits: stored parameters are exact only to that
            close(stored[p], params[p], relative, absolute, "parameter " + lay.name(p));
        }
        double[] g = book.block("Gradient", lay, data.height(), data.width());
        double[] u = book.block("Updated", lay, data.height(), data.width());
        double[] scale = termScale(model, params, data);
        for (int p = 0; p < lay.count(); p++) {
            close(g[p], core[p + 1], scale[p], relative, absolute, "∂E/∂" + lay.name(p));
            close(u[p], params[p] - eta * core[p + 1], Math.abs(params[p]) + eta * scale[p], relative, absolute,
                    "updated " + lay.name(p));
        }
    }
}
