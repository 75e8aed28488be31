package io.github.shikumi.model;

/**
 * The float path for large data: mini-batch gradients and momentum steps of a network in {@code float},
 * with the book's formulas and conventions (those of {@link Backprop}, which is the reference it is checked
 * against). Each mini-batch is split over a team of threads (data-parallel: each thread takes a share of the
 * images and computes their gradient into its own buffers); then each thread sums and applies the update
 * for its share of the parameters. Weights are held transposed, one array per input unit, rows padded to
 * whole vectors ({@link FloatKernels}); every buffer is allocated here, so a step allocates nothing.
 * Not thread-safe; {@link #close()} stops the helper threads.
 *
 * <p>With the same parameters, batches and thread count the results are the same on every run; another
 * thread count adds the same terms in another order.
 */
public final class FloatBackprop implements AutoCloseable {
    private final ParamLayout layout;
    private final Output output;
    /** The kernels to use, or null for {@link FloatKernels#current()} at each batch. */
    private final FloatKernels fixed;
    private final int layers;
    /** Units of weight layer l rounded up to whole rows ({@link FloatKernels#ROW}). */
    private final int[] u;
    private final int capacity;
    private final Team team;
    /** wt[l][i][j] = w_ji of weight layer l. */
    private final float[][][] wt;
    /** th[l][j] = θ_j. */
    private final float[][] th;
    /** w[l][k][j] = w_kj (the book's order), for l ≥ 1: the backward pass. */
    private final float[][][] w;
    private final float[][][] vwt;
    private final float[][] vth;
    private final Slice[] slices;
    /** The parameter rows (l, i; i = −1 for θ) each thread sums and updates. */
    private final int[][][] rowsOf;
    private double loss;
    private int correct;

    /** Per-thread buffers: activations, deltas and the gradient of its share of a batch. */
    private final class Slice {
        final float[][] in;
        final int[] y;
        final float[][][] act;
        final float[][][] delta;
        final float[][][] gwt;
        final float[][] gth;
        final int[] correct = new int[1];
        final int[] nz;
        int count;
        double loss;

        Slice(int cap) {
            int widest = 1;
            for (int l = 0; l < layers; l++) {
                widest = Math.max(widest, layout.fanIn(l));
            }
            nz = new int[FloatKernels.scratch(cap, widest)];
            in = new float[cap][];
            y = new int[cap];
            act = new float[layers][cap][];
            delta = new float[layers][cap][];
            gwt = new float[layers][][];
            gth = new float[layers][];
            for (int l = 0; l < layers; l++) {
                for (int b = 0; b < cap; b++) {
                    act[l][b] = new float[u[l]];
                    delta[l][b] = new float[u[l]];
                }
                gwt[l] = new float[layout.fanIn(l)][u[l]];
                gth[l] = new float[u[l]];
            }
        }
    }

    /**
     * @param net      the network (its parameters are copied, as floats)
     * @param capacity the largest batch
     * @param threads  threads to split each batch over (1 = the calling thread only)
     */
    public FloatBackprop(Network net, int capacity, int threads) {
        this(net, capacity, threads, null);
    }

    FloatBackprop(Network net, int capacity, int threads, FloatKernels kernels) {
        if (capacity < 1 || threads < 1) {
            throw new IllegalArgumentException("capacity " + capacity + ", threads " + threads);
        }
        this.layout = net.layout();
        this.output = net.output();
        this.fixed = kernels;
        this.layers = layout.layers();
        this.capacity = capacity;
        u = new int[layers];
        for (int l = 0; l < layers; l++) {
            u[l] = (layout.units(l) + FloatKernels.ROW - 1) / FloatKernels.ROW * FloatKernels.ROW;
        }
        wt = new float[layers][][];
        th = new float[layers][];
        w = new float[layers][][];
        vwt = new float[layers][][];
        vth = new float[layers][];
        for (int l = 0; l < layers; l++) {
            wt[l] = new float[layout.fanIn(l)][u[l]];
            vwt[l] = new float[layout.fanIn(l)][u[l]];
            th[l] = new float[u[l]];
            vth[l] = new float[u[l]];
            if (l > 0) {
                w[l] = new float[layout.units(l)][u[l - 1]];
            }
        }
        setParams(net.params());
        int t = Math.min(threads, capacity);
        slices = new Slice[t];
        for (int s = 0; s < t; s++) {
            slices[s] = new Slice((capacity + t - 1) / t);
        }
        rowsOf = partition(t);
        team = new Team(t);
    }

