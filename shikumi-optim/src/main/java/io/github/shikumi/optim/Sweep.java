package io.github.shikumi.optim;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The book's gradient descent run for every η × number of hidden units × seed: for each (η, hidden)
 * setting, the share of seeds whose training reaches 100 % training accuracy, the median final E and
 * the median iteration at which 100 % is first reached.
 *
 * <p>Runs are independent (each has its own network, objective and buffers), spread over a fixed pool
 * of threads; a run's figures depend only on (η, hidden, seed), never on the thread or the order, so a
 * sweep gives the same rows on every run and with any number of threads. {@link #cancel()} stops the
 * runs in progress at their next iteration; rows whose runs had all finished are kept.
 */
public final class Sweep {
    /**
     * One setting's figures.
     *
     * @param eta                   η
     * @param hidden                hidden units (one hidden layer)
     * @param seeds                 runs (one per seed)
     * @param reached               runs that reached 100 % training accuracy at some iteration (and did not diverge)
     * @param share                 reached / seeds
     * @param medianE               median of the final E over the seeds whose run did not diverge; NaN when all did
     * @param medianIterationsTo100 median, over the runs that reached it, of the first iteration with 100 %
     *                              training accuracy; NaN when none did
     * @param diverged              runs whose E or parameters became NaN or infinite (they have no final E)
     */
    public record Row(double eta, int hidden, int seeds, int reached, double share, double medianE,
                      double medianIterationsTo100, int diverged) {
        public Row(double eta, int hidden, int seeds, int reached, double share, double medianE,
                   double medianIterationsTo100) {
            this(eta, hidden, seeds, reached, share, medianE, medianIterationsTo100, 0);
        }
    }

    /** The finished rows (in the order of η, then hidden), and whether the sweep was cancelled. */
    public record Result(List<Row> rows, boolean cancelled, int runsDone, int runsTotal) {
    }

    /** Told when a run or a row finishes; called from the worker threads, one call at a time. */
    public interface Listener {
        void onRunDone(int done, int total);

        default void onRow(Row row) {
        }

        Listener NONE = (done, total) -> { };
    }

    private final Dataset data;
    private final double[] etas;
    private final int[] hidden;
    private final long[] seeds;
    private final int iterations;
    private final int threads;
    private final Row[] finished;
    private volatile boolean cancelled;
    private boolean started;

    /**
     * @param threads worker threads; {@code Runtime.availableProcessors()} for all cores
     */
    public Sweep(Dataset data, double[] etas, int[] hidden, long[] seeds, int iterations, int threads) {
        for (double eta : etas) {
            new GradientDescent(eta); // validates η
        }
        if (etas.length == 0 || hidden.length == 0 || seeds.length == 0) {
            throw new IllegalArgumentException("a sweep needs at least one η, one hidden size and one seed");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, got " + threads);
        }
        for (int h : hidden) {
            Network.initial(data, 0, h); // validates the hidden size
        }
        if (iterations < 0) {
            throw new ShikumiException("--iterations", Msg.ITERATIONS_INVALID, iterations);
        }
        this.data = data;
        this.etas = etas.clone();
        this.hidden = hidden.clone();
        this.seeds = seeds.clone();
        this.iterations = iterations;
        this.threads = threads;
        this.finished = new Row[etas.length * hidden.length];
    }

    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Asks the sweep to stop: runs in progress stop at their next iteration, queued runs do not start. */
    public void cancel() {
        cancelled = true;
    }

    public int runsTotal() {
        return finished.length * seeds.length;
    }

    /** The rows finished so far, in grid order (safe to call from another thread, e.g. a shutdown hook). */
    public synchronized List<Row> finishedRows() {
        List<Row> out = new ArrayList<>();
        for (Row r : finished) {
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Runs the sweep (blocking; once per instance) and returns the finished rows. */
    public Result run(Listener listener) {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a sweep runs once");
            }
            started = true;
        }
        int total = runsTotal();
        double[][] finalE = new double[finished.length][seeds.length];
        int[][] firstPerfect = new int[finished.length][seeds.length];
        AtomicInteger[] remaining = new AtomicInteger[finished.length];
        for (int r = 0; r < remaining.length; r++) {
            remaining[r] = new AtomicInteger(seeds.length);
        }
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "shikumi-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(total);
            for (int r = 0; r < finished.length; r++) {
                for (int s = 0; s < seeds.length; s++) {
                    int row = r;
                    int seed = s;
                    futures.add(pool.submit(() -> {
                        if (cancelled) {
                            return;
                        }
                        History h = runOne(row, seeds[seed]);
                        if (h.cancelled()) {
                            return;
                        }
                        finalE[row][seed] = h.hasDiverged() ? Double.NaN : h.e(h.iterations());
                        firstPerfect[row][seed] = h.hasDiverged() ? -1 : h.firstPerfectIteration();
                        Row finishedRow = null;
                        if (remaining[row].decrementAndGet() == 0) {
                            finishedRow = row(row, finalE[row], firstPerfect[row]);
                        }
                        report(listener, done.incrementAndGet(), total, finishedRow);
                    }));
                }
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            cancelled = true;
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return new Result(finishedRows(), cancelled, done.get(), total);
    }

    private synchronized void report(Listener listener, int done, int total, Row row) {
        if (row != null) {
            finished[indexOf(row)] = row;
            listener.onRow(row);
        }
        listener.onRunDone(done, total);
    }

    private int indexOf(Row row) {
        for (int e = 0; e < etas.length; e++) {
            for (int h = 0; h < hidden.length; h++) {
                if (etas[e] == row.eta() && hidden[h] == row.hidden()) {
                    return e * hidden.length + h;
                }
            }
        }
        throw new IllegalStateException();
    }

    /** One run: seeded initial network with {@code hidden} units, gradient descent with η. */
    private History runOne(int row, long seed) {
        double eta = etas[row / hidden.length];
        int h = hidden[row % hidden.length];
        Network start = Network.initial(data, seed, h);
        return Training.run(start, data, new GradientDescent(eta), iterations, (k, n, e, a, p) -> !cancelled);
    }

    private Row row(int row, double[] finalE, int[] firstPerfect) {
        int reached = 0;
        double[] its = new double[seeds.length];
        int finite = 0;
        double[] e = new double[seeds.length];
        for (int s = 0; s < seeds.length; s++) {
            if (firstPerfect[s] >= 0) {
                its[reached++] = firstPerfect[s];
            }
            if (!Double.isNaN(finalE[s])) { // NaN: the run diverged
                e[finite++] = finalE[s];
            }
        }
        return new Row(etas[row / hidden.length], hidden[row % hidden.length], seeds.length, reached,
                reached / (double) seeds.length, median(e, finite), median(its, reached), seeds.length - finite);
    }

    /** The median of the first n values (the mean of the middle two for even n); NaN for none. Sorts them. */
    static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
