package io.github.shikumi.optim;

import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.MultivariateOptimizer;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Excel's Solver as the book uses it: a gradient method with line searches that does <em>not</em> know
 * backpropagation. Like Solver's GRG nonlinear engine it estimates the gradient by forward differences,
 * ∂E/∂p_i ≈ (E(p + h_i·e_i) − E(p)) / h_i, one more evaluation of E per parameter (79 for the book's
 * network, plus E(p) itself: 80 per gradient), and feeds it to Hipparchus's
 * {@link NonLinearConjugateGradientOptimizer} (Polak–Ribière), whose line searches cost further
 * evaluations of E. Every E is counted as an objective evaluation; no ∂E is ever asked for, so its
 * gradient count is 0.
 *
 * <p><b>One iteration</b> is one line search along one conjugate direction, as in {@link ConjugateGradient}
 * (iteration k reports E at p_k; k = library iterations − 1). The step is h_i = {@value #STEP}·max(1, |p_i|),
 * about √ε of a double, Solver's choice for forward differences. Stops like {@link ConjugateGradient}, or
 * when the line search finds no bracket along a direction the rounded gradient no longer points down.
 */
public final class Solver extends LibraryOptimizer {
    /** Relative forward-difference step, about the square root of the double's ε (2⁻⁵²). */
    public static final double STEP = 1.5e-8;

    private final double step;

    public Solver() {
        this(STEP);
    }

    public Solver(double step) {
        if (!(step > 0)) {
            throw new IllegalArgumentException("step must be > 0, was " + step);
        }
        this.step = step;
    }

    @Override
    public String name() {
        return "solver";
    }

    @Override
    ConvergenceChecker<PointValuePair> convergence() {
        return new SimpleValueChecker(ConjugateGradient.RELATIVE_TOLERANCE, ConjugateGradient.ABSOLUTE_TOLERANCE);
    }

    @Override
    int iterationOffset() {
        return 1;
    }

    @Override
    MultivariateOptimizer create(IterationMonitor checker) {
        return new NonLinearConjugateGradientOptimizer(NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                checker, ConjugateGradient.LINE_TOLERANCE, ConjugateGradient.LINE_TOLERANCE, ConjugateGradient.INITIAL_BRACKET);
    }

    @Override
    PointValuePair optimize(MultivariateOptimizer optimizer, Functions f, double[] start) {
        return optimizer.optimize(new ObjectiveFunction(f::value),
                new ObjectiveFunctionGradient(p -> f.forwardDifferenceGradient(p, step)),
                GoalType.MINIMIZE, new InitialGuess(start), MaxEval.unlimited(), MaxIter.unlimited());
    }
}
