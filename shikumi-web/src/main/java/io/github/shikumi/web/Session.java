package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Provenance;
import io.github.shikumi.train.Divergence;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.update.UpdateRule;
import io.github.shikumi.update.UpdateRules;
import io.github.shikumi.update.UpdateState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * One browser tab's workbench: its working copy of the data, the settings (η, hidden units, seed, the hidden
 * layer's activation and the update rule), and the training run with every iteration kept. Every method that
 * reads or changes state holds this object's monitor; a background run computes outside it and appends each
 * iteration under it, so the views stay responsive while it trains.
 */
final class Session {
    static final double MAX_ETA = 100;
    static final long MAX_SEED = Integer.MAX_VALUE;
    /** Most checkpoints of parameters one session keeps for time travel (see {@link RunHistory}). */
    static final int MAX_CHECKPOINTS = 1024;

    final String id;
    private final WebConfig config;
    private final Progress progress;
    private final Comparisons comparisons = new Comparisons();
    private volatile long lastUsed;

    private WorkingData data;
    private int dataVersion;
    private double eta;
    private int hidden;
    private long seed;
    private Activation activation;
    /** The update rule's name (gd, momentum, adam); its state is kept with every checkpoint of the run. */
    private String optimizer;
    private Network initial;
    private RunHistory history;
    /** Owned by the background run while one is active, else used under the monitor. */
    private NetworkObjective objective;
    /** Recomputes iterations between kept checkpoints (time travel); used under the monitor only. */
    private NetworkObjective replayObjective;
    /** The data the run trains on (the working data when the run started). */
    private Dataset runData;
    private RunJob job;
    private double[] branchedE;
    /** The η of every update of the run a branch left behind (null before one), and where it branched (−1). */
    private List<Double> branchedEta;
    private int branchedAt = -1;
    /** The iteration at which the last run's E or parameters became NaN or infinite (not kept), or −1. */
    private int diverged = Divergence.NONE;
    private final MemoryBudget budget;
    /** Bytes reserved in the server's memory budget for this session's data, history and objectives. */
    private long reserved;

    Session(String id, WebConfig config, WorkingData data, double eta, int hidden, long seed, long now,
            MemoryBudget budget) {
        this(id, config, data, eta, hidden, seed, Activation.SIGMOID, "gd", now, budget);
    }

    Session(String id, WebConfig config, WorkingData data, double eta, int hidden, long seed, Activation activation,
            String optimizer, long now, MemoryBudget budget) {
        UpdateRules.create(optimizer, eta, Map.of()); // a known rule, or refused before anything is made
        this.id = id;
        this.activation = activation;
        this.optimizer = optimizer;
        this.config = config;
        this.budget = budget;
        this.progress = new Progress(this);
        this.lastUsed = now;
        this.data = data;
        this.eta = eta;
        this.hidden = hidden;
        this.seed = seed;
        reset();
    }

    Progress progress() {
        return progress;
    }

    /** The session's comparisons of optimisers (the Compare view), independent of its training run. */
    Comparisons comparisons() {
        return comparisons;
    }

    void touch(long now) {
        lastUsed = now;
    }

    /** True when no request used this session since {@code cutoff}, whatever it is doing (a run is then cancelled). */
    boolean idleSince(long cutoff) {
        return lastUsed < cutoff;
    }

    // ---- settings and the run -------------------------------------------------------------------

    /** Draws the initial parameters from the seed again and forgets the run (the book's new start). */
    synchronized void reset() {
        checkIdle();
        Dataset d = data.dataset();
        Network net = Network.initial(d, seed, hidden).withActivations(List.of(activation));
        int p = net.layout().count();
        int width = p * (1 + rule(eta).slots());
        long maxParams = config.maxHistoryValues() / 100;
        if (width > maxParams) {
            throw ApiException.badRequest(WebMsg.TOO_MANY_PARAMS, p, maxParams / (width / p));
        }
        long need = estimatedBytes(d, net, width);
        budget.resize(reserved, need); // 503 before anything changes when the server's memory is taken
        reserved = need;
        Map<String, Object> prov = new LinkedHashMap<>(net.provenance());
        prov.put("data", data.name() + (data.edited() ? " (edited)" : ""));
        initial = net.withProvenance(prov);
        objective = new NetworkObjective(net, d);
        double[] p0 = net.params();
        double e0 = objective.value(p0);
        runData = d;
        replayObjective = null;
        double[] v0 = Arrays.copyOf(p0, width); // the rule's state starts at 0
        history = new RunHistory(v0, p, e0, objective.accuracy(p0), maxCheckpoints(width), this::replay);
        branchedE = null;
        branchedEta = null;
        branchedAt = -1;
        diverged = Divergence.NONE;
        progress.truncated(0);
    }

