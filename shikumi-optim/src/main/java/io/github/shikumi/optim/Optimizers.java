package io.github.shikumi.optim;

import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.Momentum;
import io.github.shikumi.train.Optimizer;
import java.util.ArrayList;
import java.util.List;

/** The optimisers by their command-line names, with the settings {@code shikumi compare} uses. */
public final class Optimizers {
    /** Every name, in the order of {@code shikumi compare}'s table. */
    public static final List<String> NAMES = List.of("gd", "momentum", "cg", "derivative-free", "solver");
    /** The ones {@code shikumi compare} and the web's Compare run when none are named (Solver is slow: asked for by name). */
    public static final List<String> DEFAULT = List.of("gd", "momentum", "cg", "derivative-free");
    /** μ of gradient descent with momentum. */
    public static final double MOMENTUM = 0.9;

    private Optimizers() {
    }

    /**
     * The optimiser called {@code name}: "gd" (the book's gradient descent with η), "momentum" (with η and
     * μ = {@value #MOMENTUM}), "cg" (Hipparchus conjugate gradient), "derivative-free" (Hipparchus Nelder–Mead),
     * "solver" (conjugate gradient fed forward-difference gradients, like Excel's Solver: no backpropagation).
     *
     * @throws IllegalArgumentException for another name (callers validate names against {@link #NAMES})
     */
    public static Optimizer byName(String name, double eta) {
        switch (name) {
            case "gd":
                return new GradientDescent(eta);
            case "momentum":
                return new Momentum(eta, MOMENTUM);
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
