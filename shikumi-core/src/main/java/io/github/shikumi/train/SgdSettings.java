package io.github.shikumi.train;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.update.MomentumUpdate;
import io.github.shikumi.update.UpdateRule;

/**
 * Settings of mini-batch stochastic gradient descent ({@link SgdTraining}), by default with momentum.
 *
 * @param batch      images per step (the last step of an epoch may have fewer)
 * @param epochs     passes over the training images, each in a new order drawn from {@code seed}
 * @param rule       the update rule of each step ({@link MomentumUpdate}: {@code v ← μ·v − η·g, p ← p + v}),
 *                   with g = ∂E/∂p over the batch divided by the batch's size (the mean, so that η does not
 *                   depend on the batch size)
 * @param seed       the shuffling's seed
 * @param validation share of the training images held out (chosen with {@code seed}) to measure the loss on
 *                   after each epoch; 0 for none
 * @param patience   with a validation share: stop after this many epochs without a lower validation loss, and
 *                   keep the parameters of the best epoch (0: never stop early)
 * @param threads    threads each batch is split over (float path)
 * @param precision  {@code DOUBLE} (the reference path) or {@code FLOAT} (the fast path)
 */
public record SgdSettings(int batch, int epochs, UpdateRule rule, long seed, double validation,
                          int patience, int threads, Precision precision) {
    /** The number type of the computation. */
    public enum Precision {
        /** The reference path: every number a double, the same bits on every machine. */
        DOUBLE,
        /** The fast path: floats, the batch split over threads, the Vector API's kernels where available. */
        FLOAT
    }

    /**
     * Checks the settings.
     *
     * @param batch      images per step (the last step of an epoch may have fewer)
     * @param epochs     passes over the training images
     * @param rule       the update rule of each step
     * @param seed       the shuffling's seed
     * @param validation share of the training images held out; 0 for none
     * @param patience   epochs without a lower validation loss before stopping (0: never)
     * @param threads    threads each batch is split over (float path)
     * @param precision  {@code DOUBLE} or {@code FLOAT}
     * @throws ShikumiException naming {@code batch} when it is below 1, {@code epochs} when below 1,
     *                          {@code validation} when not from 0 to below 1, {@code patience} when negative,
     *                          {@code threads} when below 1
     * @throws NullPointerException when {@code rule} is null
     */
    public SgdSettings {
        if (batch < 1) {
            throw new ShikumiException("batch", Msg.BATCH_INVALID, batch);
        }
        if (epochs < 1) {
            throw new ShikumiException("epochs", Msg.EPOCHS_INVALID, epochs);
        }
        java.util.Objects.requireNonNull(rule, "rule");
        if (!(validation >= 0 && validation < 1)) {
            throw new ShikumiException("validation", Msg.VALIDATION_INVALID, String.valueOf(validation));
        }
        if (patience < 0) {
            throw new ShikumiException("patience", Msg.PATIENCE_INVALID, patience);
        }
        if (threads < 1) {
            throw new ShikumiException("threads", Msg.THREADS_INVALID, threads);
        }
    }

    /**
     * Settings with momentum: {@code v ← μ·v − η·g, p ← p + v}.
     *
     * @param batch      images per step
     * @param epochs     passes over the training images
     * @param eta        η
     * @param momentum   μ, from 0 (plain gradient descent) to below 1
     * @param seed       the shuffling's seed
     * @param validation share of the training images held out
     * @param patience   epochs without a lower validation loss before stopping (0: never)
     * @param threads    threads each batch is split over (float path)
     * @param precision  double or float
     */
    public SgdSettings(int batch, int epochs, double eta, double momentum, long seed, double validation,
                       int patience, int threads, Precision precision) {
        this(batch, epochs, new MomentumUpdate(eta, momentum), seed, validation, patience, threads, precision);
    }

    /**
     * η of the rule.
     *
     * @return the learning rate
     */
    public double eta() {
        return rule.eta();
    }

    /**
     * Batch 100, 5 epochs, η = 0.1, μ = 0.9, seed 1, no validation, one thread per core, float.
     *
     * @return the default settings
     */
    public static SgdSettings defaults() {
        return new SgdSettings(100, 5, 0.1, 0.9, 1, 0, 0, Runtime.getRuntime().availableProcessors(), Precision.FLOAT);
    }
}
