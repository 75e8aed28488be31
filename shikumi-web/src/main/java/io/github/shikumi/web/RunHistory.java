package io.github.shikumi.web;

import java.util.Arrays;

/**
 * Every iteration of a session's training run: the parameters, E and training accuracy at iterations
 * 0 … {@link #last()}, and the η that led to each iteration (time travel: any iteration can be shown
 * again, and training can branch from it). Not thread-safe: the owning {@link Session} guards it.
 */
final class RunHistory {
    private final int count;
    private double[] params;
    private double[] e;
    private double[] accuracy;
    private double[] eta;
    private int size;

    /** A run that starts at {@code initial} with E and accuracy {@code e0}, {@code acc0}. */
    RunHistory(double[] initial, double e0, double acc0) {
        count = initial.length;
        params = new double[count * 16];
        e = new double[16];
        accuracy = new double[16];
        eta = new double[16];
        append(initial, e0, acc0, Double.NaN);
    }

    /** Parameters per iteration. */
    int parameterCount() {
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

    void append(double[] p, double eValue, double acc, double etaUsed) {
        if (size == e.length) {
            int cap = e.length * 2;
            params = Arrays.copyOf(params, cap * count);
            e = Arrays.copyOf(e, cap);
            accuracy = Arrays.copyOf(accuracy, cap);
            eta = Arrays.copyOf(eta, cap);
        }
        System.arraycopy(p, 0, params, size * count, count);
        e[size] = eValue;
        accuracy[size] = acc;
        eta[size] = etaUsed;
        size++;
    }

    /** Forgets the iterations after {@code k} (branching from k). */
    void truncateAfter(int k) {
        checkIteration(k);
        size = k + 1;
    }

    /** The parameters of iteration k (a copy). */
    double[] params(int k) {
        checkIteration(k);
        return Arrays.copyOfRange(params, k * count, (k + 1) * count);
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
