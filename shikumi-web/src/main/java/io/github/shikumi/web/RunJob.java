package io.github.shikumi.web;

import io.github.shikumi.train.NetworkObjective;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A background run of N iterations for one session: appends every iteration to the session's history,
 * publishes progress (throttled), can be paced to a number of iterations per second so a learner can
 * watch the curve fall, and stops at the next iteration when cancelled. It runs in slices of at most
 * {@link #SLICE_NANOS} on the server's run threads and then goes to the back of their line, so runs of
 * every session share the threads in turn; a paced run waits for its next iteration on a timer, not on a
 * run thread.
 */
final class RunJob implements Runnable {
    /** A run computes at most this long before it lets the other sessions' runs have the thread. */
    static final long SLICE_NANOS = 20_000_000L;

    private final Session session;
    private final int iterations;
    private final double perSecond;
    private final int startIteration;
    private volatile boolean cancelled;
    private volatile long startNanos;
    private volatile int done;
    private final Executor executor;
    private final ScheduledExecutorService pacer;
    /** Owned by the run while it is active (see {@link Session#objectiveForRun}). */
    private NetworkObjective objective;
    private double eta;
    private volatile java.util.concurrent.Future<?> waiting;

    RunJob(Session session, int iterations, double perSecond, int startIteration, Executor executor,
           ScheduledExecutorService pacer) {
        this.session = session;
        this.executor = executor;
        this.pacer = pacer;
        this.iterations = iterations;
        this.perSecond = perSecond;
        this.startIteration = startIteration;
        this.startNanos = System.nanoTime();
    }

    /** Stops the run after its current iteration; a paced run waiting for its next iteration ends now. */
    void cancel() {
        cancelled = true;
        java.util.concurrent.Future<?> w = waiting;
        if (w != null && w.cancel(false)) {
            try {
                pacer.execute(this); // ends the run (it is cancelled) off the caller's locks
            } catch (RejectedExecutionException stopping) {
                session.runEnded(this);
            }
        }
    }

    /** The iteration this run started from. */
    int start() {
        return startIteration;
    }

    /** The iteration this run will end at. */
    int target() {
        return startIteration + iterations;
    }

    /** Estimated seconds to the end, from the speed so far. */
    double secondsLeft(int last) {
        int d = last - startIteration;
        if (d <= 0) {
            return perSecond > 0 ? iterations / perSecond : 0.0;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return elapsed / d * (target() - last);
    }

    @Override
    public void run() {
        boolean more = false;
        try {
            more = !cancelled && !Thread.currentThread().isInterrupted() && slice();
        } finally {
            if (!more || !reschedule()) {
                session.runEnded(this);
                session.progress().publish();
            }
        }
    }

    /**
     * Computes the iterations that are due, for at most {@link #SLICE_NANOS}; true when the run has more
     * to do. A paced run computes only the iterations whose time has come, so it holds no thread while it waits.
     */
    private boolean slice() {
        if (objective == null) {
            objective = session.objectiveForRun();
            eta = session.eta();
            startNanos = System.nanoTime();
        }
        int due = iterations - done;
        if (perSecond > 0) {
            long elapsed = System.nanoTime() - startNanos;
            due = (int) Math.min(due, Math.floor(elapsed / 1e9 * perSecond) + 1 - done);
        }
        if (due > 0) {
            long sliceStart = System.nanoTime();
            session.advance(objective, due, eta, () -> cancelled || Thread.currentThread().isInterrupted()
                    || System.nanoTime() - sliceStart > SLICE_NANOS, () -> {
                        done++;
                        session.progress().maybePublish();
                    });
        }
        return done < iterations && !cancelled;
    }

    /** Puts the run back in the run threads' line: now (behind the others), or when its next iteration is due. */
    private boolean reschedule() {
        try {
            if (perSecond > 0) {
                long due = startNanos + (long) (done * 1e9 / perSecond);
                waiting = pacer.schedule(() -> {
                    try {
                        executor.execute(this);
                    } catch (RejectedExecutionException stopping) {
                        session.runEnded(this);
                    }
                }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (cancelled && waiting.cancel(false)) {
                    return false; // cancelled while it was being put on the timer: it ends now
                }
            } else {
                executor.execute(this);
            }
            return true;
        } catch (RejectedExecutionException stopping) {
            return false;
        }
    }
}
