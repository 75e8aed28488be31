package io.github.shikumi.engine;

import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.update.UpdateRule;

/**
 * The float path for large data: mini-batch gradients and steps (by an {@link UpdateRule}: momentum, Adam, …)
 * of a network in {@code float},
 * with the book's formulas and conventions (those of {@link Backprop}, which is the reference it is checked
 * against). Weights are held transposed, one array per input unit, rows padded to whole vectors
 * ({@link FloatKernels}); every buffer is allocated here, so a step allocates nothing. Not thread-safe;
 * {@link #close()} stops the helper threads.
 *
 * <p>Same bits on any thread count (the reproducibility contract): a batch runs in two phases on a team of
 * threads. First each thread takes a share of the images and computes their forward pass, e and deltas:
 * values of one image, which do not depend on who computes them. Then, after a barrier, the parameter rows
 * are taken as work items (4 input rows of one layer, or its thresholds) by whichever thread is free: each
 * item sums over all the batch's images in order ({@link FloatKernels#weightGradient}) and steps its own
 * parameters. No sum is ever split between threads, so 1, 2 or 64 threads add the same terms in the same
 * order. E is summed image by image in order.
 */
public final class FloatBackprop implements AutoCloseable {

    private final ParamLayout layout;
    private final Output output;
    /** f[l]: the unit function of weight layer l; null for a softmax output layer. */
    private final Activation[] f;
    /** The update rule of {@link #step}, or null (then this object only computes gradients and losses). */
    private final UpdateRule rule;
    /** Steps taken (the rule's t). */
    private long steps;
    /** The kernels to use, or null for {@link FloatKernels#current()} at each batch. */
    private final FloatKernels fixed;
    private final int layers;
    /** Units of weight layer l rounded up to whole rows ({@link FloatKernels#ROW}). */
    private final int[] u;
    private final int capacity;
    private final Team team;
    /** wt[l][i][j] = w_ji of weight layer l. */
    private final float[][][] wt;
    /**
     * The same weights tiled for the forward sums ({@link FloatKernels#tileRow}), kept in step with wt; null
     * where the kernels this run may use do not read them ({@link FloatKernels#tiled()}).
     */
    private final float[][] tiles;
    /** The batch's deltas tiled for the weight gradient (image b as row b of capacity), or null (see tiles). */
    private final float[][] dtiles;
    /** th[l][j] = θ_j. */
    private final float[][] th;
    /** w[l][k][j] = w_kj (the book's order), for l ≥ 1: the backward pass. */
    private final float[][][] w;
    /** The rule's state: swt[l][i][slot] is the row of slot for input row i, sth[l][slot] for the thresholds. */
    private final float[][][][] swt;
    private final float[][][] sth;
    /** The batch's gradient: gwt[l][i][j] = ∂E/∂w_ji, gth[l][j] = ∂E/∂θ_j. */
    private final float[][][] gwt;
    private final float[][] gth;
    private final Slice[] slices;
    /** The batch's rows in image order, gathered from the slices: inputs, and per layer outputs and deltas. */
    private final float[][] allIn;
    private final float[][][] allAct;
    private final float[][][] allDelta;
    /** Work items of the gradient phase: {layer, first input row, end row}; end = −1 for the thresholds. */
    private final int[][] items;
    private final java.util.concurrent.atomic.AtomicInteger nextItem = new java.util.concurrent.atomic.AtomicInteger();
    private double loss;
    private int correct;

    /** Per-thread buffers: activations, deltas and each image's e of its share of a batch. */
    private final class Slice {
        final float[][] in;
        final int[] y;
        final float[][][] act;
        final float[][][] delta;
        final double[] e;
        final int[] nz;
        final float[] xp;
        int from;
        int count;
        int correct;

