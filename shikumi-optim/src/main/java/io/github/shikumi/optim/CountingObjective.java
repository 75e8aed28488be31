package io.github.shikumi.optim;

import io.github.shikumi.train.Objective;

/**
 * Wraps an {@link Objective} and counts what is asked of it. For the book's network every call runs a
 * forward pass over all images (it computes E), and {@link #valueAndGradient} also runs the backward
 * pass, so:
 * <ul>
 *   <li>{@link #objectiveEvaluations()}: calls of {@link #value} plus calls of {@link #valueAndGradient}
 *       (forward passes, each giving E);</li>
 *   <li>{@link #gradientEvaluations()}: calls of {@link #valueAndGradient} (backward passes, each giving ∂E).</li>
 * </ul>
 * This is the convention of core's {@code GradientDescent}, which makes one {@code valueAndGradient} call
 * per iteration and reports it as one objective and one gradient evaluation. Not thread-safe, like the
 * objectives it wraps.
 */
public final class CountingObjective implements Objective {
    private final Objective inner;
    private long values;
    private long gradients;

    public CountingObjective(Objective inner) {
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
    public double valueAndGradient(double[] p, double[] grad) {
        gradients++;
        return inner.valueAndGradient(p, grad);
    }

    /** Evaluations of E: {@code value} calls plus {@code valueAndGradient} calls. */
    public long objectiveEvaluations() {
        return values + gradients;
    }

    /** Evaluations of ∂E: {@code valueAndGradient} calls. */
    public long gradientEvaluations() {
        return gradients;
    }

    /** Calls of {@link #value} alone (E without the gradient). */
    public long valueOnlyEvaluations() {
        return values;
    }
}