    synchronized void settings(Double newEta, Integer newHidden, Long newSeed) {
        settings(newEta, newHidden, newSeed, null, null);
    }

    /**
     * Changes the settings given (null = unchanged), all or nothing. η applies to the updates from now on; the
     * hidden units, the seed, the activation and the update rule make a new start (the run is forgotten).
     */
    synchronized void settings(Double newEta, Integer newHidden, Long newSeed, Activation newActivation,
                               String newOptimizer) {
        checkIdle();
        if (newOptimizer != null) {
            UpdateRules.create(newOptimizer, newEta == null ? eta : newEta, Map.of()); // refused before any change
        }
        boolean restart = newHidden != null && newHidden != hidden || newSeed != null && newSeed != seed
                || newActivation != null && newActivation != activation
                || newOptimizer != null && !newOptimizer.equals(optimizer);
        if (restart) {
            int oldHidden = hidden;
            long oldSeed = seed;
            Activation oldActivation = activation;
            String oldOptimizer = optimizer;
            hidden = newHidden == null ? hidden : newHidden;
            seed = newSeed == null ? seed : newSeed;
            activation = newActivation == null ? activation : newActivation;
            optimizer = newOptimizer == null ? optimizer : newOptimizer;
            try {
                reset();
            } catch (RuntimeException e) {
                hidden = oldHidden;
                seed = oldSeed;
                activation = oldActivation;
                optimizer = oldOptimizer;
                throw e;
            }
        }
        if (newEta != null) {
            eta = newEta;
        }
    }

    /** The session's update rule with η {@code etaUsed} (its other settings are the rule's defaults). */
    private UpdateRule rule(double etaUsed) {
        return UpdateRules.create(optimizer, etaUsed, Map.of());
    }

    /** {@code n} iterations of gradient descent now, in the caller's thread. */
    synchronized void step(int n) {
        checkIdle();
        checkRoom(n);
        advance(objective, n, eta, () -> false, null);
    }

    /** Starts {@code n} iterations in the background; progress goes to the event stream. */
    synchronized void startRun(int n, double perSecond, ExecutorService executor, ScheduledExecutorService pacer) {
        checkIdle();
        checkRoom(n);
        job = new RunJob(this, n, perSecond, history.last(), executor, pacer);
        executor.execute(job);
    }

    /** Stops a background run after its current iteration (Pause and Cancel); the iterations done are kept. */
    synchronized boolean cancel() {
        if (job == null) {
            return false;
        }
        job.cancel();
        return true;
    }

    /** Continues from iteration k with another η: the iterations after k are forgotten (their E curve is kept to compare). */
    synchronized void branch(int k, double newEta) {
        checkIdle();
        int at = history.resolve(k);
        branchedE = history.eRange(0);
        branchedEta = etas(0); // how the run left behind was made: a share link rebuilds it, then branches again
        branchedAt = at;
        history.truncateAfter(at);
        eta = newEta;
        diverged = Divergence.NONE;
        progress.truncated(at + 1);
    }

    /**
     * Trains {@code n} iterations from the last recorded one, appending each. A run calls this without
     * the monitor (it owns {@code obj}); {@link #step} calls it with the monitor held.
     */
    void advance(NetworkObjective obj, int n, double etaUsed, BooleanSupplier stop, Runnable afterEach) {
        double[] start;
        UpdateState state;
        UpdateRule rule;
        synchronized (this) {
            int last = history.last();
            rule = rule(etaUsed);
            double[] v = history.vector(last);
            start = Arrays.copyOf(v, history.parameterCount());
            state = UpdateState.restore(rule, start.length, v, start.length, last); // step t = iteration
            diverged = Divergence.NONE;
        }
        double[] vector = new double[start.length * (1 + rule.slots())];
        new GradientDescent(rule).minimize(obj, start, n, (k, p, value) -> {
            if (k == 0) {
                return !stop.getAsBoolean();
            }
            if (Divergence.at(value, p)) {
                synchronized (this) {
                    diverged = history.last() + 1; // not kept: the run stays at its last finite iteration
                }
                return false;
            }
            double acc = obj.accuracy(p);
            System.arraycopy(p, 0, vector, 0, p.length);
            state.copyTo(vector, p.length); // the rule's state at this iteration, for time travel
            synchronized (this) {
                history.append(vector, value, acc, etaUsed);
            }
            if (afterEach != null) {
                afterEach.run();
            }
            return !stop.getAsBoolean();
        }, state);
    }

