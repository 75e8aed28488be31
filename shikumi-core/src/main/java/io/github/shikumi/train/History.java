package io.github.shikumi.train;

import io.github.shikumi.model.Network;
import java.util.Arrays;

/**
 * A finished (or cancelled) training run: E and training accuracy at every iteration 0 … {@link #iterations()},
 * the network before and after, and the optimiser's evaluation counts.
 */
public final class History {
    private final Network initial;
    private final Network trained;
    private final double[] e;
    private final double[] accuracy;
    private final OptimizationResult result;

    History(Network initial, Network trained, double[] e, double[] accuracy, OptimizationResult result) {
        this.initial = initial;
        this.trained = trained;
        this.e = e;
        this.accuracy = accuracy;
        this.result = result;
    }

    /**
     * The network before training.
     *
     * @return the initial network
     */
    public Network initial() {
        return initial;
    }

    /**
     * The network after the last iteration.
     *
     * @return the trained network
     */
    public Network trained() {
        return trained;
    }

    /**
     * Iterations done (the last recorded iteration's number).
     *
     * @return the iterations
     */
    public int iterations() {
        return e.length - 1;
    }

    /**
     * E at iteration k.
     *
     * @param k the iteration, 0 … {@link #iterations()}
     * @return E
     */
    public double e(int k) {
        return e[k];
    }

    /**
     * Training accuracy at iteration k, 0…1.
     *
     * @param k the iteration, 0 … {@link #iterations()}
     * @return the accuracy
     */
    public double accuracy(int k) {
        return accuracy[k];
    }

    /**
     * E at every iteration.
     *
     * @return a copy, one value per iteration 0 … {@link #iterations()}
     */
    public double[] eCurve() {
        return e.clone();
    }

    /**
     * Training accuracy at every iteration.
     *
     * @return a copy, one value per iteration
     */
    public double[] accuracyCurve() {
        return accuracy.clone();
    }

    /**
     * Whether a listener stopped the run.
     *
     * @return true when cancelled
     */
    public boolean cancelled() {
        return result.cancelled();
    }

    /**
     * The iteration at which E or a parameter became NaN or infinite (the run's last: E there is NaN or
     * infinite and the accuracy NaN), or {@link Divergence#NONE} (−1) when the run did not diverge.
     *
     * @return the iteration, or −1
     */
    public int diverged() {
        return result.diverged();
    }

    /**
     * Whether E or a parameter became NaN or infinite.
     *
     * @return true when the run diverged
     */
    public boolean hasDiverged() {
        return result.hasDiverged();
    }

    /**
     * The optimiser's result: the last parameters and the evaluation counts.
     *
     * @return the result
     */
    public OptimizationResult result() {
        return result;
    }

    /**
     * The first iteration at which training accuracy was 100 %.
     *
     * @return the iteration, or −1
     */
    public int firstPerfectIteration() {
        for (int k = 0; k < accuracy.length; k++) {
            if (accuracy[k] == 1.0) {
                return k;
            }
        }
        return -1;
    }

    static History of(Network initial, Network trained, double[] e, double[] acc, int done, OptimizationResult r) {
        return new History(initial, trained, Arrays.copyOf(e, done + 1), Arrays.copyOf(acc, done + 1), r);
    }
}
