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
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The Nelder–Mead simplex method, Hipparchus's {@link SimplexOptimizer} with a {@link NelderMeadSimplex}:
 * it uses E only, never the gradient, to show what optimising without backpropagation costs. It keeps
 * n + 1 points (n = number of parameters, 80 points for the book's 79), starting from p_0 and p_0 plus
 * {@code step} along each parameter, and moves the worst point through the centre of the others.
 *
 * <p><b>One iteration</b> is one simplex move: a reflection, perhaps an expansion or a contraction
 * (1 or 2 evaluations of E), or, when none helps, a shrink of all points towards the best (n
 * evaluations). Building the first simplex costs n + 1 evaluations, counted in iteration 1. Iteration
 * k reports the best point of the simplex and its E (k = Hipparchus's iteration count; k = 0 is the start).
 *
 * <p>Stops when Hipparchus's {@link SimpleValueChecker} sees no point of the simplex change its E by more
 * than the tolerances in one iteration.
 */
public final class NelderMead extends LibraryOptimizer {
    /** Default length of the first simplex's edges, in parameter units (initial parameters are in [−1, 1)). */
    public static final double STEP = 0.5;
    /** Default convergence test: relative. */
    public static final double RELATIVE_TOLERANCE = 1e-10;
    /** Default convergence test: absolute. */
    public static final double ABSOLUTE_TOLERANCE = 1e-12;

    private final double step;
    private final double relativeTolerance;
    private final double absoluteTolerance;

    public NelderMead() {
        this(STEP, RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
    }

    public NelderMead(double step, double relativeTolerance, double absoluteTolerance) {
        this.step = step;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
    }

    @Override
    public String name() {
        return "derivative-free";
    }

    @Override
    ConvergenceChecker<PointValuePair> convergence() {
        return new SimpleValueChecker(relativeTolerance, absoluteTolerance);
    }

    @Override
    int iterationOffset() {
        return 0;
    }

    @Override
    MultivariateOptimizer create(IterationMonitor checker) {
        return new SimplexOptimizer(checker);
    }

    @Override
    PointValuePair optimize(MultivariateOptimizer optimizer, Functions f, double[] start) {
        return optimizer.optimize(new ObjectiveFunction(f::value), new NelderMeadSimplex(start.length, step),
                GoalType.MINIMIZE, new InitialGuess(start), MaxEval.unlimited(), MaxIter.unlimited());
    }
}
