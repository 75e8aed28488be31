package io.github.shikumi.web;

import io.github.shikumi.model.ParamLayout;

/**
 * The server's memory budget: what sessions (their data, history and objectives) and comparisons are
 * estimated to hold, before they are made. A request whose estimate does not fit what is left is refused
 * (503: try later) instead of running the heap out; one larger than {@link #perJob()} is refused as too
 * large (400). The default is 60% of the heap, so the documented limits hold on the default heap of a
 * 4 GB machine (1 GB).
 */
final class MemoryBudget {
    /** Bytes of one double (the book's path holds doubles). */
    static final long DOUBLE = 8;
    /** Java's overhead per array, about. */
    static final long ARRAY = 16;

    private final long limit;
    private long used;

    MemoryBudget(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** The most one comparison or one session may hold: a quarter of the budget. */
    long perJob() {
        return limit / 4;
    }

    synchronized long used() {
        return used;
    }

    /** Reserves {@code bytes} (503 when they do not fit now). */
    synchronized void reserve(long bytes) {
        if (bytes > limit - used) {
            throw new ApiException(503, WebMsg.MEMORY_FULL, mb(bytes), mb(limit - used), mb(limit));
        }
        used += bytes;
    }

    /** Changes a reservation from {@code from} to {@code to} bytes, or leaves it as it was (503). */
    synchronized void resize(long from, long to) {
        if (to > from) {
            reserve(to - from);
        } else {
            used -= from - to;
        }
    }

    synchronized void release(long bytes) {
        used = Math.max(0, used - bytes);
    }

    /** Megabytes, rounded up, for messages. */
    static long mb(long bytes) {
        return (bytes + 999_999) / 1_000_000;
    }

    /**
     * An objective over {@code images} images (a {@code NetworkObjective}): activations and δ of every
     * unit for every image, the inputs and targets, and a few vectors of parameters.
     */
    static long objective(ParamLayout layout, int images) {
        long units = 0;
        for (int size : layout.sizes()) {
            units += size;
        }
        return DOUBLE * ((long) images * (2 * units + layout.outputs() + 2) + 4L * layout.count()) + ARRAY * 4 * units;
    }

    /**
     * What one optimiser holds besides the objective, by its own memory model: gradient descent p, its
     * gradient and a copy (3p); momentum also its velocity (4p); conjugate gradient Hipparchus's search
     * directions and line search (about 8p); Nelder–Mead its simplex of p + 1 points of p values, and a
     * second one while it reflects or shrinks (2·(p + 1)·p). Unknown names are taken as large as Nelder–Mead.
     */
    static long optimizer(String name, int p) {
        long values;
        switch (name) {
            case "gd":
                values = 3L * p;
                break;
            case "momentum":
                values = 4L * p;
                break;
            case "cg":
                values = 8L * p;
                break;
            default: // "derivative-free" and any optimiser without a model here
                values = 2L * (p + 1) * p;
                break;
        }
        return DOUBLE * values + ARRAY * (values / Math.max(1, p) + 1);
    }

    /** Evaluations of E an optimiser needs besides one per iteration: Nelder–Mead's first simplex, p + 1. */
    static long extraEvaluations(String name, int p) {
        return "gd".equals(name) || "momentum".equals(name) || "cg".equals(name) ? 0 : p + 1L;
    }
}
