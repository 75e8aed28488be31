package io.github.shikumi.train;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;

/**
 * Gradient descent with momentum (heavy ball): {@code v ← μ·v − η·∂E/∂p, p ← p + v}, v starting at 0.
 * With μ = 0 it is exactly {@link GradientDescent}.
 */
public final class Momentum implements Optimizer {
    private final double eta;
    private final double mu;

    public Momentum(double eta, double mu) {
        GradientDescent.checkEta(eta);
        if (!(mu >= 0 && mu < 1)) {
            throw new ShikumiException("momentum", Msg.MOMENTUM_INVALID, String.valueOf(mu));
        }
        this.eta = eta;
        this.mu = mu;
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public java.util.Map<String, Object> settings() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("eta", eta);
        m.put("momentum", mu);
        return m;
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] start, int maxIterations, IterationListener listener) {
        GradientDescent.checkIterations(maxIterations);
        double[] p = start.clone();
        double[] g = new double[p.length];
        double[] v = new double[p.length];
        double value = 0;
        int k = 0;
        for (; ; k++) {
            value = f.valueAndGradient(p, g);
            if (!listener.iteration(k, p, value)) {
                return new OptimizationResult(p, value, k, k + 1, k + 1, true);
            }
            if (Divergence.at(value, p)) {
                return new OptimizationResult(p, value, k, k + 1, k + 1, false, k); // no step from NaN or ∞
            }
            if (k == maxIterations) {
                break;
            }
            for (int i = 0; i < p.length; i++) {
                v[i] = mu * v[i] - eta * g[i];
                p[i] += v[i];
            }
        }
        return new OptimizationResult(p, value, k, k + 1, k + 1, false);
    }
}
