package io.github.shikumi.engine;

import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Exp;

/**
 * The loops of {@link Backprop}, over batch-major rows: {@code in[i]} holds input i of every image,
 * {@code out[j]} output j of every image, each row {@code n} long (n a multiple of {@link #PAD}; the padding
 * images carry mask 0 and so add exactly 0 to E and ∂E). Two implementations: {@link PlainDoubleKernels}
 * (plain Java, always there) and {@code VectorDoubleKernels} (the Vector API, used when the JVM has
 * {@code jdk.incubator.vector}). Both give the same bits, on every CPU and vector width, because every value
 * is formed in one canonical order (the reproducibility contract, README "Same numbers everywhere"):
 * <ul>
 * <li>a unit's input, per image: s_j = −θ_j, then s_j = fma(w_ji, x_i, s_j) for i = 1, 2, … in order;
 *     the backward sum likewise over k from 0;</li>
 * <li>σ with the one exp of {@link Exp}; softmax with {@link Exp#exp} and {@link StrictMath#log};</li>
 * <li>every sum over images (∂E/∂w, ∂E/∂θ, E) in {@value #PARTIALS} partial sums, partial r taking images
 *     r, r + {@value #PARTIALS}, r + 2·{@value #PARTIALS}, … in order (by fused multiply-add for products),
 *     then folded as {@link #fold}: (P0 + P2) + (P1 + P3). The lanes of a 256-bit vector are these partials;
 *     a 512-bit machine runs the sums on 256-bit vectors, a 128-bit one in plain Java.</li>
 * </ul>
 */
abstract class DoubleKernels {
    /** Rows are padded to a multiple of this many images. */
    static final int PAD = 32;
    /** Partial sums of every sum over images (the lanes of one 256-bit vector of doubles). */
    static final int PARTIALS = 4;

    /** The canonical fold of the partial sums: (P0 + P2) + (P1 + P3). */
    static double fold(double p0, double p1, double p2, double p3) {
        return (p0 + p2) + (p1 + p3);
    }

    private static final DoubleKernels PLAIN = new PlainDoubleKernels();
    private static final DoubleKernels BEST =
            Simd.load("io.github.shikumi.engine.VectorDoubleKernels", DoubleKernels.class, PLAIN);

    /** The fastest kernels this JVM can run. */
    static DoubleKernels best() {
        return BEST;
    }

    static DoubleKernels plain() {
        return PLAIN;
    }

    /** "vector" or "plain". */
    abstract String name();

    /**
     * The forward pass of one weight layer: for every unit j &lt; nout,
     * {@code out[j] = f(Σ_i w_ji·in[i] − θ_j)}, with w_ji = {@code p[w + j·nin + i]} and θ_j = {@code p[t + j]};
     * with {@code f} null just the sums s_j (a softmax output layer). f is applied a row at a time
     * ({@link Activation#activate(double[], int)}; σ may run as a vector loop of the same bits).
     */
    abstract void forward(double[] p, int w, int t, double[][] in, int nin, double[][] out, int nout, int n,
                          Activation f);

    /**
     * E = Σ_images ½ Σ_k (t_k − z_k)² (images weighted by {@code mask}, 1 or 0); when {@code delta} is not
     * null also the output deltas {@code δO_k = −(t_k − z_k)·z_k(1 − z_k)} (times the mask).
     */
    abstract double outputError(double[][] z, double[][] target, double[] mask, double[][] delta, int nk, int n);

    /**
     * The gradient of one weight layer: ∂E/∂w_ji = Σ_images δ_j·in_i into {@code grad[w + j·nin + i]},
     * ∂E/∂θ_j = −Σ_images δ_j into {@code grad[t + j]}.
     */
    abstract void accumulate(double[][] delta, int nout, double[][] in, int nin, double[] grad, int w, int t, int n);

    /**
     * The deltas of the layer below: {@code below[j] = (Σ_k δ_k·w_kj)·f'(h_j)} for j &lt; nj (the book's
     * h_j(1 − h_j) for σ), where w_kj = {@code p[w + k·nj + j]} are the weights of the layer above and f is the
     * layer below's activation.
     */
    abstract void backward(double[] p, int w, double[][] delta, int nk, double[][] h, double[][] below, int nj, int n,
                           Activation f);

    /**
     * Images whose largest output (the first one on a tie) is their label; {@code label[img]} is the label
     * index as a double, −1 for padding.
     */
    abstract int correct(double[][] z, int nk, double[] label, int n);

    /**
     * The softmax output layer with cross-entropy: on entry {@code z[k]} holds s_k, on exit z_k = e^{s_k} / Σ_m e^{s_m};
     * returns E = −Σ_images Σ_k t_k·log z_k (images weighted by {@code mask}) and, when {@code delta} is not null,
     * writes δO_k = z_k − t_k (times the mask). Plain Java in both kernel sets: it is the reference path's, and
     * the exp and log of 10 outputs per image are not where time goes. e^x is {@link Exp#exp}, log is
     * {@link StrictMath#log} (the same bits everywhere); E is summed image by image.
     */
    double softmaxError(double[][] z, double[][] target, double[] mask, double[][] delta, int nk, int n) {
        double e = 0;
        for (int img = 0; img < n; img++) {
            if (mask[img] == 0.0) {
                for (int k = 0; k < nk; k++) {
                    z[k][img] = 0.0;
                    if (delta != null) {
                        delta[k][img] = 0.0;
                    }
                }
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < nk; k++) {
                max = Math.max(max, z[k][img]);
            }
            double sum = 0;
            for (int k = 0; k < nk; k++) {
                double ek = Exp.exp(z[k][img] - max); // e^{s_k}, shifted by the largest s so nothing overflows
                z[k][img] = ek;
                sum += ek;
            }
            for (int k = 0; k < nk; k++) {
                double zk = z[k][img] / sum; // z_k = e^{s_k} / Σ_m e^{s_m}
                z[k][img] = zk;
                double tk = target[k][img];
                if (tk != 0.0) {
                    e -= tk * StrictMath.log(zk); // e = −Σ_k t_k·log z_k
                }
                if (delta != null) {
                    delta[k][img] = zk - tk; // δO_k = z_k − t_k
                }
            }
        }
        return e;
    }
}
