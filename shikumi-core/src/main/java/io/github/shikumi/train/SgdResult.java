package io.github.shikumi.train;

import io.github.shikumi.model.Network;
import java.util.List;

/**
 * A finished mini-batch training run.
 *
 * @param trained     the network after the last epoch, or after the epoch with the lowest validation loss when a
 *                    validation share was held out
 * @param epochs      every epoch done
 * @param bestEpoch   the epoch whose parameters {@code trained} has
 * @param stoppedEarly true when the validation loss stopped falling for {@code patience} epochs
 * @param cancelled   true when the listener cancelled the run
 * @param kernels     the float kernels at the end ("vector" or "plain"), or "double"
 * @param divergedEpoch the epoch in which the loss or the parameters became NaN or infinite (the run stopped
 *                    there, and {@code epochs} ends before it), or −1 ({@link Divergence#NONE})
 * @param divergedBatch the step of that epoch, 1 … batches, or −1
 * @param warmUpSeconds the seconds the run waited, before its first step, for the JIT to compile its code (the
 *                    float path's warm-up, during which it also hashes the training data for the provenance;
 *                    0 for the double path)
 */
public record SgdResult(Network trained, List<EpochResult> epochs, int bestEpoch, boolean stoppedEarly,
                        boolean cancelled, String kernels, int divergedEpoch, int divergedBatch,
                        double warmUpSeconds) {
    /**
     * A run that did not diverge.
     *
     * @param trained      the network after the last epoch, or after the best one
     * @param epochs       every epoch done
     * @param bestEpoch    the epoch whose parameters {@code trained} has
     * @param stoppedEarly true when the validation loss stopped falling for {@code patience} epochs
     * @param cancelled    true when the listener cancelled the run
     * @param kernels      the float kernels at the end ("vector" or "plain"), or "double"
     */
    public SgdResult(Network trained, List<EpochResult> epochs, int bestEpoch, boolean stoppedEarly,
                     boolean cancelled, String kernels) {
        this(trained, epochs, bestEpoch, stoppedEarly, cancelled, kernels, Divergence.NONE, Divergence.NONE, 0);
    }

    /**
     * True when the run stopped because the loss or the parameters became NaN or infinite.
     *
     * @return whether {@link #divergedEpoch()} is an epoch number rather than {@link Divergence#NONE}
     */
    public boolean hasDiverged() {
        return divergedEpoch != Divergence.NONE;
    }
}
