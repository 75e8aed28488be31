package io.github.shikumi.web;

import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;

/**
 * How much each pixel pushes each output: the Jacobian ∂z_k/∂x_i of a network at one image, by the chain
 * rule backwards from output k (the same backward pass as backpropagation, but for z_k instead of e).
 */
final class Sensitivity {
    private Sensitivity() {
    }

    /** {@code [k][i]} = ∂z_k/∂x_i at image {@code x}. */
    static double[][] of(Network net, double[] x) {
        ParamLayout lay = net.layout();
        Trace tr = Trace.of(net, x, 0); // the forward pass; the target does not matter here
        int out = lay.layers() - 1;
        double[][] jac = new double[lay.outputs()][];
        for (int k = 0; k < lay.outputs(); k++) {
            // g_j = ∂z_k/∂s_j of the current layer; at the output layer only unit k: z_k(1 − z_k)
            double[] g = new double[lay.units(out)];
            double zk = tr.z(out, k);
            g[k] = zk * (1 - zk);
            for (int l = out; l >= 0; l--) {
                // ∂z_k/∂(input i of layer l) = Σ_j g_j·w_ji
                double[] below = new double[lay.fanIn(l)];
                for (int i = 0; i < below.length; i++) {
                    double sum = 0;
                    for (int j = 0; j < g.length; j++) {
                        sum += g[j] * net.weight(l, j, i);
                    }
                    below[i] = sum;
                }
                if (l > 0) {
                    // through the sigmoid of layer l−1: ∂z_k/∂s_i = ∂z_k/∂h_i · h_i(1 − h_i)
                    for (int i = 0; i < below.length; i++) {
                        double h = tr.z(l - 1, i);
                        below[i] *= h * (1 - h);
                    }
                }
                g = below;
            }
            jac[k] = g;
        }
        return jac;
    }
}