    /** Splits the parameter rows into t runs of about equal size. */
    private int[][][] partition(int t) {
        long total = 0;
        for (int l = 0; l < layers; l++) {
            total += (long) (layout.fanIn(l) + 1) * u[l];
        }
        java.util.List<java.util.List<int[]>> parts = new java.util.ArrayList<>();
        for (int s = 0; s < t; s++) {
            parts.add(new java.util.ArrayList<>());
        }
        long done = 0;
        for (int l = 0; l < layers; l++) {
            for (int i = -1; i < layout.fanIn(l); i++) {
                int s = (int) Math.min(t - 1, done * t / total);
                parts.get(s).add(new int[] {l, i});
                done += u[l];
            }
        }
        int[][][] out = new int[t][][];
        for (int s = 0; s < t; s++) {
            out[s] = parts.get(s).toArray(new int[0][]);
        }
        return out;
    }

    /** The kernels this JVM runs for floats once warmed up: "vector" or "plain". */
    public static String kernels() {
        return FloatKernels.best().name();
    }

    /**
     * Starts warming up the Vector API kernels in the background (when the JVM has them), so that they are ready
     * sooner: call it before loading large data. Training works without it.
     */
    public static void warmUp() {
        FloatKernels.current();
    }

    /** The kernels the next batch will run on: "vector", or "plain" while the Vector API code warms up. */
    public String kernelsNow() {
        return (fixed != null ? fixed : FloatKernels.current()).name();
    }

    public int threads() {
        return slices.length;
    }