        Slice(int cap, int scratch, int packed) {
            nz = new int[scratch];
            xp = new float[packed];
            in = new float[cap][layout.inputs()];
            y = new int[cap];
            e = new double[cap];
            act = new float[layers][cap][];
            delta = new float[layers][cap][];
            for (int l = 0; l < layers; l++) {
                for (int b = 0; b < cap; b++) {
                    act[l][b] = new float[u[l]];
                    delta[l][b] = new float[u[l]];
                }
            }
        }
    }

    /**
     * For gradients and losses only ({@link #gradient}, {@link #evaluate}; no {@link #step}).
     *
     * @param net      the network (its parameters are copied, as floats)
     * @param capacity the largest batch
     * @param threads  threads to split each batch over (1 = the calling thread only); the results do not
     *                 depend on it
     */
    public FloatBackprop(Network net, int capacity, int threads) {
        this(net, capacity, threads, null, null);
    }

    /**
     * For training: {@link #step} by {@code rule}, its state starting at 0.
     *
     * @param net      the network (its parameters are copied, as floats)
     * @param capacity the largest batch
     * @param threads  threads to split each batch over; the results do not depend on it
     * @param rule     the update rule of each step
     */
    public FloatBackprop(Network net, int capacity, int threads, UpdateRule rule) {
        this(net, capacity, threads, rule, null);
    }

    FloatBackprop(Network net, int capacity, int threads, UpdateRule rule, FloatKernels kernels) {
        if (capacity < 1 || threads < 1) {
            throw new IllegalArgumentException("capacity " + capacity + ", threads " + threads);
        }
        this.layout = net.layout();
        this.output = net.output();
        this.rule = rule;
        this.fixed = kernels;
        this.layers = layout.layers();
        this.f = new Activation[layers];
        for (int l = 0; l < layers; l++) {
            f[l] = net.unitFunction(l);
        }
        this.capacity = capacity;
        u = new int[layers];
        for (int l = 0; l < layers; l++) {
            u[l] = (layout.units(l) + FloatKernels.ROW - 1) / FloatKernels.ROW * FloatKernels.ROW;
        }
        wt = new float[layers][][];
        tiles = new float[layers][];
        FloatKernels shape = kernels != null ? kernels : FloatKernels.best(); // the plain ones read no tiles
        boolean tiled = shape.tiled();
        int rows = shape.rows();
        dtiles = new float[layers][];
        th = new float[layers][];
        w = new float[layers][][];
        int slots = rule == null ? 0 : rule.slots();
        swt = new float[layers][][][];
        sth = new float[layers][][];
        gwt = new float[layers][][];
        gth = new float[layers][];
        java.util.List<int[]> work = new java.util.ArrayList<>();
        int widest = 1;
        for (int l = 0; l < layers; l++) {
            int nin = layout.fanIn(l);
            widest = Math.max(widest, nin);
            wt[l] = new float[nin][u[l]];
            tiles[l] = tiled ? new float[nin * u[l]] : null;
            dtiles[l] = tiled ? new float[capacity * u[l]] : null;
            swt[l] = new float[nin][slots][u[l]];
            gwt[l] = new float[nin][u[l]];
            th[l] = new float[u[l]];
            sth[l] = new float[slots][u[l]];
            gth[l] = new float[u[l]];
            if (l > 0) {
                w[l] = new float[layout.units(l)][u[l - 1]];
            }
            for (int i = 0; i < nin; i += rows) { // input rows per work item: the kernels' tile height
                work.add(new int[] {l, i, Math.min(nin, i + rows)});
            }
            work.add(new int[] {l, 0, -1});
        }
        items = work.toArray(new int[0][]);
        setParams(net.params());
        int t = Math.min(threads, capacity);
        int scratch = FloatKernels.scratch(capacity, widest);
        slices = new Slice[t];
        for (int s = 0; s < t; s++) {
            slices[s] = new Slice((capacity + t - 1) / t, scratch, FloatKernels.packed(Math.max(capacity, widest)));
        }
        allIn = new float[capacity][];
        allAct = new float[layers][capacity][];
        allDelta = new float[layers][capacity][];
        team = new Team(t);
    }

