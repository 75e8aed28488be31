package io.github.shikumi.optim;

import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.Optimizer;
import io.github.shikumi.update.UpdateRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The optimisers by their command-line names, with the settings {@code shikumi compare} uses. */
public final class Optimizers {
    /** The library-backed methods, after the update rules. */
    private static final List<String> LIBRARY = List.of("cg", "derivative-free", "solver");
    /**
     * Every name, in the order of {@code shikumi compare}'s table: the update rules of full-batch descent
     * ({@link UpdateRules#names()}: gd, momentum, adam), then the library's methods.
     */
    public static final List<String> NAMES = names();
    /** The ones {@code shikumi compare} and the web's Compare run when none are named (Solver is slow: asked for by name). */
    public static final List<String> DEFAULT = List.of("gd", "momentum", "cg", "derivative-free");
    /** μ of gradient descent with momentum. */
    public static final double MOMENTUM = 0.9;

    private Optimizers() {
    }

    private static List<String> names() {
        List<String> n = new ArrayList<>(UpdateRules.names());
        n.addAll(LIBRARY);
        return List.copyOf(n);
    }

    /**
     * The optimiser called {@code name}: an update rule of full-batch descent with η and its default settings
     * ("gd", the book's gradient descent; "momentum", μ = {@value #MOMENTUM}; "adam", PyTorch's β1, β2, ε), "cg"
     * (Hipparchus conjugate gradient), "derivative-free" (Hipparchus Nelder–Mead), "solver" (conjugate gradient
     * fed forward-difference gradients, like Excel's Solver: no backpropagation).
     *
     * @throws IllegalArgumentException for another name (callers validate names against {@link #NAMES})
     */
    public static Optimizer byName(String name, double eta) {
        if (UpdateRules.names().contains(name)) {
            return new GradientDescent(UpdateRules.create(name, eta, Map.of()));
        }
        switch (name) {
            case "cg":
                return new ConjugateGradient();
            case "derivative-free":
                return new NelderMead();
            case "solver":
                return new Solver();
            default:
                throw new IllegalArgumentException("unknown optimizer " + name + ", expected one of " + NAMES);
        }
    }

    public static List<Optimizer> byNames(List<String> names, double eta) {
        List<Optimizer> out = new ArrayList<>();
        for (String n : names) {
            out.add(byName(n, eta));
        }
        return out;
    }
}
