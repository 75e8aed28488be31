package io.github.shikumi.web;

import java.util.Arrays;

/**
 * Every iteration of a session's training run, for time travel: E, training accuracy and the η that led to
 * each of the iterations 0 … {@link #last()}, and the parameters of any of them, with the update rule's
 * state there (momentum's velocity, Adam's moments: the values after the parameters in each vector; none for
 * the book's gradient descent).
 *
 * <p>The parameters are kept as checkpoints: every iteration while there is room (the book's 500 iterations
 * of 79 parameters are all kept), then, each time the room is full, every other checkpoint is dropped and the
 * spacing doubles (at most {@link #MAX_STRIDE}). An iteration between two checkpoints is recomputed from the
 * one before it by the same updates with the recorded η and the rule's state kept at that checkpoint
 * ({@link Replay}); every update is deterministic, so the result is bit for bit the parameters the run had. Memory stays bounded however long a run goes,
 * which keeps a server with many sessions out of long garbage-collection pauses. The parameters of the last
 * iteration are always kept, so training goes on without recomputing. Not thread-safe: the owning
 * {@link Session} guards it.
 */
final class RunHistory {
    /** Largest spacing of checkpoints: a recomputation is at most {@code MAX_STRIDE − 1} updates. */
    static final int MAX_STRIDE = 64;

    /**
     * Recomputes the vector (parameters and the rule's state) of iteration {@code to} from that of iteration
     * {@code from} (≤ to).
     */
    interface Replay {
        double[] replay(double[] vector, int from, int to);
    }

    /** Values per iteration: the parameters, then the rule's state. */
    private final int count;
    private final int parameters;
    private final int maxCheckpoints;
    private final Replay replay;
    /** Checkpoint j holds the vector of iteration j·stride. */
    private double[] checkpoints;
    private int checkpointCount;
    private int stride = 1;
    private double[] lastParams;
    private double[] e;
    private double[] accuracy;
    private double[] eta;
    private int size;
    /** The last recomputed iteration (−1 = none), so that scrubbing forward recomputes only the difference. */
    private int cachedK = -1;
    private double[] cached;

    /**
     * A run that starts at {@code initial} (its {@code parameters} parameters, then the rule's state) with E
     * and accuracy {@code e0}, {@code acc0}, keeping at most {@code maxCheckpoints} (≥ 2) checkpoints.
     */
    RunHistory(double[] initial, int parameters, double e0, double acc0, int maxCheckpoints, Replay replay) {
        if (maxCheckpoints < 2) {
            throw new IllegalArgumentException("maxCheckpoints must be at least 2, got " + maxCheckpoints);
        }
        if (parameters < 1 || parameters > initial.length) {
            throw new IllegalArgumentException(parameters + " parameters in a vector of " + initial.length);
        }
        this.count = initial.length;
        this.parameters = parameters;
        this.maxCheckpoints = maxCheckpoints;
        this.replay = replay;
        checkpoints = new double[count * Math.min(16, maxCheckpoints)];
        e = new double[16];
        accuracy = new double[16];
        eta = new double[16];
        append(initial, e0, acc0, Double.NaN);
    }

    /** Parameters per iteration. */
    int parameterCount() {
        return parameters;
    }

    /** Values kept per iteration: the parameters and the rule's state. */
    int width() {
        return count;
    }

    /** The last recorded iteration (0 before any training). */
    int last() {
        return size - 1;
    }

    /** Iterations recorded, counting iteration 0. */
    int size() {
        return size;
    }

    /** The most iterations a run can reach (the last possible iteration). */
    int maxIterations() {
        return maxCheckpoints * MAX_STRIDE - 1;
    }

    /** The spacing of the kept checkpoints now (1 = every iteration is kept). */
    int stride() {
        return stride;
    }

    /** Values held now (checkpoints and the last iteration, parameters and state), for memory accounting and tests. */
    long valuesHeld() {
        return (long) checkpointCount * count + count;
    }