    /**
     * The kernels this JVM runs for floats once warmed up: "vector" or "plain".
     *
     * @return the name of the best float kernels of this JVM
     */
    public static String kernels() {
        return FloatKernels.best().name();
    }

    /**
     * The kernels and their register tile, e.g. "vector, 4x4 tiles of 512-bit vectors" (chosen from the CPU).
     *
     * @return the kernels' name and tile, for a report
     */
    public static String kernelsDescription() {
        return FloatKernels.best().name() + ", " + FloatKernels.best().tile();
    }

    /**
     * Starts warming up the Vector API kernels in the background (when the JVM has them), so that they are ready
     * sooner: call it before loading large data. Training works without it.
     */
    public static void warmUp() {
        FloatKernels.current();
    }

    /** The shapes whose warm-up has been started (see {@link #warmUp(Network, UpdateRule, int)}). */
    private static final java.util.Set<String> WARMED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Steps of the warm-up of a run's shape: enough for the JIT to compile the step's own code. */
    private static final int WARM_UP_STEPS = 60;
    /** Images per step of that warm-up at most: the compiled code does not depend on the batch's size. */
    private static final int WARM_UP_BATCH = 128;
    /** Its time budget: a large network stops warming up after it (its own steps are long enough to compile). */
    private static final long WARM_UP_NANOS = 1_500_000_000L;
    /**
     * The most parameters a network may have for its shape to be warmed up (784-128-10 has 101,770); a larger
     * one warms up only the kernels, and nothing of its size is allocated before the caller checked it.
     */
    public static final long WARM_UP_MAX_PARAMS = 2_000_000;

    /**
     * Starts warming up, in the background, everything a run of this network needs: the kernels, and then
     * {@link #step} itself, on synthetic images of the network's shape (its layers, functions, output and the
     * rule), so that the JIT has compiled all of it before the run's first batch. Call it before loading the
     * data, then {@link #awaitWarm} before the first step. Once per shape; the run's numbers do not depend on it.
     *
     * @param like  a network of the run's shape (its parameters do not matter)
     * @param rule  the run's update rule
     * @param batch the run's batch size
     */
    public static void warmUp(Network like, UpdateRule rule, int batch) {
        String key = like.layout().shapeText() + " " + like.output() + " " + rule.name() + " " + batch;
        for (int l = 0; l < like.layout().layers(); l++) {
            key += " " + like.unitFunction(l);
        }
        if (batch < 1 || like.layout().count() > WARM_UP_MAX_PARAMS) {
            warmUp();
            return;
        }
        if (!WARMED.add(key)) {
            return;
        }
        // at most WARM_UP_BATCH images a step and about 4 MB of pixels in all
        int images = (int) Math.max(1, Math.min(Math.min(batch, WARM_UP_BATCH), 2_000_000L / like.layout().inputs()));
        FloatKernels.warmUpAfter(() -> exercise(like, rule, images));
    }

    /**
     * Waits until the warm-ups started so far have ended, at most {@code millis} milliseconds.
     *
     * @param millis the longest wait
     * @return true when the best kernels ({@link #kernels()}) are ready, false while the plain ones are still used
     */
    public static boolean awaitWarm(long millis) {
        return FloatKernels.awaitWarm(millis * 1_000_000L);
    }

