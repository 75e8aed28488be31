package io.github.shikumi.train;

/**
 * Minimises an {@link Objective} from a start point. Life cycle: {@link #minimize} may be called any
 * number of times; each call is independent, does not change {@code start}, reports iteration 0 (the
 * start) and then every iteration to the listener, and stops after {@code maxIterations} iterations,
 * when the listener returns false, when the method itself has converged, or at the first iteration whose E
 * or parameters are NaN or infinite, reported as {@link OptimizationResult#diverged()}.
 */
public interface Optimizer {
    /** Short name used on the command line: "gd", "momentum", … */
    String name();

    /** Its settings as they go into a model's provenance (e.g. {@code "eta"}, {@code "momentum"}), in order. */
    default java.util.Map<String, Object> settings() {
        return java.util.Map.of();
    }

    OptimizationResult minimize(Objective objective, double[] start, int maxIterations, IterationListener listener);
}
