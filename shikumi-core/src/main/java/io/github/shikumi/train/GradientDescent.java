package io.github.shikumi.train;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;

/**
 * The book's method: {@code p ← p − η·∂E/∂p}, every parameter at once, {@code maxIterations} times.
 * Each iteration k evaluates E and ∂E at p_k (reported as iteration k), then steps; the last iteration
 * is evaluated but not stepped from, so N iterations make N+1 evaluations and N updates. A run stops at the
 * first iteration whose E or parameters are NaN or infinite ({@link OptimizationResult#diverged()}).
 */
public final class GradientDescent implements Optimizer {
    /** The book's learning rate. */
    public static final double BOOK_ETA = 0.05;
    /** The book's iteration count. */
    public static final int BOOK_ITERATIONS = 500;

    private final double eta;

    public GradientDescent(double eta) {
        checkEta(eta);
        this.eta = eta;
    }

    @Override
    public java.util.Map<String, Object> settings() {
        return java.util.Map.of("eta", eta);
    }

    static void checkEta(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new ShikumiException("eta", Msg.ETA_INVALID, String.valueOf(eta));
        }
    }

    static void checkIterations(int iterations) {
        if (iterations < 0) {
            throw new ShikumiException("iterations", Msg.ITERATIONS_INVALID, iterations);
        }
    }

    public double eta() {
        return eta;
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] start, int maxIterations, IterationListener listener) {
        checkIterations(maxIterations);
        double[] p = start.clone();
        double[] g = new double[p.length];
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
                p[i] -= eta * g[i]; // p ← p − η·∂E/∂p
            }
        }
        return new OptimizationResult(p, value, k, k + 1, k + 1, false);
    }
}
