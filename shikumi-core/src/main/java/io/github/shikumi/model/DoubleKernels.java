package io.github.shikumi.model;

/**
 * The loops of {@link Backprop}, over batch-major rows: {@code in[i]} holds input i of every image,
 * {@code out[j]} output j of every image, each row {@code n} long (n a multiple of {@link #PAD}; the padding
 * images carry mask 0 and so add exactly 0 to E and ∂E). Two implementations compute the same formulas:
 * {@link PlainDoubleKernels} (plain Java, always there) and {@code VectorDoubleKernels} (the Vector API,
 * used when the JVM has {@code jdk.incubator.vector}). They differ only in rounding (summation order, fused
 * multiply-add, exp to within 1 ulp).
 */
abstract class DoubleKernels {
    /** Rows are padded to a multiple of this many images. */
    static final int PAD = 32;

    private static final DoubleKernels PLAIN = new PlainDoubleKernels();
    private static final DoubleKernels BEST =
            Simd.load("io.github.shikumi.model.VectorDoubleKernels", DoubleKernels.class, PLAIN);

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
     * {@code out[j] = σ(Σ_i w_ji·in[i] − θ_j)}, with w_ji = {@code p[w + j·nin + i]} and θ_j = {@code p[t + j]}.
     */
    abstract void forward(double[] p, int w, int t, double[][] in, int nin, double[][] out, int nout, int n);

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
     * The deltas of the layer below: {@code below[j] = (Σ_k δ_k·w_kj)·h_j(1 − h_j)} for j &lt; nj, where
     * w_kj = {@code p[w + k·nj + j]} are the weights of the layer above.
     */
    abstract void backward(double[] p, int w, double[][] delta, int nk, double[][] h, double[][] below, int nj, int n);

    /**
     * Images whose largest output (the first one on a tie) is their label; {@code label[img]} is the label
     * index as a double, −1 for padding.
     */
    abstract int correct(double[][] z, int nk, double[] label, int n);
}
