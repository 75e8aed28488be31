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
