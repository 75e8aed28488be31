package io.github.shikumi.web;

import io.github.shikumi.check.Confusion;
import io.github.shikumi.check.GradientCheck;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.update.UpdateRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The numbers behind the teaching views, as JSON-ready maps: diagram, one step, results, classification. */
final class Insights {
    private Insights() {
    }

    /** Layer sizes, names, and per layer the weights w_ji and thresholds θ_j. */
    static Map<String, Object> network(Network net, int iteration) {
        ParamLayout lay = net.layout();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", iteration);
        m.put("sizes", lay.sizes());
        m.put("labels", net.labels());
        m.put("height", net.height());
        m.put("width", net.width());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 0; l < lay.layers(); l++) {
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("name", lay.layerName(l));
            double[][] w = new double[lay.units(l)][lay.fanIn(l)];
            double[] th = new double[lay.units(l)];
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < w[j].length; i++) {
                    w[j][i] = net.weight(l, j, i);
                }
                th[j] = net.threshold(l, j);
            }
            layer.put("weights", w);
            layer.put("thresholds", th);
            layers.add(layer);
        }
        m.put("layers", layers);
        return m;
    }

    /** The forward values s and z of every unit for one image (for the diagram). */
    static Map<String, Object> activations(Network net, Dataset data, int n) {
        Trace tr = Trace.of(net, data.image(n), data.target(n));
        ParamLayout lay = net.layout();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", n);
        m.put("label", data.labelOf(n));
        m.put("x", tr.inputs());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int l = 0; l < lay.layers(); l++) {
            double[] s = new double[lay.units(l)];
            double[] z = new double[lay.units(l)];
            for (int j = 0; j < s.length; j++) {
                s[j] = tr.s(l, j);
                z[j] = tr.z(l, j);
            }
            layers.add(Map.of("s", s, "z", z));
        }
        m.put("layers", layers);
        return m;
    }

    /**
     * One step of the book's method for image n: the forward pass, δ of every unit, this image's ∂e,
     * the sum ∂E over all images, and the update ({@code next}: p − η·∂E for the book's rule, the rule's step
     * from its state otherwise), for every parameter in the layout's order; with each layer's activation.
     */
    static Map<String, Object> trace(Network net, Dataset data, int n, int iteration, UpdateRule rule,
                                     UnaryOperator<double[]> next) {
        ParamLayout lay = net.layout();
        Trace tr = Trace.of(net, data.image(n), data.target(n));
        Map<String, Object> m = activations(net, data, n);
        m.put("iteration", iteration);
        m.put("labels", net.labels());
        m.put("t", tr.targets());
        m.put("e", tr.e());
        List<Map<String, Object>> units = new ArrayList<>();
        for (int l = 0; l < lay.layers(); l++) {
            double[] delta = new double[lay.units(l)];
            double[] back = new double[lay.units(l)];
            for (int j = 0; j < delta.length; j++) {
                delta[j] = tr.delta(l, j);
                back[j] = l < lay.layers() - 1 ? tr.backSum(l, j) : Double.NaN;
            }
            Map<String, Object> u = new LinkedHashMap<>();
            u.put("name", lay.layerName(l));
            Activation f = Network.unitFunction(l, lay, net.output(), net.activations());
            u.put("activation", f == null ? net.output().id() : f.id());
            u.put("delta", delta);
            if (l < lay.layers() - 1) {
                u.put("backSum", back);
                double[] slope = new double[lay.units(l)];
                for (int j = 0; j < slope.length; j++) {
                    slope[j] = f.derivativeFromOutput(tr.z(l, j)); // f'(s_j) from h_j, as δH_j uses it
                }
                u.put("derivative", slope);
            }
            units.add(u);
        }
        m.put("deltas", units);
        double[] p = net.params();
        double[] total = new double[p.length];
        double bigE = new Backprop(net, data).gradient(p, total);
        double[] update = next.apply(total); // p ← p − η·∂E/∂p (the book's), or the rule's step
        m.put("names", names(lay));
        m.put("params", p);
        m.put("gradImage", tr.gradient());
        m.put("gradTotal", total);
        m.put("E", bigE);
        m.put("eta", rule.eta());
        m.put("optimizer", rule.name());
        m.put("update", update);
        m.put("images", data.size());
        return m;
    }

    static List<String> names(ParamLayout lay) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < lay.count(); i++) {
            names.add(lay.name(i));
        }
        return names;
    }

    /** Backpropagation's ∂E beside central differences, for every parameter. */
    static Map<String, Object> gradcheck(Network net, Dataset data, int iteration, long maxWork) {
        ParamLayout lay = net.layout();
        long evaluations = 2L * lay.count();
        if ((double) evaluations * lay.count() * data.size() > maxWork) {
            throw ApiException.badRequest(WebMsg.GRADCHECK_TOO_LARGE, evaluations, data.size());
        }
        GradientCheck.Result r = GradientCheck.check(new NetworkObjective(net, data), net.params(),
                GradientCheck.DEFAULT_STEP);
        double[] a = new double[r.size()];
        double[] num = new double[r.size()];
        double[] rel = new double[r.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.analytic(i);
            num[i] = r.numeric(i);
            rel[i] = r.relative(i);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", iteration);
        m.put("step", GradientCheck.DEFAULT_STEP);
        m.put("tolerance", GradientCheck.DEFAULT_TOLERANCE);
        m.put("names", names(lay));
        m.put("backprop", a);
        m.put("numerical", num);
        m.put("relative", rel);
        m.put("maxRelative", r.maxRelative());
        m.put("maxAbsolute", r.maxAbsolute());
        m.put("passes", r.passes(GradientCheck.DEFAULT_TOLERANCE));
        return m;
    }

    /** Per image: outputs, predicted label, correct or not; accuracy and confusion matrix. */
    static Map<String, Object> predictions(Network net, Dataset data, String name) {
        Confusion c = Confusion.of(net, data);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 0; n < c.size(); n++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("label", data.labelOf(n));
            r.put("predicted", c.labels().get(c.predicted(n)));
            r.put("correct", c.correct(n));
            r.put("outputs", c.outputs(n));
            rows.add(r);
        }
        int k = c.labels().size();
        int[][] matrix = new int[k][k];
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                matrix[a][p] = c.count(a, p);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("accuracy", c.accuracy());
        m.put("correct", c.correctCount());
        m.put("size", c.size());
        m.put("confusion", matrix);
        m.put("predictions", rows);
        return m;
    }

    /** Outputs, the predicted label, and ∂z_k/∂x_i for every output k, for one drawn image. */
    static Map<String, Object> classify(Network net, double[] x, int iteration) {
        double[] z = net.outputs(x);
        int best = Network.argmax(z);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iteration", iteration);
        m.put("labels", net.labels());
        m.put("outputs", z);
        m.put("predicted", net.labels().get(best));
        m.put("predictedIndex", best);
        m.put("sensitivity", Sensitivity.of(net, x));
        return m;
    }
}
