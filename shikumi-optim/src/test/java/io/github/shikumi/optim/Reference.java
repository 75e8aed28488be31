package io.github.shikumi.optim;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.Objective;

/** Independent computations the tests compare with: E from the network's plain forward pass, and test objectives. */
final class Reference {
    private Reference() {
    }

    /** E = Σ_images ½ Σ_k (t_k − z_k)², from {@link Network#outputs} (not from Backprop). */
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

    /** Training accuracy from the plain forward pass: share of images whose largest output is their label's. */
    static double accuracy(Network net, Dataset d) {
        int correct = 0;
        for (int n = 0; n < d.size(); n++) {
            if (Network.argmax(net.outputs(d.image(n))) == d.target(n)) {
                correct++;
            }
        }
        return correct / (double) d.size();
    }

    /** Rosenbrock's function f(x, y) = (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1), with its gradient. */
    static Objective rosenbrock() {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] p) {
                double a = 1 - p[0];
                double b = p[1] - p[0] * p[0];
                return a * a + 100 * b * b;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                double b = p[1] - p[0] * p[0];
                g[0] = -2 * (1 - p[0]) - 400 * p[0] * b; // ∂f/∂x
                g[1] = 200 * b;                          // ∂f/∂y
                return value(p);
            }
        };
    }

    /** Counts calls, independently of shikumi-optim's own {@link CountingObjective}. */
    static final class Counter implements Objective {
        final Objective inner;
        long values;
        long gradients;

        Counter(Objective inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double value(double[] p) {
            values++;
            return inner.value(p);
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            gradients++;
            return inner.valueAndGradient(p, g);
        }
    }
}
