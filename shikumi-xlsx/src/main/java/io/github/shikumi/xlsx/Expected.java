package io.github.shikumi.xlsx;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import io.github.shikumi.xlsx.ExerciseCheck.Hints;
import io.github.shikumi.xlsx.ExerciseCheck.Sink;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * What every computed cell of a BP sheet should hold, from core's {@link Trace} of each image, sent to the
 * checker in the order the computation needs them, each with the book's formula and the mistakes its wrong
 * value may come from (a reversed sign, θ added, a reference to another image's row or another unit).
 */
final class Expected {
    private final Sink sink;
    private final BpLayout at;
    private final ParamLayout lay;
    private final Network net;
    private final double eta;
    private final Locale locale;
    private final Trace[] traces;
    private final double[][] grads;
    private final int out;

    Expected(Sink sink, BpLayout at, Network net, Dataset data, double eta, Locale locale) {
        this.sink = sink;
        this.at = at;
        this.lay = at.lay;
        this.net = net;
        this.eta = eta;
        this.locale = locale;
        this.out = lay.layers() - 1;
        traces = new Trace[at.images];
        grads = new double[at.images][];
        for (int n = 0; n < at.images; n++) {
            traces[n] = Trace.of(net, data.image(n), data.target(n));
            grads[n] = traces[n].gradient();
        }
    }

    /** The function of hidden layer l as the workbook's network has it (σ for the book's). */
    private Activation activation(int l) {
        return l < out ? net.activations().get(l) : Activation.SIGMOID;
    }

    void compare() {
        for (int n = 0; n < at.images; n++) {
            band(n);
        }
        blocks();
    }

    private void band(int n) {
        int r = at.bandTop(n);
        Trace tr = traces[n];
        for (int l = 0; l < lay.layers(); l++) {
            String L = lay.layerName(l);
            for (int j = 0; j < lay.units(l); j++) {
                final int fl = l;
                final int fj = j;
                double scale = Math.abs(net.threshold(l, j));
                for (int i = 0; i < lay.fanIn(l); i++) {
                    scale += Math.abs(net.weight(l, j, i) * tr.input(l, i));
                }
                String f = "s" + unit(l, j) + " = Σ_i w" + L + "[" + (j + 1) + "][i]·(input i) − θ" + unit(l, j);
                sink.compare(r, at.sColumn(l, j), Block.S, what("s" + unit(l, j), n), tr.s(l, j), scale,
                        hints(f, n, fj, m -> traces[m].s(fl, fj), k -> tr.s(fl, k), lay.units(l), "s" + L,
                                (v, tol) -> near(v, tr.s(fl, fj) + 2 * net.threshold(fl, fj), tol)
                                        ? Text.CHECK_HINT_THETA_ADDED.format(locale, f) : null));
                if (l < out || at.output == Output.SIGMOID) {
                    Activation fn = activation(l);
                    boolean sigmoid = fn == Activation.SIGMOID;
                    // the book's σ written out; another hidden layer's function as its role writes it
                    String z = sigmoid ? "z" + unit(l, j) + " = σ(s" + unit(l, j) + ") = 1/(1 + e^(−s" + unit(l, j) + "))"
                            : "z" + unit(l, j) + " = " + fn.symbol() + "(s" + unit(l, j) + "), " + fn.formula();
                    sink.compare(r, at.zColumn(l, j), Block.Z, what("z" + unit(l, j), n), tr.z(l, j),
                            Math.max(Math.abs(tr.z(l, j)), sigmoid ? 0 : Math.abs(tr.s(l, j))),
                            hints(z, n, fj, m -> traces[m].z(fl, fj), k -> tr.z(fl, k), lay.units(l), "z" + L, (v, tol) -> {
                                if (sigmoid && near(v, 1 - tr.z(fl, fj), tol)) {
                                    return Text.CHECK_HINT_EXPONENT.format(locale);
                                }
                                return sigmoid && near(v, tr.s(fl, fj), tol) ? Text.CHECK_HINT_NO_SIGMOID.format(locale) : null;
                            }));
                }
            }
            if (l == out && at.output == Output.SOFTMAX) {
                softmax(n, r, tr);
            }
        }
        String ef = at.output == Output.SIGMOID ? "e = ½ Σ_k (t[k] − z[k])²" : "e = −Σ_k t[k]·log z[k]";
        sink.compare(r, at.eColumn(), Block.E, what("e", n), tr.e(), Math.abs(tr.e()),
                hints(ef, n, m -> traces[m].e(), null, 0, "", (v, tol) -> near(v, 2 * tr.e(), tol)
                        ? Text.CHECK_HINT_NO_HALF.format(locale) : null));
        String O = lay.layerName(out);
        for (int k = 0; k < lay.outputs(); k++) {
            final int fk = k;
            double t = tr.targets()[k];
            double z = tr.z(out, k);
            String f = at.output == Output.SIGMOID ? "δ" + unit(out, k) + " = −(t − z)·z(1 − z)" : "δ" + unit(out, k) + " = z − t";
            sink.compare(r, at.deltaColumn(out, k), Block.DELTA, what("δ" + unit(out, k), n), tr.delta(out, k),
                    Math.abs(tr.delta(out, k)), hints(f, n, fk, m -> traces[m].delta(out, fk), u -> tr.delta(out, u), lay.outputs(),
                            "δ" + O, (v, tol) -> {
                                if (near(v, -tr.delta(out, fk), tol)) {
                                    return Text.CHECK_HINT_SIGN_TZ.format(locale, f);
                                }
                                return at.output == Output.SIGMOID && near(v, -(t - z), tol)
                                        ? Text.CHECK_HINT_NO_DERIVATIVE.format(locale, "z(1 − z)", f) : null;
                            }));
        }
        for (int l = out - 1; l >= 0; l--) {
            String L = lay.layerName(l);
            String A = lay.layerName(l + 1);
            for (int j = 0; j < lay.units(l); j++) {
                final int fl = l;
                final int fj = j;
                double h = tr.z(l, j);
                double scale = 0;
                for (int k = 0; k < lay.units(l + 1); k++) {
                    scale += Math.abs(tr.delta(l + 1, k) * net.weight(l + 1, k, j));
                }
                Activation fn = activation(l);
                scale *= Math.abs(fn.derivativeFromOutput(h)); // z(1 − z) for the book's σ
                String slope = fn == Activation.SIGMOID ? "z(1 − z)" : fn.symbol() + "′ = " + fn.derivativeFormula();
                String f = "δ" + unit(l, j) + " = (Σ_k δ" + A + "[k]·w" + A + "[k][" + (j + 1) + "])·" + slope;
                sink.compare(r, at.deltaColumn(l, j), Block.DELTA, what("δ" + unit(l, j), n), tr.delta(l, j), scale,
                        hints(f, n, fj, m -> traces[m].delta(fl, fj), u -> tr.delta(fl, u), lay.units(l), "δ" + L, (v, tol) -> {
                            if (near(v, -tr.delta(fl, fj), tol)) {
                                return Text.CHECK_HINT_SIGN.format(locale, f);
                            }
                            return near(v, tr.backSum(fl, fj), tol) && fn != Activation.IDENTITY
                                    ? Text.CHECK_HINT_NO_DERIVATIVE.format(locale, slope, f) : null;
                        }));
            }
        }
        double[] g = grads[n];
        for (int l = 0; l < lay.layers(); l++) {
            for (int j = 0; j < lay.units(l); j++) {
                final int fl = l;
                final int fj = j;
                for (int i = 0; i < lay.fanIn(l); i++) {
                    int p = lay.weight(l, j, i);
                    String f = "∂e/∂" + lay.name(p) + " = δ" + unit(l, j) + "·(input " + (i + 1) + ")";
                    sink.compare(r, at.termColumn(p), Block.TERMS, what("∂e/∂" + lay.name(p), n), g[p], Math.abs(g[p]),
                            hints(f, n, m -> grads[m][p], null, 0, "", (v, tol) -> {
                                if (near(v, -g[p], tol)) {
                                    return Text.CHECK_HINT_SIGN.format(locale, f);
                                }
                                for (int i2 = 0; i2 < lay.fanIn(fl); i2++) {
                                    if (v != 0 && i2 != p - lay.weight(fl, fj, 0) && near(v, tr.delta(fl, fj) * tr.input(fl, i2), tol)
                                            && tr.input(fl, i2) != tr.input(fl, p - lay.weight(fl, fj, 0))) {
                                        return Text.CHECK_HINT_INPUT.format(locale, i2 + 1, f);
                                    }
                                }
                                return null;
                            }));
                }
                int p = lay.threshold(l, j);
                String f = "∂e/∂" + lay.name(p) + " = −δ" + unit(l, j);
                sink.compare(r, at.termColumn(p), Block.TERMS, what("∂e/∂" + lay.name(p), n), g[p], Math.abs(g[p]),
                        hints(f, n, m -> grads[m][p], null, 0, "", (v, tol) -> near(v, -g[p], tol)
                                ? Text.CHECK_HINT_THETA_TERM.format(locale) : null));
            }
        }
    }

    /** The softmax output's helper cells and z, as BpSheet computes them: max, u_k = e^(s_k − max), Σ u, z = u/Σ. */
    private void softmax(int n, int r, Trace tr) {
        int units = lay.units(out);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < units; k++) {
            max = Math.max(max, tr.s(out, k));
        }
        sink.compare(r, at.maxColumn(), Block.Z, what("max s", n), max, Math.abs(max), hints("max = MAX(s)", n, null, null, 0, "", null));
        double sum = 0;
        for (int k = 0; k < units; k++) {
            double u = Math.exp(tr.s(out, k) - max);
            sum += u;
            sink.compare(r, at.uColumn(k), Block.Z, what("u" + unit(out, k), n), u, u, hints("u = e^(s − max)", n, null, null, 0, "", null));
        }
        sink.compare(r, at.sumColumn(), Block.Z, what("Σu", n), sum, sum, hints("Σ_k u[k]", n, null, null, 0, "", null));
        for (int k = 0; k < units; k++) {
            sink.compare(r, at.zColumn(out, k), Block.Z, what("z" + unit(out, k), n), tr.z(out, k), tr.z(out, k),
                    hints("z = u/Σu", n, null, null, 0, "", null));
        }
    }

    /** The Gradient block (sums over the images), the Updated block, then E. */
    private void blocks() {
        double[] sum = new double[lay.count()];
        double[] abs = new double[lay.count()];
        double[] withoutLast = new double[lay.count()];
        double[] withoutFirst = new double[lay.count()];
        double bigE = 0;
        double eWithoutLast = 0;
        for (int n = 0; n < at.images; n++) {
            double[] g = grads[n];
            for (int p = 0; p < g.length; p++) {
                if (n == at.images - 1) {
                    withoutLast[p] = sum[p];
                }
                sum[p] += g[p];
                abs[p] += Math.abs(g[p]);
                if (n > 0) {
                    withoutFirst[p] += g[p];
                }
            }
            if (n == at.images - 1) {
                eWithoutLast = bigE;
            }
            bigE += traces[n].e();
        }
        double[] first = grads[0];
        for (int p = 0; p < lay.count(); p++) {
            final int fp = p;
            String f = "∂E/∂" + lay.name(p) + " = Σ_" + Text.CHECK_IMAGES.format(locale) + " ∂e/∂" + lay.name(p);
            sink.compare(at.gradientTop + at.blockRow(p), at.blockColumn(p), Block.GRADIENT,
                    "∂E/∂" + lay.name(p), sum[p], abs[p],
                    hints(f, -1, null, null, 0, "", (v, tol) -> {
                        if (near(v, -sum[fp], tol)) {
                            return Text.CHECK_HINT_SIGN.format(locale, f);
                        }
                        if (at.images > 1 && (near(v, withoutLast[fp], tol) || near(v, withoutFirst[fp], tol))) {
                            return Text.CHECK_HINT_SUM_RANGE.format(locale, f);
                        }
                        return at.images > 1 && near(v, first[fp], tol) ? Text.CHECK_HINT_ONE_IMAGE.format(locale, f) : null;
                    }));
        }
        for (int p = 0; p < lay.count(); p++) {
            final int fp = p;
            double param = net.param(p);
            double updated = param - eta * sum[p]; // p ← p − η·∂E/∂p
            String f = lay.name(p) + "′ = " + lay.name(p) + " − η·∂E/∂" + lay.name(p);
            sink.compare(at.updatedTop + at.blockRow(p), at.blockColumn(p), Block.UPDATED,
                    Text.CHECK_WHAT_UPDATED.format(locale, lay.name(p)), updated,
                    Math.abs(param) + eta * abs[p], hints(f, -1, null, null, 0, "", (v, tol) -> {
                        if (near(v, param + eta * sum[fp], tol)) {
                            return Text.CHECK_HINT_UPDATE_SIGN.format(locale);
                        }
                        if (near(v, param - sum[fp], tol)) {
                            return Text.CHECK_HINT_NO_ETA.format(locale);
                        }
                        return near(v, param, tol) ? Text.CHECK_HINT_NO_STEP.format(locale) : null;
                    }));
        }
        String f = "E = Σ_" + Text.CHECK_IMAGES.format(locale) + " e";
        final double eLess = eWithoutLast;
        sink.compare(BpLayout.ROW_E, at.num0, Block.TOTAL, "E", bigE, bigE, hints(f, -1, null, null, 0, "",
                (v, tol) -> at.images > 1 && near(v, eLess, tol) ? Text.CHECK_HINT_SUM_RANGE.format(locale, f) : null));
    }

    /** A mistake's test: the hint for the learner's value v, or null. */
    interface Mistake {
        String hint(double v, double tol);
    }

    /**
     * Hints for one cell: its own mistakes first, then "the value of another image" (a reference to the wrong
     * image's row) and "the value of another unit" (a reference to the wrong unit).
     */
    private Hints hints(String formula, int n, IntToDoubleFunction ofImage, IntToDoubleFunction ofUnit, int units,
                        String unitPrefix, Mistake own) {
        return hints(formula, n, -1, ofImage, ofUnit, units, unitPrefix, own);
    }

    /** {@link #hints}, the cell being unit {@code self} of its layer (not reported as "another unit"). */
    private Hints hints(String formula, int n, int self, IntToDoubleFunction ofImage, IntToDoubleFunction ofUnit,
                        int units, String unitPrefix, Mistake own) {
        return new Hints() {
            @Override
            public String formula() {
                return formula;
            }

            @Override
            public String explain(double v, double tol) {
                if (own != null) {
                    String h = own.hint(v, tol);
                    if (h != null) {
                        return h;
                    }
                }
                if (ofUnit != null) {
                    for (int k = 0; k < units; k++) {
                        if (k != self && near(v, ofUnit.applyAsDouble(k), tol)) {
                            return Text.CHECK_HINT_UNIT.format(locale, unitPrefix + "[" + (k + 1) + "]", formula);
                        }
                    }
                }
                if (ofImage != null && n >= 0) {
                    for (int m = 0; m < at.images; m++) {
                        if (m != n && near(v, ofImage.applyAsDouble(m), tol)) {
                            return Text.CHECK_HINT_IMAGE.format(locale, m + 1, at.bandTop(m) + 1, at.bandTop(n) + 1, formula);
                        }
                    }
                }
                return null;
            }
        };
    }

    private static boolean near(double v, double want, double tol) {
        return Math.abs(v - want) <= Math.max(tol, 1e-9 * Math.abs(want));
    }

    private String what(String name, int n) {
        return Text.CHECK_WHAT_IMAGE.format(locale, name, n + 1);
    }

    private String unit(int l, int j) {
        return lay.layerName(l) + "[" + (j + 1) + "]";
    }
}
