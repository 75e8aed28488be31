package io.github.shikumi.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed team of threads for data-parallel mini-batches: {@link #run} calls {@code task(t)} for
 * t = 0 … size−1, t = 0 on the calling thread, and returns when all are done; inside a task
 * {@link #barrier()} waits for the whole team. The helper threads wait between runs by spinning briefly,
 * then yielding, then parking, so that a batch costs microseconds of hand-over and an idle team costs little.
 */
final class Team implements AutoCloseable {
    private final int size;
    private final Thread[] helpers;
    private final Barrier start;
    private final Barrier middle;
    private final Barrier end;
    private volatile IntConsumer task;
    private volatile boolean closed;
    private volatile Throwable failure;

    Team(int size) {
        this.size = size;
        start = new Barrier(size);
        middle = new Barrier(size);
        end = new Barrier(size);
        helpers = new Thread[size - 1];
        for (int t = 1; t < size; t++) {
            int id = t;
            Thread th = new Thread(() -> loop(id), "shikumi-float-" + t);
            th.setDaemon(true);
            helpers[t - 1] = th;
            th.start();
        }
    }

    int size() {
        return size;
    }

    private void loop(int id) {
        while (true) {
            start.await();
            if (closed) {
                return;
            }
            try {
                task.accept(id);
            } catch (Throwable e) {
                failure = e;
            }
            end.await();
        }
    }

    void run(IntConsumer work) {
        if (size == 1) {
            work.accept(0);
            return;
        }
        task = work;
        start.await();
        try {
            work.accept(0);
        } finally {
            end.await();
        }
        Throwable f = failure;
        if (f != null) {
            failure = null;
            throw new IllegalStateException("a helper thread failed", f);
        }
    }

    /** Waits until every thread of the team has reached this point of the current task. */
    void barrier() {
        if (size > 1) {
            middle.await();
        }
    }

    @Override
    public void close() {
        if (size > 1 && !closed) {
            closed = true;
            start.await();
            for (Thread t : helpers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A reusable barrier: the last thread to arrive opens the next generation. */
    private static final class Barrier {
        private final int parties;
        private final AtomicInteger arrived = new AtomicInteger();
        private volatile int generation;

        Barrier(int parties) {
            this.parties = parties;
        }

        void await() {
            int g = generation;
            if (arrived.incrementAndGet() == parties) {
                arrived.set(0);
                generation = g + 1;
                return;
            }
            long nap = 50_000;
            for (int spins = 0; generation == g; spins++) {
                if (spins < 20_000) {
                    Thread.onSpinWait();
                } else if (spins < 40_000) {
                    Thread.yield();
                } else {
                    // a long wait (the run's warm-up, the end of a run) naps longer and longer, up to 1 ms: each
                    // wake-up costs CPU time that the JIT's threads could use
                    LockSupport.parkNanos(nap);
                    nap = Math.min(2 * nap, 1_000_000);
                }
            }
        }
    }
}
