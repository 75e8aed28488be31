package io.github.shikumi.train;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Provenance;

/**
 * The run loop: trains a network on a dataset with an optimiser, recording E and accuracy at every
 * iteration and telling a listener. Objective, optimiser and run loop are separate roles; this class
 * only connects them. A run whose E or parameters become NaN or infinite stops at that iteration, which
 * {@link History#diverged()} names; its accuracy there is NaN (no prediction is made from NaN outputs).
 */
public final class Training {
    private Training() {
    }

    /**
     * The book's experiment: gradient descent with η on E over all images, {@code iterations} times.
     *
     * @param start      the initial network (it must fit the data)
     * @param data       the training images; E = Σ over them of e = ½Σ(t−z)²
     * @param eta        η of p ← p − η·∂E/∂p
     * @param iterations the number of updates (iteration 0, the start, is recorded too)
     * @param listener   told of every iteration; may cancel the run
     * @return E and accuracy at every iteration, the start and the trained network
     * @throws io.github.shikumi.text.ShikumiException naming {@code eta} when η is not a positive finite number,
     *         {@code model} when {@code start} does not fit {@code data}, or {@code iterations} when it is negative
     */
    public static History gradientDescent(Network start, Dataset data, double eta, int iterations, TrainingListener listener) {
        return run(start, data, new GradientDescent(eta), iterations, listener);
    }

    /**
     * Trains {@code start} on {@code data} with {@code optimizer}, minimising E over all images, and records
     * E and the training accuracy at every iteration.
     *
     * @param start      the initial network (it must fit the data)
     * @param data       the training images
     * @param optimizer  the optimiser (gradient descent, by any update rule)
     * @param iterations the most iterations to run
     * @param listener   told of every iteration; may cancel the run
     * @return E and accuracy at every iteration done, the start and the trained network (with its provenance)
     * @throws io.github.shikumi.text.ShikumiException naming {@code model} when {@code start} does not fit
     *         {@code data}, or {@code iterations} when it is negative
     */
    public static History run(Network start, Dataset data, Optimizer optimizer, int iterations, TrainingListener listener) {
        start.checkFits(data, "model");
        GradientDescent.checkIterations(iterations);
        NetworkObjective objective = new NetworkObjective(start, data);
        double[] e = new double[iterations + 1];
        double[] acc = new double[iterations + 1];
        int[] done = {0};
        IterationListener recorder = (k, p, value) -> {
            double a = Divergence.at(value, p) ? Double.NaN : objective.accuracy(p); // no argmax of NaN outputs
            e[k] = value;
            acc[k] = a;
            done[0] = k;
            return listener.onIteration(k, iterations, value, a, p);
        };
        OptimizationResult r = optimizer.minimize(objective, start.params(), iterations, recorder);
        Network trained = start.withParams(r.params()).withProvenance(
                Provenance.trained(start, data, optimizer.name(), optimizer.settings(), "iterations", r.iterations()));
        return History.of(start, trained, e, acc, done[0], r);
    }
}
