package io.github.shikumi.train;

/** Told of the progress of an {@link SgdTraining}: for progress bars, per-epoch tables and cancelling. */
public interface EpochListener {
    /**
     * After each step.
     *
     * @param epoch   the epoch under way, from 1
     * @param epochs  the number of epochs the run may take
     * @param batch   steps done in this epoch, 1 … batches
     * @param batches the number of steps (mini-batches) in one epoch
     * @param loss    mean e per image so far in this epoch
     * @return false to cancel the run
     */
    boolean onBatch(int epoch, int epochs, int batch, int batches, double loss);

    /**
     * After each epoch, with its evaluation.
     *
     * @param result the epoch's number, losses and accuracies
     */
    default void onEpoch(EpochResult result) {
    }

    /** A listener that shows nothing and never cancels. */
    EpochListener NONE = (e, n, b, m, l) -> true;
}
