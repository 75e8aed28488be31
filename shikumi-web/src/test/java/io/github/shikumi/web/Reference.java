package io.github.shikumi.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.BitmapText;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;

/**
 * Independent computations the API's answers are checked against: E and ∂E summed image by image from
 * core's plain per-image {@link Trace} (not the batched {@code Backprop} the server trains with), and
 * parameters read back from the API's JSON.
 */
final class Reference {
    private Reference() {
    }

    static Dataset letters(int perLetter) {
        return BitmapText.parse("letters.txt", Letters.text(perLetter));
    }

    /** ∂E = Σ_images ∂e, each from a trace. */
    static double[] gradient(Network net, Dataset d) {
        double[] g = new double[net.layout().count()];
        for (int n = 0; n < d.size(); n++) {
            double[] gi = Trace.of(net, d.image(n), d.target(n)).gradient();
            for (int i = 0; i < g.length; i++) {
                g[i] += gi[i];
            }
        }
        return g;
    }

    /** E = Σ_images ½ Σ_k (t_k − z_k)², from the outputs. */
    static double error(Network net, Dataset d) {
        double e = 0;
        for (int n = 0; n < d.size(); n++) {
            double[] z = net.outputs(d.image(n));
            for (int k = 0; k < z.length; k++) {
                double t = k == d.target(n) ? 1 : 0;
                e += 0.5 * (t - z[k]) * (t - z[k]);
            }
        }
        return e;
    }

    /** {@code steps} updates p ← p − η·∂E, the book's rule, written out. */
    static Network descend(Network net, Dataset d, double eta, int steps) {
        Network cur = net;
        for (int s = 0; s < steps; s++) {
            double[] p = cur.params();
            double[] g = gradient(cur, d);
            for (int i = 0; i < p.length; i++) {
                p[i] -= eta * g[i];
            }
            cur = cur.withParams(p);
        }
        return cur;
    }

    /**
     * {@code steps} updates of momentum, written out: v ← μ·v − η·∂E, p ← p + v, v starting at 0. Every
     * parameter of every step is returned (index 0 = the start).
     */
    static double[][] momentum(Network net, Dataset d, double eta, double mu, int steps) {
        double[][] all = new double[steps + 1][];
        double[] p = net.params();
        double[] v = new double[p.length];
        all[0] = p.clone();
        for (int s = 1; s <= steps; s++) {
            double[] g = gradient(net.withParams(p), d);
            for (int i = 0; i < p.length; i++) {
                v[i] = mu * v[i] - eta * g[i];
                p[i] += v[i];
            }
            all[s] = p.clone();
        }
        return all;
    }

    /**
     * {@code steps} updates of Adam as Kingma and Ba publish it (Algorithm 1), on g = ∂E: m ← β1·m + (1 − β1)·g,
     * v ← β2·v + (1 − β2)·g², m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), p ← p − η·m̂/(√v̂ + ε). Every step's
     * parameters (index 0 = the start).
     */
    static double[][] adam(Network net, Dataset d, double eta, int steps) {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[][] all = new double[steps + 1][];
        double[] p = net.params();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        all[0] = p.clone();
        for (int t = 1; t <= steps; t++) {
            double[] g = gradient(net.withParams(p), d);
            for (int i = 0; i < p.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                p[i] -= eta * mHat / (Math.sqrt(vHat) + eps);
            }
            all[t] = p.clone();
        }
        return all;
    }

    /** The parameters of a {@code /network} answer, in the layout order. */
    static double[] params(JsonNode network, ParamLayout lay) {
        double[] p = new double[lay.count()];
        for (int l = 0; l < lay.layers(); l++) {
            JsonNode layer = network.get("layers").get(l);
            for (int j = 0; j < lay.units(l); j++) {
                for (int i = 0; i < lay.fanIn(l); i++) {
                    p[lay.weight(l, j, i)] = layer.get("weights").get(j).get(i).asDouble();
                }
                p[lay.threshold(l, j)] = layer.get("thresholds").get(j).asDouble();
            }
        }
        return p;
    }

    static double[] doubles(JsonNode array) {
        double[] x = new double[array.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = array.get(i).asDouble();
        }
        return x;
    }
}
