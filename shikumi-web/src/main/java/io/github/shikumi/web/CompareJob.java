package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.optim.Comparison;
import io.github.shikumi.optim.Optimizers;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.Objective;
import io.github.shikumi.train.OptimizationResult;
import io.github.shikumi.train.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One comparison of optimisers, as {@code shikumi compare} runs it: every optimiser from the same start
 * network on the same data with the same iteration budget, one after the other (shikumi-optim's
 * {@link Comparison}). Each optimiser's E curve grows as it runs and its row of the table is added when
 * it ends, so the page can draw the curves live. It can be paced (iterations per second, per optimiser)
 * so that a learner sees the curves fall; the seconds reported leave the pacing pauses out. Stops at the
 * next iteration when cancelled.
 */
final class CompareJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CompareJob.class);

    /** What was asked for: the table's and the chart's subject. */
    record Settings(List<String> optimizers, String data, int hidden, long seed, int iterations, double eta,
                    boolean zeroInit, double perSecond) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("optimizers", optimizers);
            m.put("dataset", data);
            m.put("hidden", hidden);
            m.put("seed", seed);
            m.put("iterations", iterations);
            m.put("eta", eta);
            m.put("zeroInit", zeroInit);
            m.put("perSecond", perSecond);
            return m;
        }
    }

    enum State { QUEUED, RUNNING, DONE, CANCELLED, FAILED }

    final int number;
    final Settings settings;
    private final Network start;
    private final Dataset data;
    private final Runnable tick;
    private final Runnable changed;
    private final Runnable release;
    private volatile boolean cancelled;
    /** Why the comparison failed (state FAILED), for the page. */
    private String failure;

    // guarded by this
    private final double[][] curves;
    private final int[] lengths;
    private final List<Map<String, Object>> results = new ArrayList<>();
    private State state = State.QUEUED;
    private int current = -1;

    /**
     * @param tick    called after every iteration (the caller throttles what it publishes)
     * @param changed called when a row is added and when the comparison ends
     */
    CompareJob(int number, Settings settings, Network start, Dataset data, Runnable tick, Runnable changed,
               Runnable release) {
        this.number = number;
        this.release = release;
        this.settings = settings;
        this.start = start;
        this.data = data;
        this.tick = tick;
        this.changed = changed;
        int n = settings.optimizers().size();
        curves = new double[n][Math.min(settings.iterations(), 1000) + 1];
        lengths = new int[n];
    }

    void cancel() {
        cancelled = true;
    }

    synchronized boolean running() {
        return state == State.QUEUED || state == State.RUNNING;
    }

    /**
     * The state, the network's shape and E at the start, every curve from {@code from[i]} on (all of it
     * when {@code from} is null), and the rows so far. Moves {@code from} to the end of what it returns.
     */
    synchronized Map<String, Object> snapshot(int[] from) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("running", state == State.QUEUED || state == State.RUNNING);
        m.put("current", current);
        m.put("settings", settings.toMap());
        m.put("shape", start.layout().shapeText());
        m.put("parameters", start.layout().count());
        m.put("images", data.size());
        m.put("startE", lengths.length > 0 && lengths[0] > 0 ? curves[0][0] : null);
        List<Map<String, Object>> cs = new ArrayList<>();
        for (int i = 0; i < curves.length; i++) {
            int f = Math.max(0, Math.min(from == null ? 0 : from[i], lengths[i]));
            cs.add(Map.of("optimizer", settings.optimizers().get(i), "from", f,
                    "e", Arrays.copyOfRange(curves[i], f, lengths[i])));
            if (from != null) {
                from[i] = lengths[i];
            }
        }
        m.put("curves", cs);
        m.put("results", new ArrayList<>(results));
        if (failure != null) {
            m.put("error", failure);
        }
        return m;
    }

    @Override
    public void run() {
        synchronized (this) {
            if (cancelled) {
                state = State.CANCELLED;
            } else {
                state = State.RUNNING;
            }
        }
        try {
            if (!cancelled) {
                compare();
            }
        } catch (Stopped e) {
            cancelled = true;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // a job that cannot finish says so, with a reason the page can show (and the log the details)
            LOG.error("comparison {} failed", settings, e);
            String reason = e instanceof OutOfMemoryError ? "out of memory" : e instanceof ApiException
                    ? e.getMessage() : "internal error (see the server log)";
            synchronized (this) {
                state = State.FAILED;
                failure = WebMsg.JOB_FAILED.format(java.util.Locale.ENGLISH, reason);
            }
        } finally {
            synchronized (this) {
                if (state == State.RUNNING) {
                    state = cancelled ? State.CANCELLED : State.DONE;
                }
            }
            release.run();
            changed.run();
        }
    }

    private void compare() {
        List<String> names = settings.optimizers();
        for (int i = 0; i < names.size(); i++) {
            final int index = i;
            synchronized (this) {
                current = i;
            }
            long[] slept = {0};
            long t0 = System.nanoTime();
            // Comparison.run with one optimiser at a time, so each row is known as soon as its run ends
            Comparison.Entry e = Comparison.run(start, data, List.of(stoppable(Optimizers.byName(names.get(i), settings.eta()))),
                    settings.iterations(), (name, ignored, k, value) -> {
                        if (Double.isFinite(value)) {
                            append(index, k, value); // a diverged run's curve ends before its NaN or infinite E
                        }
                        tick.run();
                        if (k > 0) {
                            slept[0] += pace(t0, k);
                        }
                        return !cancelled && !Thread.currentThread().isInterrupted();
                    }).get(0);
            Map<String, Object> row = row(e, Math.max(0.0, e.seconds() - slept[0] / 1e9));
            synchronized (this) {
                results.add(row);
            }
            changed.run();
            if (e.cancelled() || cancelled) {
                cancelled = true;
                return;
            }
        }
    }

    /** Thrown from inside an evaluation of E when the comparison is cancelled. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /**
     * {@code o} with an objective that checks for cancellation at every evaluation of E, so a comparison
     * stops within one evaluation (milliseconds at the largest sizes allowed), not at the end of an
     * iteration (Nelder–Mead's first takes p + 1 evaluations).
     */
    private Optimizer stoppable(Optimizer o) {
        return new Optimizer() {
            @Override
            public String name() {
                return o.name();
            }

            @Override
            public Map<String, Object> settings() {
                return o.settings();
            }

            @Override
            public OptimizationResult minimize(Objective f, double[] start, int maxIterations, IterationListener l) {
                return o.minimize(new Objective() {
                    @Override
                    public int dimension() {
                        return f.dimension();
                    }

                    @Override
                    public double value(double[] p) {
                        check();
                        return f.value(p);
                    }

                    @Override
                    public double valueAndGradient(double[] p, double[] grad) {
                        check();
                        return f.valueAndGradient(p, grad);
                    }
                }, start, maxIterations, l);
            }
        };
    }

    private void check() {
        if (cancelled || Thread.currentThread().isInterrupted()) {
            throw new Stopped();
        }
    }

    /** The CLI's {@code --json} row: optimizer, E, accuracy, iterations, evaluations {objective, gradient}, seconds. */
    private static Map<String, Object> row(Comparison.Entry e, double seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("optimizer", e.optimizer());
        r.put("E", e.hasDiverged() ? null : e.e()); // a diverged run has neither (NaN is no JSON number)
        r.put("accuracy", e.hasDiverged() ? null : e.accuracy());
        r.put("iterations", e.iterations());
        r.put("evaluations", Map.of("objective", e.objectiveEvaluations(), "gradient", e.gradientEvaluations()));
        r.put("seconds", seconds);
        r.put("cancelled", e.cancelled());
        if (e.hasDiverged()) {
            r.put("diverged", e.diverged()); // absent when the run did not diverge
        }
        return r;
    }

    private synchronized void append(int i, int k, double value) {
        if (k >= curves[i].length) {
            curves[i] = Arrays.copyOf(curves[i], Math.max(k + 1, 2 * curves[i].length));
        }
        curves[i][k] = value;
        lengths[i] = Math.max(lengths[i], k + 1);
    }

    /**
     * When paced, sleeps until iteration k of this optimiser is due ({@code k / perSecond} seconds after
     * {@code t0}); returns the nanoseconds slept.
     */
    private long pace(long t0, int k) {
        if (settings.perSecond() <= 0) {
            return 0;
        }
        long begin = System.nanoTime();
        long due = t0 + (long) (k * 1e9 / settings.perSecond());
        long wait;
        while ((wait = due - System.nanoTime()) > 0 && !cancelled) {
            LockSupport.parkNanos(Math.min(wait, 50_000_000L));
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
        }
        return System.nanoTime() - begin;
    }
}
