package io.github.shikumi.train;

/**
 * What an optimiser found: the parameters, their objective value, the iterations done, how often it
 * evaluated the objective and the gradient, whether the listener stopped it, and the iteration at which the
 * run diverged (E or a parameter NaN or infinite, {@link Divergence}), or {@link Divergence#NONE}.
 *
 * @param params              the parameters reached
 * @param value               the objective's value at {@code params} (for a network, E)
 * @param iterations          the iterations done
 * @param valueEvaluations    how often the objective's value was evaluated
 * @param gradientEvaluations how often its gradient was evaluated
 * @param cancelled           true when the listener stopped the run
 * @param diverged            the iteration at which the run diverged, or {@link Divergence#NONE}
 */
public record OptimizationResult(double[] params, double value, int iterations, long valueEvaluations,
                                 long gradientEvaluations, boolean cancelled, int diverged) {
    /**
     * A run that did not diverge.
     *
     * @param params              the parameters reached
     * @param value               the objective's value at {@code params}
     * @param iterations          the iterations done
     * @param valueEvaluations    how often the objective's value was evaluated
     * @param gradientEvaluations how often its gradient was evaluated
     * @param cancelled           true when the listener stopped the run
     */
    public OptimizationResult(double[] params, double value, int iterations, long valueEvaluations,
                              long gradientEvaluations, boolean cancelled) {
        this(params, value, iterations, valueEvaluations, gradientEvaluations, cancelled, Divergence.NONE);
    }

    /**
     * True when the run stopped because E or a parameter became NaN or infinite.
     *
     * @return whether {@link #diverged()} is an iteration number rather than {@link Divergence#NONE}
     */
    public boolean hasDiverged() {
        return diverged != Divergence.NONE;
    }
}
