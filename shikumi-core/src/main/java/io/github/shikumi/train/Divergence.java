package io.github.shikumi.train;

/**
 * When a run has diverged: E or a parameter is NaN or infinite (η too large: p ← p − η·∂E/∂p overflows, and
 * ∞ − ∞ gives NaN). Nothing computed from such a point (a prediction, an accuracy, a model file) means
 * anything, so the optimisers stop at the first such iteration and say which one it was.
 */
public final class Divergence {
    /** The iteration number of a run that did not diverge. */
    public static final int NONE = -1;

    private Divergence() {
    }

    /**
     * True when {@code value} or any of {@code params} is NaN or infinite.
     *
     * @param value  the objective's value, E
     * @param params the parameters
     * @return whether the point has diverged
     */
    public static boolean at(double value, double[] params) {
        if (!Double.isFinite(value)) {
            return true;
        }
        for (double p : params) {
            if (!Double.isFinite(p)) {
                return true;
            }
        }
        return false;
    }
}
