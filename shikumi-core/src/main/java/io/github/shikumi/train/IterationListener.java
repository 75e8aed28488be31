package io.github.shikumi.train;

/** Called by an {@link Optimizer} once per iteration, starting with iteration 0 (the start point). */
@FunctionalInterface
public interface IterationListener {
    /**
     * @param iteration 0 for the start, then 1, 2, …
     * @param params    the parameters of this iteration (read only; valid during the call)
     * @param value     the objective at {@code params}
     * @return false to stop the optimiser (cancel)
     */
    boolean iteration(int iteration, double[] params, double value);

    /** A listener that does nothing and never stops the optimiser. */
    IterationListener NONE = (k, p, v) -> true;
}
