package io.github.shikumi.train;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.update.PlainUpdate;
import io.github.shikumi.update.UpdateRule;
import io.github.shikumi.update.UpdateState;

/**
 * The book's method: {@code p ← p − η·∂E/∂p}, every parameter at once, {@code maxIterations} times; or, with
 * another {@link UpdateRule}, its step in place of that one (momentum, Adam: the one loop for all of them).
 * Each iteration k evaluates E and ∂E at p_k (reported as iteration k), then steps; the last iteration
 * is evaluated but not stepped from, so N iterations make N+1 evaluations and N updates. A run stops at the
 * first iteration whose E or parameters are NaN or infinite ({@link OptimizationResult#diverged()}).
 */
public final class GradientDescent implements Optimizer {
    /** The book's learning rate. */
    public static final double BOOK_ETA = 0.05;
    /** The book's iteration count. */
    public static final int BOOK_ITERATIONS = 500;

    private final UpdateRule rule;

    /**
     * The book's rule p ← p − η·∂E/∂p.
     *
     * @param eta η
     */
    public GradientDescent(double eta) {
        this(new PlainUpdate(eta));
    }

    /**
     * Full-batch descent by another rule.
     *
     * @param rule the update rule (its state starts at 0 in every {@link #minimize})
     */
    public GradientDescent(UpdateRule rule) {
        this.rule = rule;
    }

    @Override
    public java.util.Map<String, Object> settings() {
        return rule.settings();
    }

    /**
     * The rule each iteration steps by.
     *
     * @return the update rule
     */
    public UpdateRule rule() {
        return rule;
    }

    static void checkIterations(int iterations) {
        if (iterations < 0) {
            throw new ShikumiException("iterations", Msg.ITERATIONS_INVALID, iterations);
        }
    }

    /**
     * η of the rule.
     *
     * @return the learning rate η of {@code p ← p − η·∂E/∂p} (or of the other rule's step)
     */
    public double eta() {
        return rule.eta();
    }

    @Override
    public String name() {
        return rule.name();
    }

    @Override
    public OptimizationResult minimize(Objective f, double[] start, int maxIterations, IterationListener listener) {
        return minimize(f, start, maxIterations, listener, UpdateState.fresh(rule, start.length));
    }

    /**
     * Goes on from a state of the rule (a run continued, or recomputed from a checkpoint): the same steps, bit
     * for bit, as one run without the break. {@code state} is advanced in place, one step per update.
     *
     * @param f             the objective
     * @param start         the parameters to go on from (not changed)
     * @param maxIterations updates to make at most
     * @param listener      told of every iteration, 0 being {@code start}
     * @param state         the rule's state at {@code start}
     * @return the result
     */
    public OptimizationResult minimize(Objective f, double[] start, int maxIterations, IterationListener listener,
                                       UpdateState state) {
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
            state.step(rule, p, g, 1); // p ← p − η·∂E/∂p (the book's; or the rule's step)
        }
        return new OptimizationResult(p, value, k, k + 1, k + 1, false);
    }
}
