package io.github.shikumi.train;

/**
 * What an optimiser found: the parameters, their objective value, the iterations done, how often it
 * evaluated the objective and the gradient, whether the listener stopped it, and the iteration at which the
 * run diverged (E or a parameter NaN or infinite, {@link Divergence}), or {@link Divergence#NONE}.
 */
public record OptimizationResult(double[] params, double value, int iterations, long valueEvaluations,
                                 long gradientEvaluations, boolean cancelled, int diverged) {
    /** A run that did not diverge. */
    public OptimizationResult(double[] params, double value, int iterations, long valueEvaluations,
                              long gradientEvaluations, boolean cancelled) {
        this(params, value, iterations, valueEvaluations, gradientEvaluations, cancelled, Divergence.NONE);
    }

    /** True when the run stopped because E or a parameter became NaN or infinite. */
    public boolean hasDiverged() {
        return diverged != Divergence.NONE;
    }
}
