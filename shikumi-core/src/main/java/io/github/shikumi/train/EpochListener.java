package io.github.shikumi.train;

/** Told of the progress of an {@link SgdTraining}: for progress bars, per-epoch tables and cancelling. */
public interface EpochListener {
    /**
     * After each step.
     *
     * @param batch   steps done in this epoch, 1 … batches
     * @param loss    mean e per image so far in this epoch
     * @return false to cancel the run
     */
    boolean onBatch(int epoch, int epochs, int batch, int batches, double loss);

    /** After each epoch, with its evaluation. */
    default void onEpoch(EpochResult result) {
    }

    EpochListener NONE = (e, n, b, m, l) -> true;
}
