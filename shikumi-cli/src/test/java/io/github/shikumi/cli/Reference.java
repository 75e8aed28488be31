package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;

/** Independent computations the tests compare the commands' numbers with. */
final class Reference {
    private Reference() {
    }

    /** E = Σ_images ½ Σ_k (t_k − z_k)², from the network's plain forward pass. */
    static double error(Network net, Dataset d) {
        double e = 0;
        for (int n = 0; n < d.size(); n++) {
            double[] z = net.outputs(d.image(n));
            for (int k = 0; k < z.length; k++) {
                double t = d.target(n) == k ? 1 : 0;
                e += 0.5 * (t - z[k]) * (t - z[k]);
            }
        }
        return e;
    }

    /** ∂E/∂p by central differences of {@link #error}. */
    static double derivative(Network net, Dataset d, int p) {
        double h = 1e-6;
        double[] q = net.params();
        q[p] += h;
        double plus = error(net.withParams(q), d);
        q[p] -= 2 * h;
        double minus = error(net.withParams(q), d);
        return (plus - minus) / (2 * h);
    }
}
