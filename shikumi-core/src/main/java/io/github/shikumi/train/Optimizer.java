package io.github.shikumi.train;

/**
 * Minimises an {@link Objective} from a start point. Life cycle: {@link #minimize} may be called any
 * number of times; each call is independent, does not change {@code start}, reports iteration 0 (the
 * start) and then every iteration to the listener, and stops after {@code maxIterations} iterations,
 * when the listener returns false, when the method itself has converged, or at the first iteration whose E
 * or parameters are NaN or infinite, reported as {@link OptimizationResult#diverged()}.
 */
public interface Optimizer {
    /**
     * Short name used on the command line: "gd", "momentum", …
     *
     * @return the optimiser's name, as it goes into a model's provenance under {@code "optimizer"}
     */
    String name();

    /**
     * Its settings as they go into a model's provenance (e.g. {@code "eta"}, {@code "momentum"}), in order.
     *
     * @return the settings by name; empty by default
     */
    default java.util.Map<String, Object> settings() {
        return java.util.Map.of();
    }

    /**
     * Minimises {@code objective} from {@code start} (see the interface comment for when it stops).
     *
     * @param objective     the function to minimise, with its gradient
     * @param start         the start point, length {@code objective.dimension()}; not changed
     * @param maxIterations the most iterations to run
     * @param listener      told of iteration 0 and then every iteration; returns false to stop the run
     * @return the parameters reached, their value, the counts, and whether the run was cancelled or diverged
     */
    OptimizationResult minimize(Objective objective, double[] start, int maxIterations, IterationListener listener);
}
