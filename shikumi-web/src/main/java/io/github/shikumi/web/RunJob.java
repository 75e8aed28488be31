package io.github.shikumi.web;

import io.github.shikumi.train.NetworkObjective;
import java.util.concurrent.locks.LockSupport;

/**
 * A background run of N iterations for one session: appends every iteration to the session's history,
 * publishes progress (throttled), can be paced to a number of iterations per second so a learner can
 * watch the curve fall, and stops at the next iteration when cancelled.
 */
final class RunJob implements Runnable {
    private final Session session;
    private final int iterations;
    private final double perSecond;
    private final int startIteration;
    private volatile boolean cancelled;
    private volatile long startNanos;
    private volatile int done;

    RunJob(Session session, int iterations, double perSecond, int startIteration) {
        this.session = session;
        this.iterations = iterations;
        this.perSecond = perSecond;
        this.startIteration = startIteration;
        this.startNanos = System.nanoTime();
    }

    void cancel() {
        cancelled = true;
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
        startNanos = System.nanoTime();
        try {
            NetworkObjective obj = session.objectiveForRun();
            double eta = session.eta();
            session.advance(obj, iterations, eta, () -> cancelled || Thread.currentThread().isInterrupted(), () -> {
                done++;
                session.progress().maybePublish();
                pace();
            });
        } finally {
            session.runEnded(this);
            session.progress().publish();
        }
    }

    /** Sleeps until iteration {@code done} is due when the run is paced. */
    private void pace() {
        if (perSecond <= 0) {
            return;
        }
        long due = startNanos + (long) (done * 1e9 / perSecond);
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !cancelled) {
            LockSupport.parkNanos(Math.min(wait, 50_000_000L));
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
