package io.github.shikumi.engine;

import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Exp;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link FloatKernels} with the Vector API. The two large products (forward: images × inputs × units; weight
 * gradient: inputs × images × units) run in register tiles of rows × vectors ({@link #wide}): the tile's sums stay
 * in registers for the whole inner loop, and each loaded vector and broadcast value feeds several of them, so the
 * loop is bound by multiply-adds rather than by loads. Steps whose input values are all 0 (blank pixels) are
 * left out through a list of the others (a branch inside the loop would make the JIT box the vectors). With 16
 * vector registers both read the weights or the deltas from a tiled copy ({@link FloatKernels#tileRow}) and the
 * images' values packed side by side, so that each step's loads come from two stretches of memory. Each sum is
 * formed in the same order with the same fused multiply-adds as in
 * {@link PlainFloatKernels}, so both give the same bits (up to the sign of a zero). Loaded by name only when
 * {@code jdk.incubator.vector} is present ({@link Simd}).
 */
final class VectorFloatKernels extends FloatKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.length() <= ROW
            ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;
    private static final int L = S.length();
    /**
     * The int lanes of the same shape, for the sigmoid's 2^k. Given as a constant on purpose: the reinterpreting
     * calls that derive it ({@code reinterpretAsInts()}, {@code reinterpretAsFloats()}) look the species up at run
     * time, and JDK 17's C2 then cannot compile them to a register move (it falls back to copying each vector
     * through a ByteBuffer: 1.4 GB of garbage and about 10 % of an epoch of Fashion-MNIST).
     */
    private static final VectorSpecies<Integer> I = S.withLanes(int.class);

    private static final FloatKernels PLAIN = new PlainFloatKernels();
    private static final float LOG2E = Exp.F_LOG2E;
    private static final float LN2_HI = Exp.F_LN2_HI;
    private static final float LN2_LO = Exp.F_LN2_LO;
    private static final float ROUND = Exp.F_ROUND;

    /**
     * The register tiles of the two large products. Wide, for CPUs with 32 vector registers (AVX-512, ARM): 4 rows
     * × 4 vectors in both (16 sums, 4 loaded vectors and a broadcast: 21 registers), reading the rows of wt and
     * of the deltas. Narrow, for AVX2's 16: 6 images × 2 vectors in the forward sums, 6 inputs × 2 vectors in the
     * weight gradient (12 sums, 2 loaded vectors and a broadcast: 15 registers), reading the tiled copies of the
     * weights and of the deltas and the values of the images packed side by side. The tile only decides which
     * sums run side by side; every sum is formed in the same order, so both give the same bits.
     */
    private final boolean wide;

    /** The tile for this CPU: wide when it has 32 vector registers (512-bit vectors, or ARM). */
    VectorFloatKernels() {
        this(tileFromProperty());
    }

    VectorFloatKernels(boolean wide) {
        this.wide = wide;
    }

    private static boolean tileFromProperty() {
        String forced = System.getProperty("shikumi.tile", "");
        if (forced.equals("4x4")) {
            return true;
        }
        if (forced.equals("6x2")) {
            return false;
        }
        return L * Float.SIZE >= 512 || System.getProperty("os.arch", "").equals("aarch64");
    }

    @Override
    String name() {
        return "vector";
    }

    @Override
    String tile() {
        return (wide ? "4x4" : "6x2") + " tiles of " + (L * Float.SIZE) + "-bit vectors";
    }


    @Override
    boolean tiled() {
        return !wide;
    }

    @Override
    int rows() {
        return wide ? 4 : GROUP;
    }

    @Override
    void forward(float[][] in, int count, int nin, float[][] wt, float[] tiles, float[] th, int u, float[][] out,
                 Activation f, int[] nz, float[] xp) {
        if (wide) {
            forwardRows(in, count, nin, wt, th, u, out, nz);
        } else {
            forwardTiled(in, count, nin, tiles, th, u, out, nz, xp);
        }
        for (int b = 0; f != null && b < count; b++) {
            if (f == Activation.SIGMOID) {
                sigmoid(out[b], u); // z_j = σ(s_j), the role's bits a vector at a time
            } else {
                f.activate(out[b], u); // z_j = f(s_j)
            }
        }
    }

    /** The sums of 32 vector registers: groups of 4 images × 4 vectors, reading the rows of wt. */
    private static void forwardRows(float[][] in, int count, int nin, float[][] wt, float[] th, int u,
                                    float[][] out, int[] nz) {
        int b = 0;
        for (; b + 3 < count; b += 4) {
            float[] x0 = in[b];
            float[] x1 = in[b + 1];
            float[] x2 = in[b + 2];
            float[] x3 = in[b + 3];
            int nnz = 0;
            for (int i = 0; i < nin; i++) {
                nz[nnz] = i;
                // not blank in all four; | rather than ||: no branch whose side the warm-up's images may never take
                // (C2 compiled the || form from a profile in which one never was, and had to compile it again)
                nnz += x0[i] != 0f | x1[i] != 0f | x2[i] != 0f | x3[i] != 0f ? 1 : 0;
            }
            float[] o0 = out[b];
            float[] o1 = out[b + 1];
            float[] o2 = out[b + 2];
            float[] o3 = out[b + 3];
            int j = 0;
            for (; j + 4 * L <= u; j += 4 * L) {
                forward4x4(x0, x1, x2, x3, nz, nnz, wt, th, j, o0, o1, o2, o3);
            }
            for (; j + 2 * L <= u; j += 2 * L) {
                forward4x2(x0, x1, x2, x3, nz, nnz, wt, th, j, o0, o1, o2, o3);
            }
            for (; j < u; j += L) {
                forward4x1(x0, x1, x2, x3, nz, nnz, wt, th, j, o0, o1, o2, o3);
            }
        }
        for (; b < count; b++) {
            float[] x = in[b];
            int nnz = 0;
            for (int i = 0; i < nin; i++) {
                nz[nnz] = i;
                nnz += x[i] != 0f ? 1 : 0;
            }
            forwardRow(x, nz, nnz, wt, th, u, out[b]);
        }
    }

    /**
     * The sums of 16 vector registers: groups of 6 images × 2 vectors, reading the tiled weights and the packed
     * values. The last images of a batch go in a group of four when there are at most four, else of six; a group
     * that is short repeats its last image (the same sums, written to the same row again: the same bits, and
     * cheaper than sums of one image at a time).
     */
    private static void forwardTiled(float[][] in, int count, int nin, float[] tiles, float[] th, int u,
                                     float[][] out, int[] nz, float[] xp) {
        for (int b = 0; b < count; ) {
            int left = count - b;
            if (left <= 4) {
                int n = left - 1;
                float[] x0 = in[b], x1 = in[b + Math.min(1, n)], x2 = in[b + Math.min(2, n)], x3 = in[b + n];
                int nnz = pack4(x0, x1, x2, x3, nin, nz, xp);
                float[] o0 = out[b], o1 = out[b + Math.min(1, n)], o2 = out[b + Math.min(2, n)], o3 = out[b + n];
                int j = 0;
                for (; j + 2 * L <= u; j += 2 * L) {
                    tiled4x2(xp, nz, nnz, tiles, nin, th, j, o0, o1, o2, o3);
                }
                for (; j < u; j += L) {
                    tiled4x1(xp, nz, nnz, tiles, nin, th, j, o0, o1, o2, o3);
                }
                return;
            }
            int n = Math.min(GROUP, left) - 1;
            float[] x0 = in[b], x1 = in[b + 1], x2 = in[b + 2];
            float[] x3 = in[b + 3], x4 = in[b + 4], x5 = in[b + n];
            int nnz = pack6(x0, x1, x2, x3, x4, x5, nin, nz, xp);
            float[] o0 = out[b], o1 = out[b + 1], o2 = out[b + 2];
            float[] o3 = out[b + 3], o4 = out[b + 4], o5 = out[b + n];
            int j = 0;
            for (; j + 2 * L <= u; j += 2 * L) {
                tiled6x2(xp, nz, nnz, tiles, nin, th, j, o0, o1, o2, o3, o4, o5);
            }
            for (; j < u; j += L) {
                tiled6x1(xp, nz, nnz, tiles, nin, th, j, o0, o1, o2, o3, o4, o5);
            }
            b += GROUP;
        }
    }

    /**
     * The inputs of four images that are not blank in all four: {@code nz[q]} = i·ROW (input i's place in a block
     * of the tiled weights) and {@code xp[4q … 4q+3]} their four values side by side; returns how many.
     */
    private static int pack4(float[] x0, float[] x1, float[] x2, float[] x3, int nin, int[] nz, float[] xp) {
        int nnz = 0;
        for (int i = 0; i < nin; i++) {
            float v0 = x0[i], v1 = x1[i], v2 = x2[i], v3 = x3[i];
            int p = 4 * nnz;
            xp[p] = v0;
            xp[p + 1] = v1;
            xp[p + 2] = v2;
            xp[p + 3] = v3;
            nz[nnz] = i * ROW;
            nnz += v0 != 0f | v1 != 0f | v2 != 0f | v3 != 0f ? 1 : 0; // not blank in all four
        }
        return nnz;
    }

    /** {@link #pack4} for six images: {@code xp[6q … 6q+5]}. */
    private static int pack6(float[] x0, float[] x1, float[] x2, float[] x3, float[] x4, float[] x5, int nin,
                             int[] nz, float[] xp) {
        int nnz = 0;
        for (int i = 0; i < nin; i++) {
            float v0 = x0[i], v1 = x1[i], v2 = x2[i], v3 = x3[i], v4 = x4[i], v5 = x5[i];
            int p = GROUP * nnz;
            xp[p] = v0;
            xp[p + 1] = v1;
            xp[p + 2] = v2;
            xp[p + 3] = v3;
            xp[p + 4] = v4;
            xp[p + 5] = v5;
            nz[nnz] = i * ROW;
            nnz += v0 != 0f | v1 != 0f | v2 != 0f | v3 != 0f | v4 != 0f | v5 != 0f ? 1 : 0; // not blank in all six
        }
        return nnz;
    }

    /**
     * Where unit j's block of a tiled copy of rows {@code stride} long starts, plus j's place in it
     * ({@link FloatKernels#tileRow}).
     */
    private static int block(int j, int stride) {
        return j / ROW * ROW * stride + j % ROW;
    }

    // The register tiles of the forward sums, each a method of its own: the JIT compiles each once, early
    // (it is called thousands of times per epoch), with the same code for every layer and batch. First those of
    // 32 vector registers, which read the rows of wt.

    /** s_j = Σ_i w_ji·x_i − θ_j for 4 images × 4 vectors of units from j, over the inputs {@code nz[0 … nnz)}. */
    private static void forward4x4(float[] x0, float[] x1, float[] x2, float[] x3, int[] nz, int nnz, float[][] wt,
                                   float[] th, int j, float[] o0, float[] o1, float[] o2, float[] o3) {
        FloatVector t0 = FloatVector.fromArray(S, th, j).neg();
        FloatVector t1 = FloatVector.fromArray(S, th, j + L).neg();
        FloatVector t2 = FloatVector.fromArray(S, th, j + 2 * L).neg();
        FloatVector t3 = FloatVector.fromArray(S, th, j + 3 * L).neg();
        FloatVector a00 = t0, a01 = t1, a02 = t2, a03 = t3;
        FloatVector a10 = t0, a11 = t1, a12 = t2, a13 = t3;
        FloatVector a20 = t0, a21 = t1, a22 = t2, a23 = t3;
        FloatVector a30 = t0, a31 = t1, a32 = t2, a33 = t3;
        for (int q = 0; q < nnz; q++) {
            int i = nz[q];
            float[] row = wt[i];
            FloatVector w0 = FloatVector.fromArray(S, row, j);
            FloatVector w1 = FloatVector.fromArray(S, row, j + L);
            FloatVector w2 = FloatVector.fromArray(S, row, j + 2 * L);
            FloatVector w3 = FloatVector.fromArray(S, row, j + 3 * L);
            FloatVector x = FloatVector.broadcast(S, x0[i]);
            a00 = w0.fma(x, a00);
            a01 = w1.fma(x, a01);
            a02 = w2.fma(x, a02);
            a03 = w3.fma(x, a03);
            x = FloatVector.broadcast(S, x1[i]);
            a10 = w0.fma(x, a10);
            a11 = w1.fma(x, a11);
            a12 = w2.fma(x, a12);
            a13 = w3.fma(x, a13);
            x = FloatVector.broadcast(S, x2[i]);
            a20 = w0.fma(x, a20);
            a21 = w1.fma(x, a21);
            a22 = w2.fma(x, a22);
            a23 = w3.fma(x, a23);
            x = FloatVector.broadcast(S, x3[i]);
            a30 = w0.fma(x, a30);
            a31 = w1.fma(x, a31);
            a32 = w2.fma(x, a32);
            a33 = w3.fma(x, a33);
        }
        a00.intoArray(o0, j);
        a01.intoArray(o0, j + L);
        a02.intoArray(o0, j + 2 * L);
        a03.intoArray(o0, j + 3 * L);
        a10.intoArray(o1, j);
        a11.intoArray(o1, j + L);
        a12.intoArray(o1, j + 2 * L);
        a13.intoArray(o1, j + 3 * L);
        a20.intoArray(o2, j);
        a21.intoArray(o2, j + L);
        a22.intoArray(o2, j + 2 * L);
        a23.intoArray(o2, j + 3 * L);
        a30.intoArray(o3, j);
        a31.intoArray(o3, j + L);
        a32.intoArray(o3, j + 2 * L);
        a33.intoArray(o3, j + 3 * L);
    }

    /** {@link #forward4x4} for 4 images × 2 vectors of units (8 sums: for 16 vector registers). */
    private static void forward4x2(float[] x0, float[] x1, float[] x2, float[] x3, int[] nz, int nnz, float[][] wt,
                                   float[] th, int j, float[] o0, float[] o1, float[] o2, float[] o3) {
        FloatVector t0 = FloatVector.fromArray(S, th, j).neg();
        FloatVector t1 = FloatVector.fromArray(S, th, j + L).neg();
        FloatVector a00 = t0, a01 = t1;
        FloatVector a10 = t0, a11 = t1;
        FloatVector a20 = t0, a21 = t1;
        FloatVector a30 = t0, a31 = t1;
        for (int q = 0; q < nnz; q++) {
            int i = nz[q];
            float[] row = wt[i];
            FloatVector w0 = FloatVector.fromArray(S, row, j);
            FloatVector w1 = FloatVector.fromArray(S, row, j + L);
            FloatVector x = FloatVector.broadcast(S, x0[i]);
            a00 = w0.fma(x, a00);
            a01 = w1.fma(x, a01);
            x = FloatVector.broadcast(S, x1[i]);
            a10 = w0.fma(x, a10);
            a11 = w1.fma(x, a11);
            x = FloatVector.broadcast(S, x2[i]);
            a20 = w0.fma(x, a20);
            a21 = w1.fma(x, a21);
            x = FloatVector.broadcast(S, x3[i]);
            a30 = w0.fma(x, a30);
            a31 = w1.fma(x, a31);
        }
        a00.intoArray(o0, j);
        a01.intoArray(o0, j + L);
        a10.intoArray(o1, j);
        a11.intoArray(o1, j + L);
        a20.intoArray(o2, j);
        a21.intoArray(o2, j + L);
        a30.intoArray(o3, j);
        a31.intoArray(o3, j + L);
    }

    /** {@link #forward4x4} for 4 images × 1 vector of units (the rest of a row). */
    private static void forward4x1(float[] x0, float[] x1, float[] x2, float[] x3, int[] nz, int nnz, float[][] wt,
                                   float[] th, int j, float[] o0, float[] o1, float[] o2, float[] o3) {
        FloatVector t = FloatVector.fromArray(S, th, j).neg();
        FloatVector a0 = t, a1 = t, a2 = t, a3 = t;
        for (int q = 0; q < nnz; q++) {
            int i = nz[q];
            FloatVector w = FloatVector.fromArray(S, wt[i], j);
            a0 = w.fma(FloatVector.broadcast(S, x0[i]), a0);
            a1 = w.fma(FloatVector.broadcast(S, x1[i]), a1);
            a2 = w.fma(FloatVector.broadcast(S, x2[i]), a2);
            a3 = w.fma(FloatVector.broadcast(S, x3[i]), a3);
        }
        a0.intoArray(o0, j);
        a1.intoArray(o1, j);
        a2.intoArray(o2, j);
        a3.intoArray(o3, j);
    }

    /** The forward sums of one image (the last images of a batch that do not make a group of four). */
    private static void forwardRow(float[] x, int[] nz, int nnz, float[][] wt, float[] th, int u, float[] o) {
        for (int j = 0; j < u; j += L) {
            FloatVector a = FloatVector.fromArray(S, th, j).neg();
            for (int q = 0; q < nnz; q++) {
                int i = nz[q];
                a = FloatVector.fromArray(S, wt[i], j).fma(FloatVector.broadcast(S, x[i]), a);
            }
            a.intoArray(o, j);
        }
    }

    // The tiles of the forward sums on 16 vector registers (AVX2): each reads the weights of its units from the
    // tiled copy (one stretch of memory per block of ROW units) and the images' values from the packed list, and
    // adds the inputs nz[0 … nnz) in order. (With 32 registers, 4 images × 4 vectors from the rows of wt were as
    // fast or faster: the packing costs more than it saves when a group has only a few tiles.)

    /**
     * s_j = Σ_i w_ji·x_i − θ_j for 6 images × 2 vectors of units from j (12 sums, 2 loaded vectors and a
     * broadcast: 15 registers, for AVX2's 16).
     */
    private static void tiled6x2(float[] xp, int[] nz, int nnz, float[] tiles, int nin, float[] th, int j,
                                   float[] o0, float[] o1, float[] o2, float[] o3, float[] o4, float[] o5) {
        FloatVector t0 = FloatVector.fromArray(S, th, j).neg();
        FloatVector t1 = FloatVector.fromArray(S, th, j + L).neg();
        FloatVector a00 = t0, a01 = t1;
        FloatVector a10 = t0, a11 = t1;
        FloatVector a20 = t0, a21 = t1;
        FloatVector a30 = t0, a31 = t1;
        FloatVector a40 = t0, a41 = t1;
        FloatVector a50 = t0, a51 = t1;
        int p0 = block(j, nin), p1 = block(j + L, nin);
        for (int q = 0; q < nnz; q++) {
            int o = nz[q];
            FloatVector w0 = FloatVector.fromArray(S, tiles, p0 + o);
            FloatVector w1 = FloatVector.fromArray(S, tiles, p1 + o);
            int p = GROUP * q;
            FloatVector x = FloatVector.broadcast(S, xp[p]);
            a00 = w0.fma(x, a00);
            a01 = w1.fma(x, a01);
            x = FloatVector.broadcast(S, xp[p + 1]);
            a10 = w0.fma(x, a10);
            a11 = w1.fma(x, a11);
            x = FloatVector.broadcast(S, xp[p + 2]);
            a20 = w0.fma(x, a20);
            a21 = w1.fma(x, a21);
            x = FloatVector.broadcast(S, xp[p + 3]);
            a30 = w0.fma(x, a30);
            a31 = w1.fma(x, a31);
            x = FloatVector.broadcast(S, xp[p + 4]);
            a40 = w0.fma(x, a40);
            a41 = w1.fma(x, a41);
            x = FloatVector.broadcast(S, xp[p + 5]);
            a50 = w0.fma(x, a50);
            a51 = w1.fma(x, a51);
        }
        a00.intoArray(o0, j);
        a01.intoArray(o0, j + L);
        a10.intoArray(o1, j);
        a11.intoArray(o1, j + L);
        a20.intoArray(o2, j);
        a21.intoArray(o2, j + L);
        a30.intoArray(o3, j);
        a31.intoArray(o3, j + L);
        a40.intoArray(o4, j);
        a41.intoArray(o4, j + L);
        a50.intoArray(o5, j);
        a51.intoArray(o5, j + L);
    }

    /** {@link #tiled6x2} for 6 images × 1 vector of units (the rest of a row). */
    private static void tiled6x1(float[] xp, int[] nz, int nnz, float[] tiles, int nin, float[] th, int j,
                                   float[] o0, float[] o1, float[] o2, float[] o3, float[] o4, float[] o5) {
        FloatVector t = FloatVector.fromArray(S, th, j).neg();
        FloatVector a0 = t, a1 = t, a2 = t, a3 = t, a4 = t, a5 = t;
        int pw = block(j, nin);
        for (int q = 0; q < nnz; q++) {
            FloatVector w = FloatVector.fromArray(S, tiles, pw + nz[q]);
            int p = GROUP * q;
            a0 = w.fma(FloatVector.broadcast(S, xp[p]), a0);
            a1 = w.fma(FloatVector.broadcast(S, xp[p + 1]), a1);
            a2 = w.fma(FloatVector.broadcast(S, xp[p + 2]), a2);
            a3 = w.fma(FloatVector.broadcast(S, xp[p + 3]), a3);
            a4 = w.fma(FloatVector.broadcast(S, xp[p + 4]), a4);
            a5 = w.fma(FloatVector.broadcast(S, xp[p + 5]), a5);
        }
        a0.intoArray(o0, j);
        a1.intoArray(o1, j);
        a2.intoArray(o2, j);
        a3.intoArray(o3, j);
        a4.intoArray(o4, j);
        a5.intoArray(o5, j);
    }

    /** {@link #tiled6x2} for 4 images × 2 vectors of units (the last images of a batch: 8 sums). */
    private static void tiled4x2(float[] xp, int[] nz, int nnz, float[] tiles, int nin, float[] th, int j,
                                   float[] o0, float[] o1, float[] o2, float[] o3) {
        FloatVector t0 = FloatVector.fromArray(S, th, j).neg();
        FloatVector t1 = FloatVector.fromArray(S, th, j + L).neg();
        FloatVector a00 = t0, a01 = t1;
        FloatVector a10 = t0, a11 = t1;
        FloatVector a20 = t0, a21 = t1;
        FloatVector a30 = t0, a31 = t1;
        int p0 = block(j, nin), p1 = block(j + L, nin);
        for (int q = 0; q < nnz; q++) {
            int o = nz[q];
            FloatVector w0 = FloatVector.fromArray(S, tiles, p0 + o);
            FloatVector w1 = FloatVector.fromArray(S, tiles, p1 + o);
            FloatVector x = FloatVector.broadcast(S, xp[4 * q]);
            a00 = w0.fma(x, a00);
            a01 = w1.fma(x, a01);
            x = FloatVector.broadcast(S, xp[4 * q + 1]);
            a10 = w0.fma(x, a10);
            a11 = w1.fma(x, a11);
            x = FloatVector.broadcast(S, xp[4 * q + 2]);
            a20 = w0.fma(x, a20);
            a21 = w1.fma(x, a21);
            x = FloatVector.broadcast(S, xp[4 * q + 3]);
            a30 = w0.fma(x, a30);
            a31 = w1.fma(x, a31);
        }
        a00.intoArray(o0, j);
        a01.intoArray(o0, j + L);
        a10.intoArray(o1, j);
        a11.intoArray(o1, j + L);
        a20.intoArray(o2, j);
        a21.intoArray(o2, j + L);
        a30.intoArray(o3, j);
        a31.intoArray(o3, j + L);
    }

    /** {@link #tiled6x2} for 4 images × 1 vector of units (the last images of a batch, the rest of a row). */
    private static void tiled4x1(float[] xp, int[] nz, int nnz, float[] tiles, int nin, float[] th, int j,
                                   float[] o0, float[] o1, float[] o2, float[] o3) {
        FloatVector t = FloatVector.fromArray(S, th, j).neg();
        FloatVector a0 = t, a1 = t, a2 = t, a3 = t;
        int p = block(j, nin);
        for (int q = 0; q < nnz; q++) {
            FloatVector w = FloatVector.fromArray(S, tiles, p + nz[q]);
            a0 = w.fma(FloatVector.broadcast(S, xp[4 * q]), a0);
            a1 = w.fma(FloatVector.broadcast(S, xp[4 * q + 1]), a1);
            a2 = w.fma(FloatVector.broadcast(S, xp[4 * q + 2]), a2);
            a3 = w.fma(FloatVector.broadcast(S, xp[4 * q + 3]), a3);
        }
        a0.intoArray(o0, j);
        a1.intoArray(o1, j);
        a2.intoArray(o2, j);
        a3.intoArray(o3, j);
    }


    /** z = σ(s) along a row, in place: the steps of {@link Exp#sigmoid(float)}, a vector at a time. */
    private static void sigmoid(float[] row, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        for (int j = 0; j < n; j += L) {
            FloatVector x = FloatVector.fromArray(S, row, j).neg();
            FloatVector xc = x.max(-87f).min(88f);
            FloatVector t = xc.fma(FloatVector.broadcast(S, LOG2E), FloatVector.broadcast(S, ROUND));
            FloatVector k = t.sub(ROUND);
            FloatVector r = k.fma(FloatVector.broadcast(S, -LN2_HI), xc);
            r = k.fma(FloatVector.broadcast(S, -LN2_LO), r);
            FloatVector p = FloatVector.broadcast(S, 1f / 5040f);
            p = p.fma(r, FloatVector.broadcast(S, 1f / 720f));
            p = p.fma(r, FloatVector.broadcast(S, 1f / 120f));
            p = p.fma(r, FloatVector.broadcast(S, 1f / 24f));
            p = p.fma(r, FloatVector.broadcast(S, 1f / 6f));
            p = p.fma(r, FloatVector.broadcast(S, 0.5f));
            p = p.fma(r, one);
            p = p.fma(r, one);
            IntVector bits = ((IntVector) t.reinterpretShape(I, 0)).lanewise(VectorOperators.LSHL, 23).add(0x3f800000);
            FloatVector e = p.mul((FloatVector) bits.reinterpretShape(S, 0))
                    .blend(Float.POSITIVE_INFINITY, x.compare(VectorOperators.GT, 88f));
            one.div(e.add(one)).intoArray(row, j);
        }
    }

    @Override
    void backward(float[][] delta, int count, int nk, float[][] w, int ub, float[][] h, float[][] below,
                  Activation f) {
        if (f != Activation.SIGMOID) {
            PLAIN.backward(delta, count, nk, w, ub, h, below, f); // the same sums in the same order, then f'
            return;
        }
        for (int b = 0; b < count; b++) {
            backwardRow(delta[b], nk, w, ub, h[b], below[b]);
        }
    }

    /** One image's δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j) for j &lt; ub. */
    private static void backwardRow(float[] d, int nk, float[][] w, int ub, float[] hb, float[] o) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int j = 0;
        for (; j + 4 * L <= ub; j += 4 * L) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int k = 0; k < nk; k++) {
                float[] row = w[k];
                FloatVector dk = FloatVector.broadcast(S, d[k]);
                a0 = FloatVector.fromArray(S, row, j).fma(dk, a0); // Σ_k δO_k·wO_kj
                a1 = FloatVector.fromArray(S, row, j + L).fma(dk, a1);
                a2 = FloatVector.fromArray(S, row, j + 2 * L).fma(dk, a2);
                a3 = FloatVector.fromArray(S, row, j + 3 * L).fma(dk, a3);
            }
            store(a0, hb, o, j, one);
            store(a1, hb, o, j + L, one);
            store(a2, hb, o, j + 2 * L, one);
            store(a3, hb, o, j + 3 * L, one);
        }
        for (; j < ub; j += L) {
            FloatVector a = FloatVector.zero(S);
            for (int k = 0; k < nk; k++) {
                a = FloatVector.fromArray(S, w[k], j).fma(FloatVector.broadcast(S, d[k]), a);
            }
            store(a, hb, o, j, one);
        }
    }

    /** δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j), values below TINY flushed to 0. */
    private static void store(FloatVector sum, float[] h, float[] o, int j, FloatVector one) {
        FloatVector hv = FloatVector.fromArray(S, h, j);
        FloatVector v = sum.mul(hv.mul(one.sub(hv)));
        v.blend(0f, v.abs().compare(VectorOperators.LT, TINY)).intoArray(o, j);
    }

    @Override
    void weightGradient(float[][] in, int count, int i0, int i1, float[][] delta, float[] dtiles, int stride, int u,
                        float[][] gwt, int[] nz, float[] xp) {
        int i = i0;
        for (; !wide && i + GROUP <= i1; i += GROUP) {
            // 6 inputs × 2 vectors from the tiled deltas and the inputs' values packed image after image
            int nnz = packInputs(in, count, i, nz, xp);
            float[] g0 = gwt[i], g1 = gwt[i + 1], g2 = gwt[i + 2], g3 = gwt[i + 3], g4 = gwt[i + 4], g5 = gwt[i + 5];
            int j = 0;
            for (; j + 2 * L <= u; j += 2 * L) {
                gradientTiled6x2(xp, nz, nnz, dtiles, stride, j, g0, g1, g2, g3, g4, g5);
            }
            for (; j < u; j += L) {
                gradientTiled6x1(xp, nz, nnz, dtiles, stride, j, g0, g1, g2, g3, g4, g5);
            }
        }
        for (; i + 3 < i1; i += 4) {
            int nnz = 0;
            for (int b = 0; b < count; b++) {
                float[] x = in[b];
                nz[nnz] = b;
                nnz += x[i] != 0f | x[i + 1] != 0f | x[i + 2] != 0f | x[i + 3] != 0f ? 1 : 0; // not all blank (|: see forwardRows)
            }
            float[] g0 = gwt[i];
            float[] g1 = gwt[i + 1];
            float[] g2 = gwt[i + 2];
            float[] g3 = gwt[i + 3];
            int j = 0;
            if (wide) {
                for (; j + 4 * L <= u; j += 4 * L) {
                    gradient4x4(in, nz, nnz, i, delta, j, g0, g1, g2, g3);
                }
            }
            for (; j + 2 * L <= u; j += 2 * L) {
                gradient4x2(in, nz, nnz, i, delta, j, g0, g1, g2, g3);
            }
            for (; j < u; j += L) {
                gradient4x1(in, nz, nnz, i, delta, j, g0, g1, g2, g3);
            }
        }
        for (; i < i1; i++) {
            gradientRow(in, count, i, delta, u, gwt[i]);
        }
    }

    @Override
    void thresholdGradient(float[][] delta, int count, int u, float[] gth) {
        for (int j = 0; j < u; j += L) {
            FloatVector s = FloatVector.zero(S);
            for (int b = 0; b < count; b++) {
                s = s.sub(FloatVector.fromArray(S, delta[b], j)); // ∂E/∂θ_j = −Σ δ_j
            }
            s.intoArray(gth, j);
        }
    }

    // The register tiles of the weight gradient, each a method of its own (see the forward tiles).

    /**
     * ∂E/∂w_ji = Σ_b δ_j·x_i for the 4 inputs from i × 4 vectors of units from j, over the images
     * {@code nz[0 … nnz)} in order.
     */
    private static void gradient4x4(float[][] in, int[] nz, int nnz, int i, float[][] delta, int j,
                                    float[] g0, float[] g1, float[] g2, float[] g3) {
        FloatVector g00 = FloatVector.zero(S), g01 = g00, g02 = g00, g03 = g00;
        FloatVector g10 = g00, g11 = g00, g12 = g00, g13 = g00;
        FloatVector g20 = g00, g21 = g00, g22 = g00, g23 = g00;
        FloatVector g30 = g00, g31 = g00, g32 = g00, g33 = g00;
        for (int q = 0; q < nnz; q++) {
            int b = nz[q];
            float[] x = in[b];
            float[] d = delta[b];
            FloatVector d0 = FloatVector.fromArray(S, d, j);
            FloatVector d1 = FloatVector.fromArray(S, d, j + L);
            FloatVector d2 = FloatVector.fromArray(S, d, j + 2 * L);
            FloatVector d3 = FloatVector.fromArray(S, d, j + 3 * L);
            FloatVector xv = FloatVector.broadcast(S, x[i]);
            g00 = d0.fma(xv, g00);
            g01 = d1.fma(xv, g01);
            g02 = d2.fma(xv, g02);
            g03 = d3.fma(xv, g03);
            xv = FloatVector.broadcast(S, x[i + 1]);
            g10 = d0.fma(xv, g10);
            g11 = d1.fma(xv, g11);
            g12 = d2.fma(xv, g12);
            g13 = d3.fma(xv, g13);
            xv = FloatVector.broadcast(S, x[i + 2]);
            g20 = d0.fma(xv, g20);
            g21 = d1.fma(xv, g21);
            g22 = d2.fma(xv, g22);
            g23 = d3.fma(xv, g23);
            xv = FloatVector.broadcast(S, x[i + 3]);
            g30 = d0.fma(xv, g30);
            g31 = d1.fma(xv, g31);
            g32 = d2.fma(xv, g32);
            g33 = d3.fma(xv, g33);
        }
        g00.intoArray(g0, j);
        g01.intoArray(g0, j + L);
        g02.intoArray(g0, j + 2 * L);
        g03.intoArray(g0, j + 3 * L);
        g10.intoArray(g1, j);
        g11.intoArray(g1, j + L);
        g12.intoArray(g1, j + 2 * L);
        g13.intoArray(g1, j + 3 * L);
        g20.intoArray(g2, j);
        g21.intoArray(g2, j + L);
        g22.intoArray(g2, j + 2 * L);
        g23.intoArray(g2, j + 3 * L);
        g30.intoArray(g3, j);
        g31.intoArray(g3, j + L);
        g32.intoArray(g3, j + 2 * L);
        g33.intoArray(g3, j + 3 * L);
    }

    /** {@link #gradient4x4} for 4 inputs × 2 vectors of units (8 sums: for 16 vector registers). */
    private static void gradient4x2(float[][] in, int[] nz, int nnz, int i, float[][] delta, int j,
                                    float[] g0, float[] g1, float[] g2, float[] g3) {
        FloatVector g00 = FloatVector.zero(S), g01 = g00;
        FloatVector g10 = g00, g11 = g00;
        FloatVector g20 = g00, g21 = g00;
        FloatVector g30 = g00, g31 = g00;
        for (int q = 0; q < nnz; q++) {
            int b = nz[q];
            float[] x = in[b];
            float[] d = delta[b];
            FloatVector d0 = FloatVector.fromArray(S, d, j);
            FloatVector d1 = FloatVector.fromArray(S, d, j + L);
            FloatVector xv = FloatVector.broadcast(S, x[i]);
            g00 = d0.fma(xv, g00);
            g01 = d1.fma(xv, g01);
            xv = FloatVector.broadcast(S, x[i + 1]);
            g10 = d0.fma(xv, g10);
            g11 = d1.fma(xv, g11);
            xv = FloatVector.broadcast(S, x[i + 2]);
            g20 = d0.fma(xv, g20);
            g21 = d1.fma(xv, g21);
            xv = FloatVector.broadcast(S, x[i + 3]);
            g30 = d0.fma(xv, g30);
            g31 = d1.fma(xv, g31);
        }
        g00.intoArray(g0, j);
        g01.intoArray(g0, j + L);
        g10.intoArray(g1, j);
        g11.intoArray(g1, j + L);
        g20.intoArray(g2, j);
        g21.intoArray(g2, j + L);
        g30.intoArray(g3, j);
        g31.intoArray(g3, j + L);
    }

    /** {@link #gradient4x4} for 4 inputs × 1 vector of units (the rest of a row). */
    private static void gradient4x1(float[][] in, int[] nz, int nnz, int i, float[][] delta, int j,
                                    float[] g0, float[] g1, float[] g2, float[] g3) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        for (int q = 0; q < nnz; q++) {
            int b = nz[q];
            float[] x = in[b];
            FloatVector d = FloatVector.fromArray(S, delta[b], j);
            s0 = d.fma(FloatVector.broadcast(S, x[i]), s0);
            s1 = d.fma(FloatVector.broadcast(S, x[i + 1]), s1);
            s2 = d.fma(FloatVector.broadcast(S, x[i + 2]), s2);
            s3 = d.fma(FloatVector.broadcast(S, x[i + 3]), s3);
        }
        s0.intoArray(g0, j);
        s1.intoArray(g1, j);
        s2.intoArray(g2, j);
        s3.intoArray(g3, j);
    }

    /**
     * The images whose inputs i … i+5 are not all blank: {@code nz[q]} = b·ROW (image b's place in a block of the
     * tiled deltas) and {@code xp[6q … 6q+5]} its six values; returns how many.
     */
    private static int packInputs(float[][] in, int count, int i, int[] nz, float[] xp) {
        int nnz = 0;
        for (int b = 0; b < count; b++) {
            float[] x = in[b];
            float v0 = x[i], v1 = x[i + 1], v2 = x[i + 2], v3 = x[i + 3], v4 = x[i + 4], v5 = x[i + 5];
            int p = GROUP * nnz;
            xp[p] = v0;
            xp[p + 1] = v1;
            xp[p + 2] = v2;
            xp[p + 3] = v3;
            xp[p + 4] = v4;
            xp[p + 5] = v5;
            nz[nnz] = b * ROW;
            nnz += v0 != 0f | v1 != 0f | v2 != 0f | v3 != 0f | v4 != 0f | v5 != 0f ? 1 : 0; // not all six blank
        }
        return nnz;
    }

    /**
     * ∂E/∂w_ji = Σ_b δ_j·x_i for the 6 inputs from i × 2 vectors of units from j (12 sums, 2 loaded vectors and a
     * broadcast: 15 registers, for AVX2's 16), over the packed images {@code nz[0 … nnz)} in order.
     */
    private static void gradientTiled6x2(float[] xp, int[] nz, int nnz, float[] dtiles, int stride, int j,
                                         float[] g0, float[] g1, float[] g2, float[] g3, float[] g4, float[] g5) {
        FloatVector s00 = FloatVector.zero(S), s01 = s00;
        FloatVector s10 = s00, s11 = s00;
        FloatVector s20 = s00, s21 = s00;
        FloatVector s30 = s00, s31 = s00;
        FloatVector s40 = s00, s41 = s00;
        FloatVector s50 = s00, s51 = s00;
        int p0 = block(j, stride), p1 = block(j + L, stride);
        for (int q = 0; q < nnz; q++) {
            int o = nz[q];
            FloatVector d0 = FloatVector.fromArray(S, dtiles, p0 + o);
            FloatVector d1 = FloatVector.fromArray(S, dtiles, p1 + o);
            int p = GROUP * q;
            FloatVector x = FloatVector.broadcast(S, xp[p]);
            s00 = d0.fma(x, s00);
            s01 = d1.fma(x, s01);
            x = FloatVector.broadcast(S, xp[p + 1]);
            s10 = d0.fma(x, s10);
            s11 = d1.fma(x, s11);
            x = FloatVector.broadcast(S, xp[p + 2]);
            s20 = d0.fma(x, s20);
            s21 = d1.fma(x, s21);
            x = FloatVector.broadcast(S, xp[p + 3]);
            s30 = d0.fma(x, s30);
            s31 = d1.fma(x, s31);
            x = FloatVector.broadcast(S, xp[p + 4]);
            s40 = d0.fma(x, s40);
            s41 = d1.fma(x, s41);
            x = FloatVector.broadcast(S, xp[p + 5]);
            s50 = d0.fma(x, s50);
            s51 = d1.fma(x, s51);
        }
        s00.intoArray(g0, j);
        s01.intoArray(g0, j + L);
        s10.intoArray(g1, j);
        s11.intoArray(g1, j + L);
        s20.intoArray(g2, j);
        s21.intoArray(g2, j + L);
        s30.intoArray(g3, j);
        s31.intoArray(g3, j + L);
        s40.intoArray(g4, j);
        s41.intoArray(g4, j + L);
        s50.intoArray(g5, j);
        s51.intoArray(g5, j + L);
    }

    /** {@link #gradientTiled6x2} for 6 inputs × 1 vector of units (the rest of a row). */
    private static void gradientTiled6x1(float[] xp, int[] nz, int nnz, float[] dtiles, int stride, int j,
                                         float[] g0, float[] g1, float[] g2, float[] g3, float[] g4, float[] g5) {
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0, s4 = s0, s5 = s0;
        int pd = block(j, stride);
        for (int q = 0; q < nnz; q++) {
            FloatVector d = FloatVector.fromArray(S, dtiles, pd + nz[q]);
            int p = GROUP * q;
            s0 = d.fma(FloatVector.broadcast(S, xp[p]), s0);
            s1 = d.fma(FloatVector.broadcast(S, xp[p + 1]), s1);
            s2 = d.fma(FloatVector.broadcast(S, xp[p + 2]), s2);
            s3 = d.fma(FloatVector.broadcast(S, xp[p + 3]), s3);
            s4 = d.fma(FloatVector.broadcast(S, xp[p + 4]), s4);
            s5 = d.fma(FloatVector.broadcast(S, xp[p + 5]), s5);
        }
        s0.intoArray(g0, j);
        s1.intoArray(g1, j);
        s2.intoArray(g2, j);
        s3.intoArray(g3, j);
        s4.intoArray(g4, j);
        s5.intoArray(g5, j);
    }

    /** ∂E/∂w_ji of one input row (the last rows of an item that do not make a group of four). */
    private static void gradientRow(float[][] in, int count, int i, float[][] delta, int u, float[] g) {
        for (int j = 0; j < u; j += L) {
            FloatVector s = FloatVector.zero(S);
            for (int b = 0; b < count; b++) {
                s = FloatVector.fromArray(S, delta[b], j).fma(FloatVector.broadcast(S, in[b][i]), s);
            }
            s.intoArray(g, j);
        }
    }

}
