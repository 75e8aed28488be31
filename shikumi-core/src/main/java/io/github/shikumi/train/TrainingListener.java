package io.github.shikumi.train;

/** Told of every iteration of a {@link Training}: for progress bars, live charts and cancelling. */
@FunctionalInterface
public interface TrainingListener {
    /**
     * @param iteration 0 (before any update) … total
     * @param total     the iterations asked for
     * @param e         E at this iteration's parameters
     * @param accuracy  training accuracy at this iteration's parameters, 0…1
     * @param params    this iteration's parameters (read only; valid during the call)
     * @return false to cancel the run
     */
    boolean onIteration(int iteration, int total, double e, double accuracy, double[] params);

    /** A listener that shows nothing and never cancels. */
    TrainingListener NONE = (k, n, e, a, p) -> true;
}
