package io.github.shikumi.train;

/** A function to minimise over a flat parameter vector, with its gradient. */
public interface Objective {
    /** Number of parameters. */
    int dimension();

    /** The value at {@code p}. */
    double value(double[] p);

    /** The value at {@code p}; writes the gradient into {@code grad} (length {@link #dimension()}). */
    double valueAndGradient(double[] p, double[] grad);
}