    /**
     * What this session holds for data {@code d} and network {@code net}, {@code width} values per iteration
     * (parameters and the rule's state): images, history and two objectives.
     */
    private long estimatedBytes(Dataset d, Network net, int width) {
        long images = 3L * d.size() * (MemoryBudget.DOUBLE * d.pixels() + MemoryBudget.ARRAY);
        long historyBytes = (maxCheckpoints(width) + 2L) * (MemoryBudget.DOUBLE * width + MemoryBudget.ARRAY)
                + 3L * MemoryBudget.DOUBLE * RunHistory.MAX_STRIDE * maxCheckpoints(width); // E, accuracy and η per iteration
        return images + historyBytes + 2 * MemoryBudget.objective(net.layout(), d.size());
    }

    /** Gives this session's memory back to the server (it is forgotten). */
    synchronized void release() {
        budget.release(reserved);
        reserved = 0;
    }

    /**
     * Checkpoints one session keeps: up to 1,024 (every iteration of the book's 500), fewer for large networks
     * so that one session holds at most {@code maxHistoryValues} values ({@code width} per checkpoint: the
     * parameters and the rule's state).
     */
    private int maxCheckpoints(int width) {
        return (int) Math.min(MAX_CHECKPOINTS, config.maxHistoryValues() / width);
    }

    /**
     * The parameters and the rule's state of iteration {@code to}, recomputed from those of iteration
     * {@code from} by the updates that made them: the same rule from the same state with each update's recorded
     * η, so bit for bit the same.
     */
    private double[] replay(double[] vector, int from, int to) {
        if (replayObjective == null) {
            replayObjective = new NetworkObjective(initial, runData);
        }
        int count = history.parameterCount();
        double[] p = Arrays.copyOf(vector, count);
        UpdateState state = UpdateState.restore(rule(eta), count, vector, count, from);
        int k = from;
        while (k < to) {
            double etaUsed = history.eta(k + 1);
            int n = 1;
            while (k + n < to && Double.compare(history.eta(k + n + 1), etaUsed) == 0) {
                n++;
            }
            p = new GradientDescent(rule(etaUsed)).minimize(replayObjective, p, n, (i, q, v) -> true, state).params();
            k += n;
        }
        double[] out = Arrays.copyOf(p, vector.length);
        state.copyTo(out, count);
        return out;
    }

    /**
     * The parameters after the next update from iteration {@code k}, given ∂E there: p − η·∂E for the book's
     * rule, the rule's step from its state at k otherwise (the "Inside one step" view's last column).
     */
    synchronized double[] nextUpdate(int k, double[] gradient) {
        int at = history.resolve(k);
        double[] v = history.vector(at);
        int count = history.parameterCount();
        double[] p = Arrays.copyOf(v, count);
        UpdateRule rule = rule(eta);
        UpdateState.restore(rule, count, v, count, at).step(rule, p, gradient, 1);
        return p;
    }

    /** The update rule with the session's η now (its name, η and settings). */
    synchronized UpdateRule rule() {
        return rule(eta);
    }

    /** The run's objective and η, for the background job that now owns them. */
    synchronized NetworkObjective objectiveForRun() {
        return objective;
    }

    synchronized double eta() {
        return eta;
    }

    synchronized long seed() {
        return seed;
    }

    synchronized void runEnded(RunJob ended) {
        if (job == ended) {
            job = null;
        }
    }

    private void checkIdle() {
        if (job != null) {
            throw new ApiException(409, WebMsg.RUN_BUSY);
        }
    }

    private void checkRoom(int n) {
        long maxIterations = history.maxIterations();
        if (history.last() + (long) n > maxIterations) {
            throw ApiException.badRequest(WebMsg.RUN_HISTORY_FULL, maxIterations, history.last());
        }
    }

    // ---- data ----------------------------------------------------------------------------------------

    /** Replaces the working data (a bundled set or an upload) and restarts the run. */
    synchronized void replaceData(WorkingData newData) {
        checkIdle();
        WorkingData old = data;
        data = newData;
        try {
            reset();
        } catch (RuntimeException e) {
            data = old;
            throw e;
        }
        dataVersion++;
    }

