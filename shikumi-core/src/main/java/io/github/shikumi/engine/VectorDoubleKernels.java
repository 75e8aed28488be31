package io.github.shikumi.engine;

import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Exp;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DoubleKernels} with the Vector API, in the canonical order of {@link DoubleKernels} (the same bits as
 * {@link PlainDoubleKernels}). Every loop works on blocks of several units and several vectors of images at
 * once, so that at least four independent sums are in flight (a fused multiply-add takes four cycles) and each
 * loaded vector is used more than once; the sums stay in registers for the whole inner loop. Per-image values
 * (s, z, δ) and the sums over images run on 256-bit vectors (narrower where the JVM has no 256-bit ones), one
 * lane per canonical partial sum in the sums. The sigmoid's exp is {@link Exp}'s steps a vector at a time. Loaded by
 * name only when {@code jdk.incubator.vector} is present ({@link Simd}).
 */
final class VectorDoubleKernels extends DoubleKernels {
    /**
     * The per-image values' species: 256 bits where the JVM offers that much (else its widest), the same species
     * as the sums over images ({@link #R}). On a 512-bit JVM the per-image loops took 512-bit vectors before, and
     * JDK 17's C2 then compiled most of the kernels' vector operations as calls that box each vector (JFR: the
     * allocations in {@code Double512Vector.lanewise} under {@code forward}; why, we did not find; with one shape
     * throughout it does not happen): 70 MB of garbage and 9.4 ms per 500 iterations of the book's job against
     * 2.1 ms now (issue 13, Xeon with AVX-512). The width changes no bit: each lane is one image.
     */
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED.length() >= PARTIALS
            ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** The long lanes of the same shape, for the sigmoid's 2^k: a constant, as in VectorFloatKernels (why there). */
    private static final VectorSpecies<Long> LONGS = S.withLanes(long.class);
    /** Images per block: four vectors (PAD is a multiple of it). */
    private static final int B = 4 * L;
    /**
     * The species of the sums over images: one lane per canonical partial sum ({@value DoubleKernels#PARTIALS},
     * 256 bits), or null on a JVM whose vectors are narrower (those sums then run in plain Java).
     */
    private static final VectorSpecies<Double> R = S.length() >= PARTIALS ? DoubleVector.SPECIES_256 : null;
    private static final DoubleKernels PLAIN = new PlainDoubleKernels();

    private static final double LOG2E = Exp.LOG2E;
    private static final double LN2_HI = Exp.LN2_HI;
    private static final double LN2_LO = Exp.LN2_LO;
    private static final double ROUND = Exp.ROUND;

    @Override
    String name() {
        return "vector";
    }

