package io.github.shikumi.train;

/**
 * What an optimiser found: the parameters, their objective value, the iterations done, how often it
 * evaluated the objective and the gradient, and whether the listener stopped it.
 */
public record OptimizationResult(double[] params, double value, int iterations, long valueEvaluations,
                                 long gradientEvaluations, boolean cancelled) {
}