    /**
     * Changes the working data (add/edit/delete) and restarts the run, all or nothing: the edit works on a
     * copy, which replaces the data only when the edit and the restart both succeeded.
     */
    synchronized <T> T editData(java.util.function.Function<WorkingData, T> edit) {
        checkIdle();
        WorkingData old = data;
        WorkingData copy = data.copy();
        T result = edit.apply(copy);
        data = copy;
        try {
            reset();
        } catch (RuntimeException e) {
            data = old; // reset refuses before it changes anything
            throw e;
        }
        dataVersion++;
        return result;
    }

    // ---- reading ------------------------------------------------------------------------------------

    synchronized WorkingData data() {
        return data;
    }

    synchronized Dataset dataset() {
        return data.dataset();
    }

    synchronized int dataVersion() {
        return dataVersion;
    }

    /** The network at iteration k (−1 = the last), with how it was made. */
    synchronized Network network(long k) {
        int at = history.resolve(k);
        // how it was made, as core writes it for any run (version, data hash, …), keeping the data's name as the
        // session shows it ("(edited)")
        Map<String, Object> prov = new LinkedHashMap<>(
                Provenance.trained(initial, data.dataset(), optimizer, rule(eta).settings(), "iterations", at));
        prov.put("data", initial.provenance().get("data"));
        return initial.withParams(history.params(at)).withProvenance(prov);
    }

    synchronized int resolve(long k) {
        return history.resolve(k);
    }

    synchronized double etaAt(int k) {
        return history.eta(k);
    }

    /** The iteration at which the last run diverged (not kept), or −1. */
    synchronized int diverged() {
        return diverged;
    }

    synchronized int last() {
        return history.last();
    }

    synchronized double e(int k) {
        return history.e(k);
    }

    synchronized double accuracy(int k) {
        return history.accuracy(k);
    }

    /** The E curve, the accuracy curve and the η per update from iteration {@code from} on. */
    synchronized Map<String, Object> curve(int from) {
        int f = Math.max(0, Math.min(from, history.size()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", f);
        m.put("e", history.eRange(f));
        m.put("accuracy", history.accuracyRange(f));
        m.put("eta", etas(f));
        m.put("branchedE", branchedE);
        m.put("branchedEta", branchedEta);
        m.put("branchedAt", branchedAt < 0 ? null : branchedAt);
        return m;
    }

    /** The η of the updates that led to iterations {@code from} … last (null for iteration 0). */
    private List<Double> etas(int from) {
        List<Double> etas = new ArrayList<>();
        for (int k = from; k < history.size(); k++) {
            double x = history.eta(k);
            etas.add(Double.isNaN(x) ? null : x);
        }
        return etas;
    }

    /** What the event stream tells: the curve since {@code from}, and the run's state. */
    synchronized Map<String, Object> progressSince(int from) {
        Map<String, Object> m = curve(from);
        m.remove("eta");
        m.remove("branchedE");
        m.remove("branchedEta");
        m.remove("branchedAt");
        m.put("last", history.last());
        m.put("running", job != null);
        m.put("target", job == null ? history.last() : job.target());
        m.put("start", job == null ? history.last() : job.start());
        m.put("etaSeconds", job == null ? 0.0 : job.secondsLeft(history.last()));
        m.put("diverged", diverged == Divergence.NONE ? null : diverged);
        m.put("dataVersion", dataVersion);
        return m;
    }

    /** The spacing of the kept checkpoints of parameters (1 = every iteration is kept). */
    synchronized int checkpointStride() {
        return history.stride();
    }

    /** Parameter values the run's history holds now. */
    synchronized long historyValuesHeld() {
        return history.valuesHeld();
    }

    synchronized int historySize() {
        return history.size();
    }

    synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("eta", eta);
        settings.put("hidden", hidden);
        settings.put("seed", seed);
        settings.put("activation", activation.id());
        settings.put("optimizer", optimizer);
        m.put("settings", settings);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", data.name());
        d.put("bundled", data.bundled());
        d.put("edited", data.edited());
        d.put("size", data.size());
        d.put("labels", data.labels());
        d.put("height", data.height());
        d.put("width", data.width());
        d.put("version", dataVersion);
        m.put("data", d);
        m.put("network", Map.of("sizes", initial.layout().sizes(), "parameters", initial.layout().count(),
                "shape", initial.layout().shapeText()));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("last", history.last());
        r.put("running", job != null);
        r.put("target", job == null ? history.last() : job.target());
        r.put("start", job == null ? history.last() : job.start());
        r.put("e", history.e(history.last()));
        r.put("accuracy", history.accuracy(history.last()));
        r.put("maxIterations", history.maxIterations());
        r.put("diverged", diverged == Divergence.NONE ? null : diverged);
        m.put("run", r);
        return m;
    }
}