    /** Records the next iteration: its vector (parameters, then the rule's state), E, accuracy and η. */
    void append(double[] p, double eValue, double acc, double etaUsed) {
        if (p.length != count) {
            throw new IllegalArgumentException("a vector of " + p.length + " values, not " + count);
        }
        int k = size;
        if (k > maxIterations()) {
            throw new IllegalStateException("history full at iteration " + k);
        }
        if (size == e.length) {
            int cap = e.length * 2;
            e = Arrays.copyOf(e, cap);
            accuracy = Arrays.copyOf(accuracy, cap);
            eta = Arrays.copyOf(eta, cap);
        }
        if (k % stride == 0) {
            if (checkpointCount == maxCheckpoints) {
                thin();
            }
            if (k % stride == 0) {
                if (checkpoints.length < (checkpointCount + 1) * count) {
                    checkpoints = Arrays.copyOf(checkpoints, Math.min(maxCheckpoints, 2 * checkpointCount) * count);
                }
                System.arraycopy(p, 0, checkpoints, checkpointCount * count, count);
                checkpointCount++;
            }
        }
        if (lastParams == null) {
            lastParams = new double[count];
        }
        System.arraycopy(p, 0, lastParams, 0, count);
        e[size] = eValue;
        accuracy[size] = acc;
        eta[size] = etaUsed;
        size++;
    }

    /** Drops every other checkpoint and doubles the spacing. */
    private void thin() {
        if (stride >= MAX_STRIDE) {
            throw new IllegalStateException("checkpoint spacing would exceed " + MAX_STRIDE);
        }
        int kept = (checkpointCount + 1) / 2;
        for (int j = 1; j < kept; j++) {
            System.arraycopy(checkpoints, 2 * j * count, checkpoints, j * count, count);
        }
        checkpointCount = kept;
        stride *= 2;
    }

    /** Forgets the iterations after {@code k} (branching from k). */
    void truncateAfter(int k) {
        checkIteration(k);
        lastParams = vector(k);
        size = k + 1;
        checkpointCount = k / stride + 1;
        if (cachedK > k) {
            cachedK = -1;
            cached = null;
        }
    }

    /** The parameters of iteration k (a copy), recomputed from the checkpoint before it when not kept. */
    double[] params(int k) {
        double[] v = vector(k);
        return v.length == parameters ? v : Arrays.copyOf(v, parameters);
    }

    /** The parameters and the rule's state of iteration k (a copy), recomputed when not kept. */
    double[] vector(int k) {
        checkIteration(k);
        if (k == last()) {
            return lastParams.clone();
        }
        int base = k / stride;
        int from = base * stride;
        if (from == k) {
            return Arrays.copyOfRange(checkpoints, base * count, (base + 1) * count);
        }
        double[] start;
        if (cachedK >= from && cachedK <= k) {
            start = cached.clone();
            from = cachedK;
        } else {
            start = Arrays.copyOfRange(checkpoints, base * count, (base + 1) * count);
        }
        double[] p = from == k ? start : replay.replay(start, from, k);
        cachedK = k;
        cached = p.clone();
        return p;
    }

    double e(int k) {
        return e[k];
    }

    double accuracy(int k) {
        return accuracy[k];
    }

    /** The η of the update that led to iteration k (NaN for iteration 0). */
    double eta(int k) {
        return eta[k];
    }

    double[] eRange(int from) {
        return Arrays.copyOfRange(e, from, size);
    }

    double[] accuracyRange(int from) {
        return Arrays.copyOfRange(accuracy, from, size);
    }

    /** An iteration asked for by the user: 0 … last, or −1 for the last. */
    int resolve(long k) {
        if (k == -1) {
            return last();
        }
        if (k < 0 || k > last()) {
            throw ApiException.badRequest(WebMsg.ITERATION_RANGE, k, last());
        }
        return (int) k;
    }

    private void checkIteration(int k) {
        if (k < 0 || k >= size) {
            throw ApiException.badRequest(WebMsg.ITERATION_RANGE, k, last());
        }
    }
}
