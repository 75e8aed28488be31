package io.github.shikumi.optim;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.Divergence;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.Objective;
import io.github.shikumi.train.OptimizationResult;
import io.github.shikumi.train.Optimizer;
import java.util.Arrays;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.MultivariateOptimizer;

/**
 * What the Hipparchus-backed optimisers share: counting every evaluation through a
 * {@link CountingObjective}, reporting iterations through an {@link IterationMonitor}, and turning the
 * library's answer into core's {@link OptimizationResult}. The result is the point last reported to
 * the listener, which is the point the library returns when it stops normally.
 */
abstract class LibraryOptimizer implements Optimizer {

    @Override
    public final OptimizationResult minimize(Objective objective, double[] start, int maxIterations,
                                             IterationListener listener) {
        return run(objective, start, maxIterations, listener).result();
    }

    /** Like {@link #minimize}, with the library's own report beside the result. */
    public final LibraryRun run(Objective objective, double[] start, int maxIterations, IterationListener listener) {
        if (maxIterations < 0) {
            throw new ShikumiException("--iterations", Msg.ITERATIONS_INVALID, maxIterations);
        }
        if (start.length != objective.dimension()) {
            throw new ShikumiException("start", Msg.MISMATCH_PARAMS, objective.dimension(), start.length);
        }
        CountingObjective counted = new CountingObjective(objective);
        IterationMonitor monitor = new IterationMonitor(convergence(), listener, maxIterations, iterationOffset(), start);
        Functions f = new Functions(counted, start, monitor);
        if (maxIterations == 0) {
            monitor.report(0, start, counted.value(start));
            return finish(counted, monitor, 0, 0, null, Double.NaN, null);
        }
        MultivariateOptimizer optimizer = create(monitor);
        monitor.attach(optimizer::getIterations);
        PointValuePair found = null;
        String message = null;
        try {
            found = optimize(optimizer, f, start.clone());
        } catch (MathIllegalStateException e) {
            message = e.getLocalizedMessage();
        }
        if (monitor.lastIteration() < 0) {
            // the library stopped before its first iteration was checked: report the start
            monitor.report(0, start, monitor.hasStartValue() ? monitor.startValue() : counted.value(start));
        }
        return finish(counted, monitor, optimizer.getIterations(), optimizer.getEvaluations(), found,
                found == null ? Double.NaN : found.getValue(), message);
    }

    private static LibraryRun finish(CountingObjective counted, IterationMonitor monitor, int libraryIterations,
                                     int libraryEvaluations, PointValuePair found, double foundValue, String message) {
        StopReason stop = monitor.stop();
        if (message != null) {
            stop = StopReason.LIBRARY_STOPPED;
        } else if (stop == null) {
            stop = StopReason.CONVERGED;
        }
        OptimizationResult result = new OptimizationResult(monitor.lastPoint(), monitor.lastValue(),
                monitor.lastIteration(), counted.objectiveEvaluations(), counted.gradientEvaluations(),
                stop == StopReason.CANCELLED, stop == StopReason.DIVERGED ? monitor.lastIteration() : Divergence.NONE);
        return new LibraryRun(result, stop, libraryIterations, libraryEvaluations,
                found == null ? null : found.getPoint(), foundValue, message);
    }

    /** The library's own convergence criterion. */
    abstract ConvergenceChecker<PointValuePair> convergence();

    /** Library iteration count at a check minus the iteration number k of the point checked. */
    abstract int iterationOffset();

    /** A new library optimiser using {@code checker}. */
    abstract MultivariateOptimizer create(IterationMonitor checker);

    /** Runs the library optimiser from {@code start}. */
    abstract PointValuePair optimize(MultivariateOptimizer optimizer, Functions f, double[] start);

    /** The objective as the functions Hipparchus asks for, every call counted; tells the monitor E at the start. */
    static final class Functions {
        private final CountingObjective objective;
        private final double[] start;
        private final IterationMonitor monitor;

        Functions(CountingObjective objective, double[] start, IterationMonitor monitor) {
            this.objective = objective;
            this.start = start.clone();
            this.monitor = monitor;
        }

        /** E at p (one forward pass). */
        double value(double[] p) {
            return remember(p, objective.value(p));
        }

        /** ∂E at p (one forward and one backward pass; E comes with it). */
        double[] gradient(double[] p) {
            double[] g = new double[p.length];
            remember(p, objective.valueAndGradient(p, g));
            return g;
        }

        /**
         * ∂E at p estimated from values of E only, as Excel's Solver does: E(p), then for each parameter
         * (E(p + h_i·e_i) − E(p)) / h_i with h_i = step·max(1, |p_i|) (h_i as actually represented). Costs
         * n + 1 evaluations of E, all counted; the backward pass is never run.
         */
        double[] forwardDifferenceGradient(double[] p, double step) {
            double e0 = value(p);
            double[] g = new double[p.length];
            double[] q = p.clone();
            for (int i = 0; i < p.length; i++) {
                q[i] = p[i] + step * Math.max(1.0, Math.abs(p[i]));
                double h = q[i] - p[i]; // the step the double can hold
                g[i] = (objective.value(q) - e0) / h; // ∂E/∂p_i ≈ (E(p + h·e_i) − E(p)) / h
                q[i] = p[i];
            }
            return g;
        }

        private double remember(double[] p, double value) {
            if (!monitor.hasStartValue() && Arrays.equals(p, start)) {
                monitor.startValue(value);
            }
            return value;
        }
    }
}
