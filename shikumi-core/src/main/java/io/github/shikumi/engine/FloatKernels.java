package io.github.shikumi.engine;

import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Exp;
import io.github.shikumi.model.Output;

/**
 * The loops of {@link FloatBackprop}, over image-major rows: {@code in[b]} is image b's row of inputs,
 * {@code out[b]} its row of this layer's units. Weights are kept transposed, one array per input unit:
 * {@code wt[i][j]} = w_ji, each row {@code u} long (the layer's units rounded up to a multiple of
 * {@link #ROW}); {@code w[k][j]} (the book's order, rows of the layer below's padded width) serves the
 * backward pass. Two implementations: {@link PlainFloatKernels} (loops over one row at a time, which the JIT
 * vectorises itself) and {@code VectorFloatKernels} (the Vector API, blocked in register tiles of images or inputs ×
 * vectors of units, chosen by how many vector registers the CPU has).
 */
abstract class FloatKernels {
    /** Rows of units are padded to a multiple of this many floats (one 512-bit vector). */
    static final int ROW = 16;
    /** Values below this in magnitude are flushed to 0 in the backward pass (denormal floats are slow). */
    static final float TINY = 1e-30f;

    /** Ints of scratch space the kernels need for batches of {@code count} rows of {@code nin} inputs. */
    static int scratch(int count, int nin) {
        return Math.max(count, nin);
    }

    /**
     * How many values the tiles for 16 vector registers take side by side: six images' values of an input in the
     * forward sums, six inputs' values of an image in the weight gradient.
     */
    static final int GROUP = 6;

    /** Floats of scratch space for those packed values, for up to {@code n} inputs (forward) or images (gradient). */
    static int packed(int n) {
        return GROUP * n;
    }

    /**
     * Enters row i of the weights ({@code row[j]} = w_ji, j &lt; u) in the layer's tiled copy: blocks of
     * {@link #ROW} units, each block holding its units' weights input after input, so that a register tile of the
     * forward sums reads one stretch of memory: {@code tiles[(j / ROW)·ROW·nin + i·ROW + j % ROW]} = w_ji.
     */
    static void tileRow(float[] row, int i, int nin, int u, float[] tiles) {
        for (int j = 0; j < u; j += ROW) {
            System.arraycopy(row, j, tiles, j * nin + i * ROW, ROW);
        }
    }

    /**
     * True when {@link #forward} reads the tiled copy of the weights and {@link #weightGradient} the tiled copy of
     * the deltas (else they may be null).
     */
    boolean tiled() {
        return false;
    }

    /** Input rows that {@link #weightGradient} takes side by side: a work item of the gradient phase has as many. */
    int rows() {
        return 4;
    }

    /** The tiled copy of all of a layer's rows (see {@link #tileRow}). */
    static float[] tiles(float[][] wt, int nin, int u) {
        float[] tiles = new float[nin * u];
        for (int i = 0; i < nin; i++) {
            tileRow(wt[i], i, nin, u, tiles);
        }
        return tiles;
    }

    private static final FloatKernels PLAIN = new PlainFloatKernels();
    private static final FloatKernels BEST =
            Simd.load("io.github.shikumi.engine.VectorFloatKernels", FloatKernels.class, PLAIN);

    static {
        System.getLogger("io.github.shikumi").log(System.Logger.Level.DEBUG,
                "float kernels: " + BEST.name() + ", " + BEST.tile());
    }

    private static volatile boolean warm = BEST == PLAIN;
    /** True once the kernels' warm-up has ended: they are warm, or they lost to the plain ones until its deadline. */
    private static volatile boolean settled = BEST == PLAIN;
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING = new java.util.concurrent.atomic.AtomicBoolean();
    /** Warm-ups of a run's own code (see {@link #warmUpAfter}) queued or running. */
    private static final java.util.concurrent.atomic.AtomicInteger PENDING = new java.util.concurrent.atomic.AtomicInteger();
    /** How long the kernels' warm-up keeps trying before it leaves the plain kernels in place for good. */
    private static final long GIVE_UP_NANOS = 20_000_000_000L;

    static FloatKernels best() {
        return BEST;
    }

    /**
     * The kernels to use now. Vector API code runs very slowly until the JIT has compiled it with all its
     * vector operations, so the first call starts a background thread that exercises the Vector API kernels on a
     * tiny problem, and until they beat the plain kernels there this returns the plain ones. Both compute the
     * same bits, so the switch does not change a run's numbers.
     */
    static FloatKernels current() {
        if (warm) {
            return BEST;
        }
        if (WARMING.compareAndSet(false, true)) {
            Thread t = new Thread(FloatKernels::warmUp, "shikumi-vector-warm-up");
            t.setDaemon(true);
            t.start();
        }
        return PLAIN;
    }

