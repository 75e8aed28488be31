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
 * Non-linear conjugate gradient (Polak–Ribière, restarted along −∂E every n iterations or when β &lt; 0),
 * Hipparchus's {@link NonLinearConjugateGradientOptimizer}: a general-purpose optimiser that, given E and
 * the backprop gradient ∂E, chooses its own step length by a line search. It stands in for the book's
 * Excel Solver ("GRG nonlinear", also a gradient method with line searches; GRG's default direction is
 * quasi-Newton, with conjugate gradient as its option).
 *
 * <p><b>One iteration</b> is one line search along one conjugate direction d: E at p_k, the line search
 * min_α E(p_k + α·d) (Hipparchus's bracketing then Brent search, E evaluations only), then ∂E at the new
 * point for the next direction. So an iteration costs one gradient evaluation and a few to a few dozen
 * evaluations of E; iteration k reports E at p_k. Hipparchus counts its iterations from 1 with p_0, so
 * k = library iterations − 1.
 *
 * <p>Stops when Hipparchus's {@link SimpleValueChecker} sees E change by at most
 * {@code relativeTolerance·|E|} or {@code absoluteTolerance} from one iteration to the next.
 */
public final class ConjugateGradient extends LibraryOptimizer {
    /** Default convergence test on E between iterations: relative. */
    public static final double RELATIVE_TOLERANCE = 1e-10;
    /** Default convergence test on E between iterations: absolute. */
    public static final double ABSOLUTE_TOLERANCE = 1e-12;
    /** Default tolerance of the line search (relative and absolute, on E along the line). */
    public static final double LINE_TOLERANCE = 1e-8;
    /** Default first step of the line search's bracketing, in units of the direction d. */
    public static final double INITIAL_BRACKET = 1e-3;

    private final double relativeTolerance;
    private final double absoluteTolerance;
    private final double lineTolerance;
    private final double initialBracket;

    public ConjugateGradient() {
        this(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE, LINE_TOLERANCE, INITIAL_BRACKET);
    }

    public ConjugateGradient(double relativeTolerance, double absoluteTolerance, double lineTolerance,
                             double initialBracket) {
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
        this.lineTolerance = lineTolerance;
        this.initialBracket = initialBracket;
    }

    @Override
    public String name() {
        return "cg";
    }

    @Override
    ConvergenceChecker<PointValuePair> convergence() {
        return new SimpleValueChecker(relativeTolerance, absoluteTolerance);
    }

    /** The library's criterion, for checking a run against it. */
    public SimpleValueChecker convergenceChecker() {
        return new SimpleValueChecker(relativeTolerance, absoluteTolerance);
    }

    @Override
    int iterationOffset() {
        return 1;
    }

    @Override
    MultivariateOptimizer create(IterationMonitor checker) {
        return new NonLinearConjugateGradientOptimizer(NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                checker, lineTolerance, lineTolerance, initialBracket);
    }

    @Override
    PointValuePair optimize(MultivariateOptimizer optimizer, Functions f, double[] start) {
        return optimizer.optimize(new ObjectiveFunction(f::value), new ObjectiveFunctionGradient(f::gradient),
                GoalType.MINIMIZE, new InitialGuess(start), MaxEval.unlimited(), MaxIter.unlimited());
    }
}
