package io.github.shikumi.train;

/**
 * One epoch of {@link SgdTraining}.
 *
 * @param epoch              1, 2, …
 * @param seconds            the training steps of this epoch alone (evaluations not included)
 * @param loss               mean e per training image over the epoch's steps (each at the parameters before its
 *                           step, as the steps went)
 * @param trainAccuracy      share of training images classified correctly over the epoch's steps, likewise
 * @param validationLoss     mean e per held-out image after the epoch, NaN without a validation share
 * @param validationAccuracy likewise, the share classified correctly
 * @param testLoss           mean e per test image after the epoch, NaN without a test set
 * @param testAccuracy       likewise, the share classified correctly
 */
public record EpochResult(int epoch, double seconds, double loss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double testLoss, double testAccuracy) {
}