    /** Replaces the parameters (layout order, as doubles) and sets the momentum's velocity to 0. */
    public void setParams(double[] p) {
        if (p.length != layout.count()) {
            throw new IllegalArgumentException("expected " + layout.count() + " parameters, got " + p.length);
        }
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < layout.units(l); j++) {
                for (int i = 0; i < layout.fanIn(l); i++) {
                    wt[l][i][j] = (float) p[layout.weight(l, j, i)];
                }
                th[l][j] = (float) p[layout.threshold(l, j)];
            }
            for (float[] row : vwt[l]) {
                java.util.Arrays.fill(row, 0f);
            }
            java.util.Arrays.fill(vth[l], 0f);
            if (l > 0) {
                for (int i = 0; i < layout.fanIn(l); i++) {
                    transpose(l, i);
                }
            }
        }
    }

    /** The parameters in the layout's order, as doubles. */
    public double[] params() {
        double[] p = new double[layout.count()];
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < layout.units(l); j++) {
                for (int i = 0; i < layout.fanIn(l); i++) {
                    p[layout.weight(l, j, i)] = wt[l][i][j];
                }
                p[layout.threshold(l, j)] = th[l][j];
            }
        }
        return p;
    }

    /**
     * E (summed over the batch) and ∂E of images {@code index[from … from+count)} of {@code data} at the current
     * parameters, written into {@code grad} in the layout's order (for checks; training uses {@link #step}).
     */
    public double gradient(FloatImages data, int[] index, int from, int count, double[] grad) {
        run(data, index, from, count, true, false, 0f, 0f);
        Slice s0 = slices[0];
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < layout.units(l); j++) {
                for (int i = 0; i < layout.fanIn(l); i++) {
                    grad[layout.weight(l, j, i)] = s0.gwt[l][i][j];
                }
                grad[layout.threshold(l, j)] = s0.gth[l][j];
            }
        }
        return loss;
    }

    /**
     * One step of mini-batch gradient descent with momentum on images {@code index[from … from+count)}: the
     * batch's mean gradient g = ∂E/∂p / count, then {@code v ← μ·v − η·g, p ← p + v}. Returns E summed over
     * the batch, at the parameters before the step; {@link #correct()} counts its images classified right.
     */
    public double step(FloatImages data, int[] index, int from, int count, double eta, double mu) {
        run(data, index, from, count, true, true, (float) (eta / count), (float) mu);
        return loss;
    }

    /** E summed over images {@code index[from … from+count)} (forward pass only); also sets {@link #correct()}. */
    public double evaluate(FloatImages data, int[] index, int from, int count) {
        double e = 0;
        int c = 0;
        for (int done = 0; done < count; done += capacity) {
            int n = Math.min(capacity, count - done);
            run(data, index, from + done, n, false, false, 0f, 0f);
            e += loss;
            c += correct;
        }
        correct = c;
        return e;
    }

    /** Images classified correctly by the last step or evaluation. */
    public int correct() {
        return correct;
    }

    private void run(FloatImages data, int[] index, int from, int count, boolean backward, boolean update,
                     float eta, float mu) {
        if (count < 1 || count > capacity) {
            throw new IllegalArgumentException("batch of " + count + ", capacity " + capacity);
        }
        if (data.pixels != layout.inputs() || data.classes != layout.outputs()) {
            throw new IllegalArgumentException("data do not fit network " + layout.shapeText());
        }
        job.kernels = fixed != null ? fixed : FloatKernels.current();
        job.data = data;
        job.index = index;
        job.from = from;
        job.count = count;
        job.backward = backward;
        job.update = update;
        job.eta = eta;
        job.mu = mu;
        team.run(job);
        job.data = null;
        job.index = null;
        double e = 0;
        int c = 0;
        for (Slice s : slices) {
            e += s.loss;
            c += s.correct[0];
        }
        loss = e;
        correct = c;
    }

    /** The current batch's work, one object for all batches (no allocation per batch). */
    private final class Job implements java.util.function.IntConsumer {
        FloatKernels kernels;
        FloatImages data;
        int[] index;
        int from;
        int count;
        boolean backward;
        boolean update;
        float eta;
        float mu;

        @Override
        public void accept(int s) {
            int t = slices.length;
            int lo = from + (int) ((long) count * s / t);
            int hi = from + (int) ((long) count * (s + 1) / t);
            pass(kernels, slices[s], data, index, lo, hi - lo, backward);
            if (backward) {
                team.barrier();
                reduce(kernels, s, update, eta, mu);
            }
        }
    }

    private final Job job = new Job();

    /** Forward (and backward) pass of one thread's share of the batch. */
    private void pass(FloatKernels k, Slice s, FloatImages data, int[] index, int from, int count, boolean backward) {
        s.count = count;
        for (int b = 0; b < count; b++) {
            int img = index == null ? from + b : index[from + b];
            s.in[b] = data.rows[img];
            s.y[b] = data.labels[img];
        }
        if (count == 0) {
            s.loss = 0;
            s.correct[0] = 0;
            if (backward) {
                for (int l = 0; l < layers; l++) {
                    for (float[] row : s.gwt[l]) {
                        java.util.Arrays.fill(row, 0f);
                    }
                    java.util.Arrays.fill(s.gth[l], 0f);
                }
            }
            return;
        }
        float[][] in = s.in;
        for (int l = 0; l < layers; l++) {
            boolean sigmoid = l < layers - 1 || output == Output.SIGMOID;
            // z_j = σ(Σ_i w_ji·x_i − θ_j)  (a softmax output layer keeps s_k for outputLayer)
            k.forward(in, count, layout.fanIn(l), wt[l], th[l], u[l], s.act[l], sigmoid, s.nz);
            in = s.act[l];
        }
        int out = layers - 1;
        s.loss = k.outputLayer(output, s.act[out], count, layout.outputs(), s.y, s.delta[out], s.correct);
        if (!backward) {
            return;
        }
        for (int l = out; l >= 0; l--) {
            float[][] below = l == 0 ? s.in : s.act[l - 1];
            k.weightGradient(below, count, layout.fanIn(l), s.delta[l], u[l], s.gwt[l], s.gth[l], s.nz);
            if (l > 0) {
                k.backward(s.delta[l], count, layout.units(l), w[l], u[l - 1], s.act[l - 1], s.delta[l - 1]);
            }
        }
    }

    /** Sums the threads' gradients for this thread's parameter rows and, when asked, steps them. */
    private void reduce(FloatKernels k, int s, boolean update, float eta, float mu) {
        Slice s0 = slices[0];
        for (int[] row : rowsOf[s]) {
            int l = row[0];
            int i = row[1];
            float[] g = i < 0 ? s0.gth[l] : s0.gwt[l][i];
            for (int t = 1; t < slices.length; t++) {
                k.add(g, i < 0 ? slices[t].gth[l] : slices[t].gwt[l][i], u[l]);
            }
            if (update) {
                if (i < 0) {
                    k.momentum(th[l], vth[l], g, u[l], eta, mu);
                } else {
                    k.momentum(wt[l][i], vwt[l][i], g, u[l], eta, mu);
                    if (l > 0) {
                        transpose(l, i);
                    }
                }
            }
        }
    }

    /** w[l][k][i] = wt[l][i][k]: the backward pass's copy of row i. */
    private void transpose(int l, int i) {
        float[] row = wt[l][i];
        float[][] wl = w[l];
        for (int kk = 0; kk < wl.length; kk++) {
            wl[kk][i] = row[kk];
        }
    }

    @Override
    public void close() {
        team.close();
    }
}
