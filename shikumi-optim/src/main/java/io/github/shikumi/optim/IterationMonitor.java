package io.github.shikumi.optim;

import io.github.shikumi.train.Divergence;
import io.github.shikumi.train.IterationListener;
import java.util.function.IntSupplier;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.PointValuePair;

/**
 * The iteration hook for Hipparchus optimisers. Hipparchus calls an optimiser's convergence checker
 * once per iteration (the simplex method: once per vertex, vertex 0, the best, first), with the current
 * point and its value; this checker reports that point to the {@link IterationListener} and then asks
 * the library's own checker. It answers "converged" itself when the listener cancels or the iteration
 * budget is used up, so the library stops normally and returns the point last reported.
 *
 * <p>Iteration numbers: {@code k = library iterations − offset}; k = 0 is the start point, reported
 * (with its value from the first evaluation there) just before iteration 1.
 */
final class IterationMonitor implements ConvergenceChecker<PointValuePair> {
    private final ConvergenceChecker<PointValuePair> library;
    private final IterationListener listener;
    private final int maxIterations;
    private final int offset;
    private final double[] start;
    private final double[] lastPoint;
    private IntSupplier libraryIterations;
    private int lastK = -1;
    private double lastValue = Double.NaN;
    private double startValue = Double.NaN;
    private StopReason stop;

    IterationMonitor(ConvergenceChecker<PointValuePair> library, IterationListener listener, int maxIterations,
                     int offset, double[] start) {
        this.library = library;
        this.listener = listener;
        this.maxIterations = maxIterations;
        this.offset = offset;
        this.start = start.clone();
        this.lastPoint = new double[start.length];
    }

    /** The library optimiser's iteration counter; set once the optimiser (which needs this checker) exists. */
    void attach(IntSupplier iterations) {
        this.libraryIterations = iterations;
    }

    @Override
    public boolean converged(int ignored, PointValuePair previous, PointValuePair current) {
        // The simplex optimiser passes a constant as the iteration number, so the counter is read instead.
        int k = libraryIterations.getAsInt() - offset;
        if (stop == null && k != lastK) {
            report(k, current.getPointRef(), current.getValue());
        }
        if (stop != null) {
            return true;
        }
        return library.converged(k, previous, current);
    }

    /** Reports k = 0 (the start) if it was not yet, then iteration k; sets the stop reason when due. */
    void report(int k, double[] point, double value) {
        if (lastK < 0 && k > 0) {
            report(0, start, startValue);
            if (stop != null) {
                return;
            }
        }
        System.arraycopy(point, 0, lastPoint, 0, lastPoint.length);
        lastValue = value;
        lastK = k;
        if (!listener.iteration(k, lastPoint, value)) {
            stop = StopReason.CANCELLED;
        } else if (Divergence.at(value, lastPoint)) {
            stop = StopReason.DIVERGED;
        } else if (k >= maxIterations) {
            stop = StopReason.MAX_ITERATIONS;
        }
    }

    /** E at the start point, from the first evaluation the library made there. */
    void startValue(double value) {
        startValue = value;
    }

    double startValue() {
        return startValue;
    }

    boolean hasStartValue() {
        return !Double.isNaN(startValue);
    }

    int lastIteration() {
        return lastK;
    }

    double[] lastPoint() {
        return lastPoint.clone();
    }

    double lastValue() {
        return lastValue;
    }

    /** Why the monitor stopped the run, or null when it did not (the library stopped on its own). */
    StopReason stop() {
        return stop;
    }
}
