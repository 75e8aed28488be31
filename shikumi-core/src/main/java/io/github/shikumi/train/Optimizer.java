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

    OptimizationResult minimize(Objective objective, double[] start, int maxIterations, IterationListener listener);
}
