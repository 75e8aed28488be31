package io.github.shikumi.optim;

/** Why a library optimiser stopped. */
public enum StopReason {
    /** The library's convergence checker said the method had converged. */
    CONVERGED,
    /** The iteration budget given to {@code minimize} was used up. */
    MAX_ITERATIONS,
    /** The iteration listener returned false. */
    CANCELLED,
    /** E or a parameter became NaN or infinite (core's {@code Divergence}). */
    DIVERGED,
    /** The library gave up with an error of its own (e.g. a line search that found no bracket). */
    LIBRARY_STOPPED
}
