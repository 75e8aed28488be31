package io.github.shikumi.optim;

/** Why a library optimiser stopped. */
public enum StopReason {
    /** The library's convergence checker said the method had converged. */
    CONVERGED,
    /** The iteration budget given to {@code minimize} was used up. */
    MAX_ITERATIONS,
    /** The iteration listener returned false. */
    CANCELLED,
    /** The library gave up with an error of its own (e.g. a line search that found no bracket). */
    LIBRARY_STOPPED
}
