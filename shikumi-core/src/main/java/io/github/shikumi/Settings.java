package io.github.shikumi;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.model.Activation;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.update.UpdateRule;
import io.github.shikumi.update.UpdateRules;
import java.util.Map;

/**
 * How {@link Shikumi#train(io.github.shikumi.data.Dataset, Settings)} trains: the seed of the initial
 * parameters, the hidden layers, η and the number of iterations of gradient descent. Immutable; each
 * {@code with…} method checks its value at once and returns new settings. Start from {@link #book()}.
 */
public final class Settings {
    private final long seed;
    private final int[] hidden;
    private final double eta;
    private final int iterations;
    private final Activation activation;
    private final String optimizer;

    private Settings(long seed, int[] hidden, double eta, int iterations, Activation activation, String optimizer) {
        this.seed = seed;
        this.hidden = hidden;
        this.eta = eta;
        this.iterations = iterations;
        this.activation = activation;
        this.optimizer = optimizer;
    }

    /**
     * The book's settings: seed 1, one hidden layer of 3 units, η = 0.05, 500 iterations.
     *
     * @return the book's settings
     */
    public static Settings book() {
        return new Settings(1, new int[] {3}, GradientDescent.BOOK_ETA, GradientDescent.BOOK_ITERATIONS,
                Activation.SIGMOID, "gd");
    }

    /**
     * Another seed for the initial parameters (each drawn from U[−0.5, 0.5) by {@code SplittableRandom(seed)}).
     *
     * @param newSeed any seed
     * @return new settings
     */
    public Settings withSeed(long newSeed) {
        return new Settings(newSeed, hidden, eta, iterations, activation, optimizer);
    }

    /**
     * Other hidden layers.
     *
     * @param units the units of each hidden layer, from the input side; at least one layer
     * @return new settings
     * @throws ShikumiException for {@code "hidden"} when there is no layer or a layer has fewer than 1 unit
     */
    public Settings withHidden(int... units) {
        if (units.length == 0) {
            throw new ShikumiException("hidden", Msg.HIDDEN_INVALID, 0);
        }
        for (int h : units) {
            if (h < 1) {
                throw new ShikumiException("hidden", Msg.HIDDEN_INVALID, h);
            }
        }
        return new Settings(seed, units.clone(), eta, iterations, activation, optimizer);
    }

    /**
     * Another learning rate.
     *
     * @param newEta η, a positive finite number
     * @return new settings
     * @throws ShikumiException for {@code "eta"} otherwise
     */
    public Settings withEta(double newEta) {
        new GradientDescent(newEta); // checks η
        return new Settings(seed, hidden, newEta, iterations, activation, optimizer);
    }

    /**
     * Another number of iterations.
     *
     * @param newIterations 0 or more (0 trains nothing: the model is the initial one)
     * @return new settings
     * @throws ShikumiException for {@code "iterations"} when negative
     */
    public Settings withIterations(int newIterations) {
        if (newIterations < 0) {
            throw new ShikumiException("iterations", Msg.ITERATIONS_INVALID, newIterations);
        }
        return new Settings(seed, hidden, eta, newIterations, activation, optimizer);
    }

    /**
     * The seed.
     *
     * @return the seed of the initial parameters
     */
    public long seed() {
        return seed;
    }

    /**
     * The hidden layers.
     *
     * @return a copy of the units per hidden layer
     */
    public int[] hidden() {
        return hidden.clone();
    }

    /**
     * The learning rate.
     *
     * @return η
     */
    public double eta() {
        return eta;
    }

    /**
     * The number of iterations.
     *
     * @return the iterations of gradient descent
     */
    public int iterations() {
        return iterations;
    }

    /**
     * Another activation of every hidden layer (the book's is σ).
     *
     * @param newActivation sigmoid, tanh, ReLU or identity
     * @return the new settings
     */
    public Settings withActivation(Activation newActivation) {
        return new Settings(seed, hidden, eta, iterations, java.util.Objects.requireNonNull(newActivation), optimizer);
    }

    /**
     * Another update rule of each iteration, with its default settings besides η (the book's is "gd",
     * p ← p − η·∂E/∂p; also "momentum", "adam": {@link UpdateRules#names()}).
     *
     * @param name the rule's name
     * @return the new settings
     * @throws ShikumiException for {@code "optimizer"} when there is no such rule
     */
    public Settings withOptimizer(String name) {
        UpdateRules.settings(name); // checks the name
        return new Settings(seed, hidden, eta, iterations, activation, name);
    }

    /**
     * The activation of every hidden layer.
     *
     * @return the activation
     */
    public Activation activation() {
        return activation;
    }

    /**
     * The update rule's name.
     *
     * @return "gd", "momentum" or "adam"
     */
    public String optimizer() {
        return optimizer;
    }

    /**
     * The update rule these settings make: the optimizer with η and its default settings.
     *
     * @return the rule
     */
    public UpdateRule rule() {
        return UpdateRules.create(optimizer, eta, Map.of());
    }
}
