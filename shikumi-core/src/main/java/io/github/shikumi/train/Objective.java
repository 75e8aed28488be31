package io.github.shikumi.train;

/** A function to minimise over a flat parameter vector, with its gradient. */
public interface Objective {
    /**
     * Number of parameters.
     *
     * @return the length of the parameter vectors this objective takes
     */
    int dimension();

    /**
     * The value at {@code p}.
     *
     * @param p the parameters, length {@link #dimension()}; not changed
     * @return the objective's value there (for a network, E)
     */
    double value(double[] p);

    /**
     * The value at {@code p}; writes the gradient into {@code grad} (length {@link #dimension()}).
     *
     * @param p    the parameters, length {@link #dimension()}; not changed
     * @param grad receives the gradient ∂/∂p of the value at {@code p}, overwritten
     * @return the objective's value at {@code p}
     */
    double valueAndGradient(double[] p, double[] grad);
}