    /**
     * z = σ(s) = 1 / (1 + e^(−s)) over a row, in place: the steps of {@link Exp#exp} and {@link Exp#sigmoid}
     * a vector at a time (x = −s above 709 gives e^x = +∞ and z = 0; below −708, e^x = 0 and z = 1). Written out
     * in one loop so that the JIT keeps every vector in registers (a call here would box them).
     */
    private static void sigmoid(double[] row, int n) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int img = 0; img < n; img += L) {
            DoubleVector x = DoubleVector.fromArray(S, row, img).neg();
            DoubleVector xc = x.max(Exp.LOW).min(Exp.HIGH);
            DoubleVector t = xc.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, ROUND));
            DoubleVector k = t.sub(ROUND);
            DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), xc);
            r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
            // e^r = Σ_k r^k / k!, k = 0…13, by Estrin's scheme: pairs, then pairs of pairs, …, so that the
            // chain of dependent multiply-adds is 5 long instead of 13
            DoubleVector r2 = r.mul(r);
            DoubleVector r4 = r2.mul(r2);
            DoubleVector r8 = r4.mul(r4);
            DoubleVector q0 = r.add(one); // 1 + r
            DoubleVector q1 = r.fma(DoubleVector.broadcast(S, 1.0 / 6), DoubleVector.broadcast(S, 0.5));
            DoubleVector q2 = r.fma(DoubleVector.broadcast(S, 1.0 / 120), DoubleVector.broadcast(S, 1.0 / 24));
            DoubleVector q3 = r.fma(DoubleVector.broadcast(S, 1.0 / 5040), DoubleVector.broadcast(S, 1.0 / 720));
            DoubleVector q4 = r.fma(DoubleVector.broadcast(S, 1.0 / 362880), DoubleVector.broadcast(S, 1.0 / 40320));
            DoubleVector q5 = r.fma(DoubleVector.broadcast(S, 1.0 / 39916800), DoubleVector.broadcast(S, 1.0 / 3628800));
            DoubleVector q6 = r.fma(DoubleVector.broadcast(S, 1.0 / 6227020800.0), DoubleVector.broadcast(S, 1.0 / 479001600));
            DoubleVector s0 = q1.fma(r2, q0);
            DoubleVector s1 = q3.fma(r2, q2);
            DoubleVector s2 = q5.fma(r2, q4);
            DoubleVector t0 = s1.fma(r4, s0);
            DoubleVector t1 = q6.fma(r4, s2);
            DoubleVector p = t1.fma(r8, t0);
            // 2^k: k sits in the low bits of t; shifted into the exponent field and biased by 1023
            LongVector bits = ((LongVector) t.reinterpretShape(LONGS, 0)).lanewise(VectorOperators.LSHL, 52)
                    .add(0x3ff0000000000000L);
            DoubleVector e = p.mul((DoubleVector) bits.reinterpretShape(S, 0))
                    .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, Exp.HIGH))
                    .blend(0.0, x.compare(VectorOperators.LT, Exp.LOW));
            one.div(e.add(one)).intoArray(row, img); // z = σ(s) = 1 / (1 + e^(−s))
        }
    }

    @Override
    void forward(double[] p, int w, int t, double[][] in, int nin, double[][] out, int nout, int n,
                 Activation f) {
        int j = 0;
        for (; j + 1 < nout; j += 2) { // two units: each loaded input vector feeds two sums
            int row0 = w + j * nin;
            int row1 = row0 + nin;
            for (int img = 0; img < n; img += B) {
                // s_j = Σ_i w_ji·x_i − θ_j, for 2 units × 4 vectors of images
                DoubleVector a0 = DoubleVector.broadcast(S, -p[t + j]);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                DoubleVector b0 = DoubleVector.broadcast(S, -p[t + j + 1]);
                DoubleVector b1 = b0;
                DoubleVector b2 = b0;
                DoubleVector b3 = b0;
                for (int i = 0; i < nin; i++) {
                    double[] x = in[i];
                    DoubleVector x0 = DoubleVector.fromArray(S, x, img);
                    DoubleVector x1 = DoubleVector.fromArray(S, x, img + L);
                    DoubleVector x2 = DoubleVector.fromArray(S, x, img + 2 * L);
                    DoubleVector x3 = DoubleVector.fromArray(S, x, img + 3 * L);
                    DoubleVector wa = DoubleVector.broadcast(S, p[row0 + i]);
                    DoubleVector wb = DoubleVector.broadcast(S, p[row1 + i]);
                    a0 = x0.fma(wa, a0);
                    a1 = x1.fma(wa, a1);
                    a2 = x2.fma(wa, a2);
                    a3 = x3.fma(wa, a3);
                    b0 = x0.fma(wb, b0);
                    b1 = x1.fma(wb, b1);
                    b2 = x2.fma(wb, b2);
                    b3 = x3.fma(wb, b3);
                }
                double[] za = out[j];
                double[] zb = out[j + 1];
                // s_j, then z_j = σ(s_j) below
                a0.intoArray(za, img);
                a1.intoArray(za, img + L);
                a2.intoArray(za, img + 2 * L);
                a3.intoArray(za, img + 3 * L);
                b0.intoArray(zb, img);
                b1.intoArray(zb, img + L);
                b2.intoArray(zb, img + 2 * L);
                b3.intoArray(zb, img + 3 * L);
            }
        }
        for (; j < nout; j++) {
            int row = w + j * nin;
            for (int img = 0; img < n; img += B) {
                DoubleVector a0 = DoubleVector.broadcast(S, -p[t + j]);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                for (int i = 0; i < nin; i++) {
                    double[] x = in[i];
                    DoubleVector wji = DoubleVector.broadcast(S, p[row + i]);
                    a0 = DoubleVector.fromArray(S, x, img).fma(wji, a0);
                    a1 = DoubleVector.fromArray(S, x, img + L).fma(wji, a1);
                    a2 = DoubleVector.fromArray(S, x, img + 2 * L).fma(wji, a2);
                    a3 = DoubleVector.fromArray(S, x, img + 3 * L).fma(wji, a3);
                }
                double[] z = out[j];
                a0.intoArray(z, img);
                a1.intoArray(z, img + L);
                a2.intoArray(z, img + 2 * L);
                a3.intoArray(z, img + 3 * L);
            }
        }
        for (j = 0; f != null && j < nout; j++) {
            if (f == Activation.SIGMOID) {
                sigmoid(out[j], n); // z_j = σ(s_j), the role's bits a vector at a time
            } else {
                f.activate(out[j], n); // z_j = f(s_j)
            }
        }
    }

    @Override
    double outputError(double[][] z, double[][] target, double[] mask, double[][] delta, int nk, int n) {
        if (R == null) {
            return PLAIN.outputError(z, target, mask, delta, nk, n);
        }
        double e = 0;
        for (int k = 0; k < nk; k++) {
            e += 0.5 * (delta == null ? squares(z[k], target[k], mask, n) : squaresAndDeltas(z[k], target[k], mask, delta[k], n));
        }
        return e;
    }

    /** The canonical fold of one vector of the four partial sums (its lanes): (P0 + P2) + (P1 + P3). */
    private static double fold(DoubleVector v) {
        // four lane reads (JDK 17's C2 compiled v.add(v.slice(2)) as a call that allocated arrays)
        return (v.lane(0) + v.lane(2)) + (v.lane(1) + v.lane(3));
    }

    /** Σ_images (t_k − z_k)² (e = ½ Σ_k (t_k − z_k)²), lane r the partial sum of images r, r + 4, …. */
    private static double squares(double[] zk, double[] tk, double[] mask, int n) {
        DoubleVector sum = DoubleVector.zero(R);
        for (int img = 0; img < n; img += PARTIALS) {
            DoubleVector diff = DoubleVector.fromArray(R, zk, img).sub(DoubleVector.fromArray(R, tk, img));
            sum = diff.mul(diff).fma(DoubleVector.fromArray(R, mask, img), sum);
        }
        return fold(sum);
    }

    /** {@link #squares}, and δO_k = −(t_k − z_k)·z_k(1 − z_k) into {@code dk}. */
    private static double squaresAndDeltas(double[] zk, double[] tk, double[] mask, double[] dk, int n) {
        DoubleVector one = DoubleVector.broadcast(R, 1.0);
        DoubleVector sum = DoubleVector.zero(R);
        for (int img = 0; img < n; img += PARTIALS) {
            DoubleVector zv = DoubleVector.fromArray(R, zk, img);
            DoubleVector m = DoubleVector.fromArray(R, mask, img);
            DoubleVector diff = zv.sub(DoubleVector.fromArray(R, tk, img));
            sum = diff.mul(diff).fma(m, sum);
            diff.mul(zv.mul(one.sub(zv))).mul(m).intoArray(dk, img); // δO_k = −(t_k − z_k)·z_k(1 − z_k)
        }
        return fold(sum);
    }

    @Override
    void accumulate(double[][] delta, int nout, double[][] in, int nin, double[] grad, int w, int t, int n) {
        if (R == null) {
            PLAIN.accumulate(delta, nout, in, nin, grad, w, t, n);
            return;
        }
        int j = 0;
        for (; j + 1 < nout; j += 2) {
            accumulatePair(delta[j], delta[j + 1], in, nin, grad, w + j * nin, t + j, n);
        }
        for (; j < nout; j++) {
            accumulateOne(delta[j], in, nin, grad, w + j * nin, t + j, n);
        }
    }

    // accumulate's two loops are methods of their own: in one method C2 stopped inlining at its node budget and
    // called fold, dot and sum with boxed vectors (2.2 kB of garbage per gradient of the book's network)

    /** {@link #accumulate} of units j and j + 1 (deltas {@code da}, {@code db}; rows from {@code row0}, θ at t). */
    private static void accumulatePair(double[] da, double[] db, double[][] in, int nin, double[] grad, int row0,
                                       int t, int n) {
        int row1 = row0 + nin;
        int i = 0;
        for (; i + 3 < nin; i += 4) { // 2 units × 4 inputs: eight sums, six loads per step
            double[] x0 = in[i];
            double[] x1 = in[i + 1];
            double[] x2 = in[i + 2];
            double[] x3 = in[i + 3];
            DoubleVector g00 = DoubleVector.zero(R);
            DoubleVector g01 = g00;
            DoubleVector g02 = g00;
            DoubleVector g03 = g00;
            DoubleVector g10 = g00;
            DoubleVector g11 = g00;
            DoubleVector g12 = g00;
            DoubleVector g13 = g00;
            for (int img = 0; img < n; img += PARTIALS) {
                DoubleVector d0 = DoubleVector.fromArray(R, da, img);
                DoubleVector d1 = DoubleVector.fromArray(R, db, img);
                DoubleVector v0 = DoubleVector.fromArray(R, x0, img);
                DoubleVector v1 = DoubleVector.fromArray(R, x1, img);
                DoubleVector v2 = DoubleVector.fromArray(R, x2, img);
                DoubleVector v3 = DoubleVector.fromArray(R, x3, img);
                g00 = d0.fma(v0, g00); // ∂E/∂w_ji = Σ δ_j·x_i
                g01 = d0.fma(v1, g01);
                g02 = d0.fma(v2, g02);
                g03 = d0.fma(v3, g03);
                g10 = d1.fma(v0, g10);
                g11 = d1.fma(v1, g11);
                g12 = d1.fma(v2, g12);
                g13 = d1.fma(v3, g13);
            }
            grad[row0 + i] = fold(g00);
            grad[row0 + i + 1] = fold(g01);
            grad[row0 + i + 2] = fold(g02);
            grad[row0 + i + 3] = fold(g03);
            grad[row1 + i] = fold(g10);
            grad[row1 + i + 1] = fold(g11);
            grad[row1 + i + 2] = fold(g12);
            grad[row1 + i + 3] = fold(g13);
        }
        for (; i < nin; i++) {
            grad[row0 + i] = dot(da, in[i], n);
            grad[row1 + i] = dot(db, in[i], n);
        }
        grad[t] = -sum(da, n); // ∂E/∂θ_j = −Σ δ_j
        grad[t + 1] = -sum(db, n);
    }

    /** {@link #accumulate} of one unit (deltas {@code dj}, its row from {@code row}, θ at t). */
    private static void accumulateOne(double[] dj, double[][] in, int nin, double[] grad, int row, int t, int n) {
        int i = 0;
        for (; i + 3 < nin; i += 4) { // 1 unit × 4 inputs: four sums, five loads per step
            double[] x0 = in[i];
            double[] x1 = in[i + 1];
            double[] x2 = in[i + 2];
            double[] x3 = in[i + 3];
            DoubleVector g0 = DoubleVector.zero(R);
            DoubleVector g1 = g0;
            DoubleVector g2 = g0;
            DoubleVector g3 = g0;
            for (int img = 0; img < n; img += PARTIALS) {
                DoubleVector d = DoubleVector.fromArray(R, dj, img);
                g0 = d.fma(DoubleVector.fromArray(R, x0, img), g0); // ∂E/∂w_ji = Σ δ_j·x_i
                g1 = d.fma(DoubleVector.fromArray(R, x1, img), g1);
                g2 = d.fma(DoubleVector.fromArray(R, x2, img), g2);
                g3 = d.fma(DoubleVector.fromArray(R, x3, img), g3);
            }
            grad[row + i] = fold(g0);
            grad[row + i + 1] = fold(g1);
            grad[row + i + 2] = fold(g2);
            grad[row + i + 3] = fold(g3);
        }
        for (; i < nin; i++) {
            grad[row + i] = dot(dj, in[i], n);
        }
        grad[t] = -sum(dj, n);
    }

    /** Σ_images a·b in the canonical partial sums. */
    private static double dot(double[] a, double[] b, int n) {
        DoubleVector s = DoubleVector.zero(R);
        for (int img = 0; img < n; img += PARTIALS) {
            s = DoubleVector.fromArray(R, a, img).fma(DoubleVector.fromArray(R, b, img), s);
        }
        return fold(s);
    }

    /** Σ_images a in the canonical partial sums. */
    private static double sum(double[] a, int n) {
        DoubleVector s = DoubleVector.zero(R);
        for (int img = 0; img < n; img += PARTIALS) {
            s = s.add(DoubleVector.fromArray(R, a, img));
        }
        return fold(s);
    }

    @Override
    void backward(double[] p, int w, double[][] delta, int nk, double[][] h, double[][] below, int nj, int n,
                  Activation f) {
        if (f != Activation.SIGMOID) {
            sums(p, w, delta, nk, below, nj, n);
            for (int j = 0; j < nj; j++) {
                f.multiplyDerivative(below[j], h[j], n); // δ_j = (Σ_k δ_k·w_kj)·f'(h_j)
            }
            return;
        }
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int j = 0; j < nj; j++) {
            double[] b = below[j];
            double[] hj = h[j];
            for (int img = 0; img < n; img += B) {
                DoubleVector a0 = DoubleVector.zero(S);
                DoubleVector a1 = a0;
                DoubleVector a2 = a0;
                DoubleVector a3 = a0;
                for (int k = 0; k < nk; k++) {
                    double[] dk = delta[k];
                    DoubleVector wkj = DoubleVector.broadcast(S, p[w + k * nj + j]);
                    a0 = DoubleVector.fromArray(S, dk, img).fma(wkj, a0); // Σ_k δO_k·wO_kj
                    a1 = DoubleVector.fromArray(S, dk, img + L).fma(wkj, a1);
                    a2 = DoubleVector.fromArray(S, dk, img + 2 * L).fma(wkj, a2);
                    a3 = DoubleVector.fromArray(S, dk, img + 3 * L).fma(wkj, a3);
                }
                // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j)
                DoubleVector h0 = DoubleVector.fromArray(S, hj, img);
                DoubleVector h1 = DoubleVector.fromArray(S, hj, img + L);
                DoubleVector h2 = DoubleVector.fromArray(S, hj, img + 2 * L);
                DoubleVector h3 = DoubleVector.fromArray(S, hj, img + 3 * L);
                a0.mul(h0.mul(one.sub(h0))).intoArray(b, img);
                a1.mul(h1.mul(one.sub(h1))).intoArray(b, img + L);
                a2.mul(h2.mul(one.sub(h2))).intoArray(b, img + 2 * L);
                a3.mul(h3.mul(one.sub(h3))).intoArray(b, img + 3 * L);
            }
        }
    }

    @Override
    int correct(double[][] z, int nk, double[] label, int n) {
        int c = 0;
        for (int img = 0; img < n; img += L) {
            DoubleVector best = DoubleVector.fromArray(S, z[0], img);
            DoubleVector index = DoubleVector.zero(S);
            for (int k = 1; k < nk; k++) {
                DoubleVector zk = DoubleVector.fromArray(S, z[k], img);
                VectorMask<Double> larger = zk.compare(VectorOperators.GT, best); // the first one wins a tie
                best = best.blend(zk, larger);
                index = index.blend(DoubleVector.broadcast(S, k), larger);
            }
            c += index.compare(VectorOperators.EQ, DoubleVector.fromArray(S, label, img)).trueCount();
        }
        return c;
    }

    /** below[j] = Σ_k δ_k·w_kj, per image (the sums of {@link #backward} before the derivative). */
    private static void sums(double[] p, int w, double[][] delta, int nk, double[][] below, int nj, int n) {
        for (int j = 0; j < nj; j++) {
            double[] b = below[j];
            for (int img = 0; img < n; img += L) {
                DoubleVector a = DoubleVector.zero(S);
                for (int k = 0; k < nk; k++) {
                    a = DoubleVector.fromArray(S, delta[k], img).fma(DoubleVector.broadcast(S, p[w + k * nj + j]), a);
                }
                a.intoArray(b, img);
            }
        }
    }
}
