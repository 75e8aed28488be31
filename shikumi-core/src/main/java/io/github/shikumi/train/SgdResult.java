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
 * @param outputs     float runs: the trained network's outputs on the test set, or on the training images when
 *                    there is no test set, as the float kernels computed them (after a whole last epoch, those of
 *                    its test evaluation, so that their accuracy is that epoch's test accuracy), K per image, image
 *                    by image (see {@link io.github.shikumi.check.Confusion#of(io.github.shikumi.data.Dataset,
 *                    float[])}); null for the double path (the trained network's own outputs are its) and when
 *                    the run diverged
 */
public record SgdResult(Network trained, List<EpochResult> epochs, int bestEpoch, boolean stoppedEarly,
                        boolean cancelled, String kernels, int divergedEpoch, int divergedBatch,
                        double warmUpSeconds, float[] outputs) {
    /**
     * The outputs (see the record's description), a copy.
     *
     * @return K outputs per image of the test (else training) set, or null
     */
    @Override
    public float[] outputs() {
        return outputs == null ? null : outputs.clone();
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