    /** {@link #WARM_UP_STEPS} steps and an evaluation of a copy of {@code like} on random sparse images. */
    private static void exercise(Network like, UpdateRule rule, int batch) {
        ParamLayout layout = like.layout();
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int n = 2 * batch;
        byte[] grey = new byte[n * layout.inputs()];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = r.nextBoolean() ? 0 : (byte) r.nextInt(1, 256); // about half the pixels blank, as in photos
        }
        int[] targets = new int[n];
        for (int b = 0; b < n; b++) {
            targets[b] = r.nextInt(layout.outputs());
        }
        FloatImages images = FloatImages.of(io.github.shikumi.data.Dataset.ofGreyLevels("warm-up", like.labels(),
                like.height(), like.width(), grey, 0, targets));
        double[] p = new double[layout.count()];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble(-0.1, 0.1);
        }
        try (FloatBackprop fb = new FloatBackprop(like.withParams(p), batch, 1, rule, FloatKernels.best())) {
            long start = System.nanoTime();
            for (int step = 0; step < WARM_UP_STEPS && System.nanoTime() - start < WARM_UP_NANOS; step++) {
                fb.step(images, null, step % 2 * batch, batch);
            }
            fb.evaluate(images, null, 0, n);
        }
    }

    /**
     * The kernels the next batch will run on: "vector", or "plain" while the Vector API code warms up.
     *
     * @return the name of the kernels in use now
     */
    public String kernelsNow() {
        return (fixed != null ? fixed : FloatKernels.current()).name();
    }

    /**
     * The threads each batch is split over.
     *
     * @return the thread count given at construction
     */
    public int threads() {
        return slices.length;
    }

    /**
     * Replaces the parameters (layout order, as doubles) and starts the rule's state again (0, step 1 next).
     *
     * @param p the new weights and thresholds in the layout's order, rounded to floats here
     * @throws IllegalArgumentException when {@code p} is not as long as the layout's count
     */
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
            for (int i = 0; tiles[l] != null && i < layout.fanIn(l); i++) {
                FloatKernels.tileRow(wt[l][i], i, layout.fanIn(l), u[l], tiles[l]);
            }
            steps = 0;
            for (float[][] rows : swt[l]) {
                for (float[] row : rows) {
                    java.util.Arrays.fill(row, 0f);
                }
            }
            for (float[] row : sth[l]) {
                java.util.Arrays.fill(row, 0f);
            }
            if (l > 0) {
                for (int i = 0; i < layout.fanIn(l); i++) {
                    transpose(l, i);
                }
            }
        }
    }

    /**
     * The parameters in the layout's order, as doubles.
     *
     * @return a new array of the current weights and thresholds (each float widened exactly to a double)
     */
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
     *
     * @param data  the images
     * @param index image numbers of {@code data} (a shuffled order), or null for images {@code from …} in order
     * @param from  the first position in {@code index}
     * @param count the batch's size, 1 … capacity
     * @param grad  receives ∂E/∂p of the batch (∂E/∂w_ji = Σ δ_j·x_i, ∂E/∂θ_j = −Σ δ_j); overwritten
     * @return E = Σ over the batch's images of e, at the current parameters
     * @throws IllegalArgumentException when {@code count} is not from 1 to the capacity, or the data do not
     *                                  fit the network
     */
    public double gradient(FloatImages data, int[] index, int from, int count, double[] grad) {
        run(data, index, from, count, true, false);
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < layout.units(l); j++) {
                for (int i = 0; i < layout.fanIn(l); i++) {
                    grad[layout.weight(l, j, i)] = gwt[l][i][j];
                }
                grad[layout.threshold(l, j)] = gth[l][j];
            }
        }
        return loss;
    }

    /**
     * One step of mini-batch gradient descent by the rule on images {@code index[from … from+count)}: the
     * batch's mean gradient g = ∂E/∂p / count, then the rule's step (momentum: {@code v ← μ·v − η·g, p ← p + v}).
     * Returns E summed over the batch, at the parameters before the step; {@link #correct()} counts its images
     * classified right.
     *
     * @param data  the images
     * @param index image numbers of {@code data} (a shuffled order), or null for images {@code from …} in order
     * @param from  the first position in {@code index}
     * @param count the batch's size, 1 … capacity
     * @return E summed over the batch, before the step
     * @throws IllegalStateException when this object was made without a rule
     * @throws IllegalArgumentException when {@code count} is not from 1 to the capacity, or the data do not
     *                                  fit the network
     */
    public double step(FloatImages data, int[] index, int from, int count) {
        if (rule == null) {
            throw new IllegalStateException("no update rule");
        }
        steps++;
        run(data, index, from, count, true, true);
        return loss;
    }

    /**
     * E summed over images {@code index[from … from+count)} (forward pass only); also sets {@link #correct()}.
     * Any number of images: they are run in batches of the capacity.
     *
     * @param data  the images
     * @param index image numbers of {@code data}, or null for images {@code from …} in order
     * @param from  the first position in {@code index}
     * @param count how many images
     * @return E = Σ over those images of e, at the current parameters
     */
    public double evaluate(FloatImages data, int[] index, int from, int count) {
        return evaluate(data, index, from, count, null);
    }

    /**
     * As {@link #evaluate(FloatImages, int[], int, int)}, and each image's outputs z_1 … z_K (those the loss and
     * {@link #correct()} were computed from) into {@code outputs}: image {@code m} of the {@code count}, output
     * {@code k} at {@code outputs[m·K + k]}.
     *
     * @param data    the images
     * @param index   image numbers of {@code data}, or null for images {@code from …} in order
     * @param from    the first position in {@code index}
     * @param count   how many images
     * @param outputs receives count × K outputs, image by image; null for none
     * @return E = Σ over those images of e, at the current parameters
     * @throws IllegalArgumentException when {@code outputs} is shorter than count × K
     */
    public double evaluate(FloatImages data, int[] index, int from, int count, float[] outputs) {
        int nk = layout.outputs();
        if (outputs != null && outputs.length < (long) count * nk) {
            throw new IllegalArgumentException(outputs.length + " outputs for " + count + " images of " + nk);
        }
        double e = 0;
        int c = 0;
        for (int done = 0; done < count; done += capacity) {
            int n = Math.min(capacity, count - done);
            run(data, index, from + done, n, false, false);
            e += loss;
            c += correct;
            if (outputs != null) {
                for (Slice s : slices) {
                    for (int b = 0; b < s.count; b++) {
                        System.arraycopy(s.act[layers - 1][b], 0, outputs, (done + s.from + b) * nk, nk);
                    }
                }
            }
        }
        correct = c;
        return e;
    }

    /**
     * Images classified correctly by the last step or evaluation.
     *
     * @return the number of images whose largest output is their label's
     */
    public int correct() {
        return correct;
    }

    private void run(FloatImages data, int[] index, int from, int count, boolean backward, boolean update) {
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
        nextItem.set(0);
        if (fixed == null && slices.length > 1 && !FloatKernels.warm()) {
            // while the JIT compiles the Vector API kernels, the batch runs on this thread alone and leaves the
            // other cores to the compiler (a team would fight it for them); the results do not depend on it
            job.alone();
        } else {
            team.run(job);
        }
        job.data = null;
        job.index = null;
        double e = 0;
        int c = 0;
        for (Slice s : slices) {
            e = addLosses(e, s.e, s.count);
            c += s.correct;
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

        @Override
        public void accept(int s) {
            images(s);
            if (backward) {
                team.barrier();
                items(s);
            }
        }

        /** Phase 1: slice s's images. */
        void images(int s) {
            int t = slices.length;
            int lo = (int) ((long) count * s / t);
            int hi = (int) ((long) count * (s + 1) / t);
            pass(kernels, slices[s], data, index, from, lo, hi - lo, backward);
        }

        /** Phase 2: work items until none is left, with slice s's scratch space. */
        void items(int s) {
            for (int it = nextItem.getAndIncrement(); it < items.length; it = nextItem.getAndIncrement()) {
                gradientItem(kernels, items[it], slices[s], update);
            }
        }

        /** Both phases of every slice on the calling thread: the same work, so the same bits, as the team's. */
        void alone() {
            for (int s = 0; s < slices.length; s++) {
                images(s);
            }
            if (backward) {
                items(0);
            }
        }
    }

    private final Job job = new Job();

    /**
     * Forward (and backward) pass of one thread's share of the batch: images {@code first … first+count)} of
     * the batch, i.e. {@code index[from + first …]}; their rows are also entered in the batch's image order.
     */
    private void pass(FloatKernels k, Slice s, FloatImages data, int[] index, int from, int first, int count,
                      boolean backward) {
        s.from = first;
        s.count = count;
        s.correct = 0;
        gather(s, data, index, from + first, count);
        if (count == 0) {
            return;
        }
        float[][] in = s.in;
        for (int l = 0; l < layers; l++) {
            // z_j = σ(Σ_i w_ji·x_i − θ_j) or the layer's f  (a softmax output layer keeps s_k for outputLayer)
            k.forward(in, count, layout.fanIn(l), wt[l], tiles[l], th[l], u[l], s.act[l], f[l], s.nz, s.xp);
            in = s.act[l];
        }
        int out = layers - 1;
        s.correct = k.outputLayer(output, s.act[out], count, layout.outputs(), s.y, s.delta[out], s.e);
        if (!backward) {
            return;
        }
        for (int l = out; l > 0; l--) {
            // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j) (another activation: its f'(h_j))
            k.backward(s.delta[l], count, layout.units(l), w[l], u[l - 1], s.act[l - 1], s.delta[l - 1], f[l - 1]);
        }
        keep(s, first, count);
    }

    // The loops over a slice's images are methods of their own (here and in run and outputLayer): each runs once
    // per batch, and in pass itself the JIT compiled every such loop on its own (on-stack replacements) before it
    // compiled pass, about 0.3 s of a core during the warm-up and epoch 1 (issue 13).

    /** {@code e} plus the images' e in order (E = Σ_images e, image by image). */
    private static double addLosses(double e, double[] each, int count) {
        for (int b = 0; b < count; b++) {
            e += each[b];
        }
        return e;
    }

    /** The slice's own float copies of its images and their labels. */
    private static void gather(Slice s, FloatImages data, int[] index, int at, int count) {
        for (int b = 0; b < count; b++) {
            int img = index == null ? at + b : index[at + b];
            data.row(img, s.in[b]); // the batch's own float copy of the image
            s.y[b] = data.labels[img];
        }
    }

    /** The gradient phase's view of the batch: the slice's rows put in the batch's order. */
    private void keep(Slice s, int first, int count) {
        for (int b = 0; b < count; b++) {
            allIn[first + b] = s.in[b];
            for (int l = 0; l < layers; l++) {
                allAct[l][first + b] = s.act[l][b];
                allDelta[l][first + b] = s.delta[l][b];
                if (dtiles[l] != null) {
                    FloatKernels.tileRow(s.delta[l][b], first + b, capacity, u[l], dtiles[l]);
                }
            }
        }
    }

    /**
     * One work item of the gradient phase: ∂E/∂w_ji for its input rows (or ∂E/∂θ_j), summed over all the
     * batch's images in order, and, when asked, the rule's step of those parameters.
     */
    private void gradientItem(FloatKernels k, int[] item, Slice s, boolean update) {
        int l = item[0];
        int count = job.count;
        if (item[2] < 0) {
            k.thresholdGradient(allDelta[l], count, u[l], gth[l]); // ∂E/∂θ_j = −Σ δ_j
            if (update) {
                rule.step(th[l], gth[l], sth[l], u[l], count, steps); // e.g. v ← μ·v − η·g, p ← p + v
            }
            return;
        }
        float[][] below = l == 0 ? allIn : allAct[l - 1];
        // ∂E/∂w_ji = Σ δ_j·x_i
        k.weightGradient(below, count, item[1], item[2], allDelta[l], dtiles[l], capacity, u[l], gwt[l], s.nz, s.xp);
        if (update) {
            for (int i = item[1]; i < item[2]; i++) {
                rule.step(wt[l][i], gwt[l][i], swt[l][i], u[l], count, steps);
                if (tiles[l] != null) {
                    FloatKernels.tileRow(wt[l][i], i, layout.fanIn(l), u[l], tiles[l]); // the forward sums' copy
                }
                if (l > 0) {
                    transpose(l, i);
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