    /**
     * Runs {@code task} on a background thread once the kernels' warm-up has ended (a run's own code on
     * synthetic data of its shape, so that the JIT compiles it before the run needs it); {@link #awaitWarm}
     * waits for it too.
     */
    static void warmUpAfter(Runnable task) {
        current();
        PENDING.incrementAndGet();
        Thread t = new Thread(() -> {
            try {
                while (!settled) {
                    java.util.concurrent.locks.LockSupport.parkNanos(500_000);
                }
                if (warm) {
                    task.run();
                }
            } catch (RuntimeException | OutOfMemoryError e) {
                // a warm-up that fails costs only speed: the run itself reports what is wrong with its network
                System.getLogger("io.github.shikumi").log(System.Logger.Level.DEBUG, "warm-up left off: " + e);
            } finally {
                PENDING.decrementAndGet();
            }
        }, "shikumi-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Waits until the warm-ups have ended, at most {@code nanos}; true when the best kernels are ready then.
     * A JVM whose Vector API code is never faster (or the deadline) leaves the plain kernels, which are correct.
     */
    static boolean awaitWarm(long nanos) {
        current();
        long deadline = System.nanoTime() + nanos;
        while ((!settled || PENDING.get() > 0) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(500_000);
        }
        return warm;
    }

    /**
     * Runs both kernel sets on a tiny problem until the Vector API ones are faster three checks in a row. The
     * problem takes every path the kernels have (each register tile, rows left over, inputs blank in every
     * image), so that the JIT compiles each once, for good: a path first met by a real run would send the
     * compiled code back to the interpreter for a while.
     */
    private static void warmUp() {
        int count = 9; // two groups of four images and one left over (or one of six and three in one of four)
        int nin = 22; // five groups of four inputs and two left over (or three of six and four)
        int u = 7 * ROW; // 4x4, 4x2 and 4x1 tiles of 512-bit vectors (6x2 of 256-bit)
        int nk = 10;
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        float[][] in = new float[count][nin];
        float[][] out = new float[count][u];
        float[][] delta = new float[count][u];
        float[][] below = new float[count][u];
        float[][] wt = new float[nin][u];
        float[][] gwt = new float[nin][u];
        float[][] w = new float[nk][u];
        float[] th = new float[u];
        float[] gth = new float[u];
        int[] nz = new int[scratch(count, nin)];
        float[] xp = new float[packed(Math.max(count, nin))];
        for (float[][] m : new float[][][] {in, wt, w, delta}) {
            for (float[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextInt(4) == 0 ? 0f : (float) r.nextDouble(-1, 1);
                }
            }
        }
        for (float[] x : in) {
            java.util.Arrays.fill(x, 0, 4, 0f); // four inputs blank in every image (a tile with nothing to add)
        }
        float[] tiles = tiles(wt, nin, u);
        float[] dtiles = tiles(delta, count, u); // image b as row b
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        int wins = 0;
        try {
            while (wins < 3 && System.nanoTime() < deadline) {
                long[] time = new long[2];
                for (int set = 0; set < 2; set++) {
                    FloatKernels k = set == 0 ? BEST : PLAIN;
                    long start = System.nanoTime();
                    for (int round = 0; round < 20; round++) {
                        k.forward(in, count, nin, wt, tiles, th, u, out, Activation.SIGMOID, nz, xp);
                        k.forward(in, count, nin, wt, tiles, th, u, out, null, nz, xp);
                        k.backward(delta, count, nk, w, u, out, below, Activation.SIGMOID);
                        k.weightGradient(in, count, 0, nin, delta, dtiles, count, u, gwt, nz, xp);
                        k.thresholdGradient(delta, count, u, gth);
                    }
                    time[set] = System.nanoTime() - start;
                }
                wins = time[0] < time[1] ? wins + 1 : 0;
                if (wins == 0) {
                    // still slower: the JIT is compiling them. Rest as long as the round took (at most 20 ms), so
                    // that on 2 cores the compiler and the data load get this core half of the time; the counts
                    // that send code to C2 still grow (issue 13: 0.12-0.2 s less CPU per run, the same wall time)
                    java.util.concurrent.locks.LockSupport.parkNanos(Math.min(time[0], 20_000_000L));
                }
            }
            warm = wins >= 3;
        } finally {
            settled = true;
        }
    }

    /** True once {@link #current()} returns the best kernels (at once when they are the plain ones). */
    static boolean warm() {
        return warm;
    }

    static FloatKernels plain() {
        return PLAIN;
    }

    abstract String name();

    /** The register tile of the large products, e.g. "4x4 tiles of 512-bit vectors"; "rows" for the plain kernels. */
    String tile() {
        return "rows";
    }

    /**
     * {@code out[b][j] = Σ_i in[b][i]·wt[i][j] − th[j]} for b &lt; count, j &lt; u; then f of it, a row at a
     * time, unless {@code f} is null (s_j = Σ_i w_ji·x_i − θ_j, z_j = f(s_j), the book's σ(s_j)). Each sum
     * over the inputs i = 0, 1, … in order, by fused multiply-adds, from −θ_j (a term whose x_i is 0 may be left
     * out). {@code tiles} is the same weights in {@link #tileRow}'s order (kept in step with {@code wt} by the
     * caller; null unless {@link #tiled()}), {@code xp} scratch space of at least {@link #packed}(nin) floats.
     */
    abstract void forward(float[][] in, int count, int nin, float[][] wt, float[] tiles, float[] th, int u,
                          float[][] out, Activation f, int[] nz, float[] xp);

    /**
     * The deltas of the layer below: {@code below[b][j] = (Σ_k δ[b][k]·w[k][j])·f'(h[b][j])}
     * (δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j) for σ) for j &lt; ub, with values below {@link #TINY} flushed to 0.
     */
    abstract void backward(float[][] delta, int count, int nk, float[][] w, int ub, float[][] h, float[][] below,
                           Activation f);

    /**
     * {@code gwt[i][j] = Σ_b in[b][i]·δ[b][j]} (∂E/∂w_ji = Σ δ_j·x_i) for input rows {@code i0 ≤ i < i1},
     * j &lt; u: each sum over the images b = 0, 1, … in order, by fused multiply-adds (a term whose x_i is 0
     * may be left out: it adds ±0). {@code dtiles} is the same deltas in {@link #tileRow}'s order with image b as
     * row b of {@code stride} ({@code tileRow(delta[b], b, stride, u, dtiles)}; null unless {@link #tiled()}).
     * {@code nz} is scratch space of at least {@link #scratch}(count, nin) ints (here and in {@link #forward}),
     * {@code xp} of at least {@link #packed}(max(count, nin)) floats.
     */
    abstract void weightGradient(float[][] in, int count, int i0, int i1, float[][] delta, float[] dtiles,
                                 int stride, int u, float[][] gwt, int[] nz, float[] xp);

    /** {@code gth[j] = −Σ_b δ[b][j]} (∂E/∂θ_j = −Σ δ_j), the sum over the images in order. */
    abstract void thresholdGradient(float[][] delta, int count, int u, float[] gth);

    /**
     * The output layer of image rows {@code z[0 … count)} holding s_k (softmax) or z_k (sigmoid): turns them
     * into z_k, writes δO_k into {@code delta} (0 beyond k &lt; nk) and each image's e into {@code e[b]};
     * returns the number of images whose largest output is their label {@code y[b]}. e^x is {@link Exp#exp},
     * log {@link StrictMath#log}: the same bits on every machine.
     */
    int outputLayer(Output output, float[][] z, int count, int nk, int[] y, float[][] delta, double[] e) {
        int c = 0;
        for (int b = 0; b < count; b++) {
            // one image at a time in a method of its own: compiled once, early, not loop by loop (issue 13)
            e[b] = outputRow(output, z[b], nk, y[b], delta[b]);
            if (best(z[b], nk) == y[b]) {
                c++;
            }
        }
        return c;
    }

    /** One image's output layer (see {@link #outputLayer}): its z_k and δO_k in place, and its e. */
    private static double outputRow(Output output, float[] zb, int nk, int label, float[] db) {
        double eb = 0;
        if (output == Output.SOFTMAX) {
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < nk; k++) {
                max = Math.max(max, zb[k]);
            }
            double sum = 0;
            for (int k = 0; k < nk; k++) {
                float ek = (float) Exp.exp(zb[k] - max); // e^{s_k}, shifted so that nothing overflows
                zb[k] = ek;
                sum += ek;
            }
            float inv = (float) (1.0 / sum);
            for (int k = 0; k < nk; k++) {
                zb[k] *= inv; // z_k = e^{s_k} / Σ_m e^{s_m}
                db[k] = zb[k] - (k == label ? 1f : 0f); // δO_k = z_k − t_k
            }
            eb = -StrictMath.log(Math.max(zb[label], Float.MIN_NORMAL)); // e = −Σ_k t_k·log z_k
        } else {
            for (int k = 0; k < nk; k++) {
                float d = zb[k] - (k == label ? 1f : 0f);
                eb += 0.5 * d * d; // e = ½ Σ_k (t_k − z_k)²
                db[k] = d * zb[k] * (1f - zb[k]); // δO_k = −(t_k − z_k)·z_k(1 − z_k)
            }
        }
        for (int k = nk; k < db.length; k++) {
            db[k] = 0f;
        }
        return eb;
    }

    /** The first k of the largest z_k: the image's predicted class. */
    private static int best(float[] zb, int nk) {
        int best = 0;
        for (int k = 1; k < nk; k++) {
            if (zb[k] > zb[best]) {
                best = k;
            }
        }
        return best;
    }
}
