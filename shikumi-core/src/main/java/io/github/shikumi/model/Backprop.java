package io.github.shikumi.model;

import io.github.shikumi.data.Dataset;

/**
 * E and ∂E over a whole dataset by backpropagation, fast: the images are processed together, one
 * array of N values per unit ("batch-major"), so every inner loop runs over contiguous memory and is
 * vectorised ({@link DoubleKernels}: the Vector API when the JVM has {@code jdk.incubator.vector}, plain
 * Java otherwise). All buffers are allocated once here; {@link #gradient} and {@link #value} allocate nothing.
 * Not thread-safe: one instance per thread.
 *
 * <p>Conventions (the book's): s_j = Σ_i w_ji·x_i − θ_j, z_j = σ(s_j), e = ½ Σ_k (t_k − z_k)², E = Σ e.
 * The rows are padded to a multiple of {@value DoubleKernels#PAD} images with mask 0, which adds exactly 0.
 */
public final class Backprop {
    private final ParamLayout layout;
    private final DoubleKernels kernels;
    private final int n;
    /** Row length: n rounded up to a multiple of the padding. */
    private final int stride;
    /** a[0][i][n] = x_i of image n; a[l+1][j][n] = z_j of weight layer l. */
    private final double[][][] a;
    /** delta[l][j][n] = δ_j of weight layer l for image n. */
    private final double[][][] delta;
    /** target[k][n] = t_k of image n (one-hot). */
    private final double[][] target;
    /** 1 for an image, 0 for padding. */
    private final double[] mask;
    /** The label index of each image as a double, −1 for padding. */
    private final double[] label;
    private int correct;

    public Backprop(ParamLayout layout, Dataset data) {
        this(layout, data, DoubleKernels.best());
    }

    Backprop(ParamLayout layout, Dataset data, DoubleKernels kernels) {
        if (data.pixels() != layout.inputs() || data.labels().size() != layout.outputs()) {
            throw new IllegalArgumentException("data " + data.shapeText() + "/" + data.labels().size()
                    + " labels do not fit network " + layout.shapeText());
        }
        this.layout = layout;
        this.kernels = kernels;
        this.n = data.size();
        this.stride = Math.max(DoubleKernels.PAD, (n + DoubleKernels.PAD - 1) / DoubleKernels.PAD * DoubleKernels.PAD);
        int layers = layout.layers();
        a = new double[layers + 1][][];
        a[0] = new double[layout.inputs()][stride];
        for (int img = 0; img < n; img++) {
            for (int i = 0; i < layout.inputs(); i++) {
                a[0][i][img] = data.pixel(img, i);
            }
        }
        delta = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            a[l + 1] = new double[layout.units(l)][stride];
            delta[l] = new double[layout.units(l)][stride];
        }
        target = new double[layout.outputs()][stride];
        mask = new double[stride];
        label = new double[stride];
        java.util.Arrays.fill(label, -1.0);
        for (int img = 0; img < n; img++) {
            target[data.target(img)][img] = 1.0;
            mask[img] = 1.0;
            label[img] = data.target(img);
        }
    }

    /** The kernels this JVM runs: "vector" (Vector API) or "plain". */
    public static String kernels() {
        return DoubleKernels.best().name();
    }

    public ParamLayout layout() {
        return layout;
    }

    /** Number of images. */
    public int size() {
        return n;
    }

    /** E at {@code params}; also updates {@link #correct()}. */
    public double value(double[] params) {
        checkLength(params);
        forward(params);
        return kernels.outputError(a[layout.layers()], target, mask, null, layout.outputs(), stride);
    }

    /**
     * E at {@code params}, and ∂E/∂p for every parameter written into {@code grad} (layout order);
     * also updates {@link #correct()}. The gradient computes and changes nothing else.
     */
    public double gradient(double[] params, double[] grad) {
        checkLength(params);
        checkLength(grad);
        forward(params);
        int out = layout.layers();
        double e = kernels.outputError(a[out], target, mask, delta[out - 1], layout.outputs(), stride);
        for (int l = out - 1; l >= 0; l--) {
            // ∂E/∂w_ji = Σ_images δ_j·(input i), ∂E/∂θ_j = −Σ_images δ_j
            kernels.accumulate(delta[l], layout.units(l), a[l], layout.fanIn(l), grad,
                    layout.weightOffset(l), layout.thresholdOffset(l), stride);
            if (l > 0) {
                // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j)
                kernels.backward(params, layout.weightOffset(l), delta[l], layout.units(l), a[l], delta[l - 1],
                        layout.fanIn(l), stride);
            }
        }
        return e;
    }

    /** Images whose largest output is their label's, at the last evaluation. */
    public int correct() {
        return correct;
    }

    private void forward(double[] p) {
        for (int l = 0; l < layout.layers(); l++) {
            // z_j = σ(Σ_i w_ji·x_i − θ_j)
            kernels.forward(p, layout.weightOffset(l), layout.thresholdOffset(l), a[l], layout.fanIn(l), a[l + 1],
                    layout.units(l), stride);
        }
        correct = kernels.correct(a[layout.layers()], layout.outputs(), label, stride);
    }

    private void checkLength(double[] p) {
        if (p.length != layout.count()) {
            throw new IllegalArgumentException("expected " + layout.count() + " values, got " + p.length);
        }
    }
}
