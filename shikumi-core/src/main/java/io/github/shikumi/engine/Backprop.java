package io.github.shikumi.engine;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * E and ∂E over a whole dataset (or one mini-batch at a time) by backpropagation, fast: the images are
 * processed together, one array of N values per unit ("batch-major"), so every inner loop runs over
 * contiguous memory and is vectorised ({@link DoubleKernels}: the Vector API when the JVM has
 * {@code jdk.incubator.vector}, plain Java otherwise). All buffers are allocated once here; {@link #gradient},
 * {@link #value} and {@link #load} allocate nothing. Not thread-safe: one instance per thread. This double
 * path is the reference the float path ({@link FloatBackprop}) is checked against.
 *
 * <p>Conventions (the book's): s_j = Σ_i w_ji·x_i − θ_j, z_j = σ(s_j), e = ½ Σ_k (t_k − z_k)², E = Σ e; with a
 * softmax output ({@link Output#SOFTMAX}) the output layer is z_k = e^{s_k} / Σ_m e^{s_m}, e = −Σ_k t_k·log z_k.
 * The rows are padded to a multiple of {@value DoubleKernels#PAD} images with mask 0, which adds exactly 0.
 */
public final class Backprop {
    private final ParamLayout layout;
    private final Output output;
    /** f[l]: the unit function of weight layer l ({@link Network#unitFunction}); null for a softmax output. */
    private final Activation[] f;
    private final DoubleKernels kernels;
    /** Images of the current data (the whole dataset, or the loaded batch). */
    private int n;
    /** Row length: the capacity rounded up to a multiple of the padding. */
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
    /** True when {@link #correct} must be counted from the outputs of the last evaluation. */
    private boolean countPending;

    /**
     * The book's network (sigmoid units, sigmoid output, squared error) on all of {@code data}.
     *
     * @param layout the network's shape and where each weight and threshold sits in the parameters
     * @param data   the images, all loaded now
     * @throws IllegalArgumentException when the data's pixels or labels do not fit the layout's inputs or outputs
     */
    public Backprop(ParamLayout layout, Dataset data) {
        this(layout, Output.SIGMOID, data);
    }

    /**
     * A network of sigmoid hidden units with the given output layer on all of {@code data}.
     *
     * @param layout the network's shape and where each weight and threshold sits in the parameters
     * @param output the output layer and its loss
     * @param data   the images, all loaded now
     * @throws IllegalArgumentException when the data's pixels or labels do not fit the layout's inputs or outputs
     */
    public Backprop(ParamLayout layout, Output output, Dataset data) {
        this(layout, output, sigmoids(layout), data, DoubleKernels.best());
    }

    /**
     * The shape, activations and output layer of {@code net} (not its parameters: they are the argument of
     * {@link #value} and {@link #gradient}) on all of {@code data}.
     *
     * @param net  the network whose shape, activations and output layer are used
     * @param data the images, all loaded now
     * @throws IllegalArgumentException when the data's pixels or labels do not fit the network's inputs or outputs
     */
    public Backprop(Network net, Dataset data) {
        this(net.layout(), net.output(), net.activations(), data, DoubleKernels.best());
    }

    Backprop(ParamLayout layout, Dataset data, DoubleKernels kernels) {
        this(layout, Output.SIGMOID, sigmoids(layout), data, kernels);
    }

    Backprop(ParamLayout layout, Output output, Dataset data, DoubleKernels kernels) {
        this(layout, output, sigmoids(layout), data, kernels);
    }

    Backprop(ParamLayout layout, Output output, List<Activation> activations, Dataset data, DoubleKernels kernels) {
        this(layout, output, activations, data.size(), kernels);
        check(data);
        load(data, null, 0, data.size());
    }

    /**
     * For mini-batches of up to {@code capacity} images of a network of sigmoid hidden units: {@link #load} a
     * batch, then evaluate.
     *
     * @param layout   the network's shape and where each weight and threshold sits in the parameters
     * @param output   the output layer and its loss
     * @param capacity the most images of one batch
     * @return an engine with no images loaded yet
     */
    public static Backprop forBatches(ParamLayout layout, Output output, int capacity) {
        return new Backprop(layout, output, sigmoids(layout), capacity, DoubleKernels.best());
    }

    /**
     * For mini-batches of up to {@code capacity} images of {@code net}'s shape, activations and output layer.
     *
     * @param net      the network whose shape, activations and output layer are used (not its parameters)
     * @param capacity the most images of one batch
     * @return an engine with no images loaded yet
     */
    public static Backprop forBatches(Network net, int capacity) {
        return new Backprop(net.layout(), net.output(), net.activations(), capacity, DoubleKernels.best());
    }

    private static List<Activation> sigmoids(ParamLayout layout) {
        return Collections.nCopies(layout.layers() - 1, Activation.SIGMOID);
    }

    private Backprop(ParamLayout layout, Output output, List<Activation> activations, int capacity,
                     DoubleKernels kernels) {
        this.layout = layout;
        this.output = output;
        this.f = new Activation[layout.layers()];
        for (int l = 0; l < f.length; l++) {
            f[l] = Network.unitFunction(l, layout, output, activations);
        }
        this.kernels = kernels;
        this.stride = Math.max(DoubleKernels.PAD, (capacity + DoubleKernels.PAD - 1) / DoubleKernels.PAD * DoubleKernels.PAD);
        int layers = layout.layers();
        a = new double[layers + 1][][];
        a[0] = new double[layout.inputs()][stride];
        delta = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            a[l + 1] = new double[layout.units(l)][stride];
            delta[l] = new double[layout.units(l)][stride];
        }
        target = new double[layout.outputs()][stride];
        mask = new double[stride];
        label = new double[stride];
    }

    private void check(Dataset data) {
        if (data.pixels() != layout.inputs() || data.labels().size() != layout.outputs()) {
            throw new IllegalArgumentException("data " + data.shapeText() + "/" + data.labels().size()
                    + " labels do not fit network " + layout.shapeText());
        }
    }

    /**
     * Makes images {@code index[from] … index[from + count − 1]} of {@code data} the current data (or images
     * {@code from …} in order when {@code index} is null).
     *
     * @param data  the dataset the images are taken from
     * @param index image numbers of {@code data} (a shuffled order), or null for images in their own order
     * @param from  the first position in {@code index} (or the first image when {@code index} is null)
     * @param count how many images to load, at most the capacity
     * @throws IllegalArgumentException when {@code count} is negative or above the capacity, or the data do
     *                                  not fit the layout
     */
    public void load(Dataset data, int[] index, int from, int count) {
        if (count < 0 || count > stride) {
            throw new IllegalArgumentException("batch of " + count + " images, capacity " + stride);
        }
        check(data);
        for (double[] row : target) {
            Arrays.fill(row, 0.0);
        }
        Arrays.fill(mask, 0.0);
        Arrays.fill(label, -1.0);
        for (double[] row : a[0]) {
            Arrays.fill(row, count, stride, 0.0);
        }
        for (int b = 0; b < count; b++) {
            int img = index == null ? from + b : index[from + b];
            for (int i = 0; i < layout.inputs(); i++) {
                a[0][i][b] = data.pixel(img, i);
            }
            target[data.target(img)][b] = 1.0;
            mask[b] = 1.0;
            label[b] = data.target(img);
        }
        n = count;
        correct = 0;
        countPending = false;
    }

    /**
     * The kernels this JVM runs: "vector" (Vector API) or "plain".
     *
     * @return the name of the double kernels in use
     */
    public static String kernels() {
        return DoubleKernels.best().name();
    }

    /**
     * The network's shape.
     *
     * @return the layout of the parameters this engine takes
     */
    public ParamLayout layout() {
        return layout;
    }

    /**
     * The output layer.
     *
     * @return the output layer and its loss
     */
    public Output output() {
        return output;
    }

    /**
     * Number of images of the current data.
     *
     * @return the images loaded (the whole dataset, or the current batch)
     */
    public int size() {
        return n;
    }

    /**
     * E at {@code params}; also updates {@link #correct()}.
     *
     * @param params the parameters, in layout order
     * @return E = Σ over the current images of e (½ Σ_k (t_k − z_k)², or the softmax's cross-entropy)
     * @throws IllegalArgumentException when {@code params} is not as long as the layout's count
     */
    public double value(double[] params) {
        checkLength(params);
        forward(params);
        return error(null);
    }

    /**
     * E at {@code params}, and ∂E/∂p for every parameter written into {@code grad} (layout order);
     * also updates {@link #correct()}. The gradient computes and changes nothing else.
     *
     * @param params the parameters, in layout order
     * @param grad   receives ∂E/∂p: ∂E/∂w_ji = Σ_images δ_j·x_i, ∂E/∂θ_j = −Σ_images δ_j; overwritten
     * @return E at {@code params}
     * @throws IllegalArgumentException when {@code params} or {@code grad} is not as long as the layout's count
     */
    public double gradient(double[] params, double[] grad) {
        checkLength(params);
        checkLength(grad);
        forward(params);
        int out = layout.layers();
        double e = error(delta[out - 1]);
        for (int l = out - 1; l >= 0; l--) {
            // ∂E/∂w_ji = Σ_images δ_j·(input i), ∂E/∂θ_j = −Σ_images δ_j
            kernels.accumulate(delta[l], layout.units(l), a[l], layout.fanIn(l), grad,
                    layout.weightOffset(l), layout.thresholdOffset(l), stride);
            if (l > 0) {
                // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j) (for σ; another activation: its f'(h_j))
                kernels.backward(params, layout.weightOffset(l), delta[l], layout.units(l), a[l], delta[l - 1],
                        layout.fanIn(l), stride, f[l - 1]);
            }
        }
        return e;
    }

    /**
     * Images whose largest output is their label's, at the last evaluation (counted when first asked for).
     *
     * @return the number of current images classified correctly
     */
    public int correct() {
        if (countPending) {
            correct = kernels.correct(a[layout.layers()], layout.outputs(), label, stride);
            countPending = false;
        }
        return correct;
    }

    private void forward(double[] p) {
        int layers = layout.layers();
        for (int l = 0; l < layers; l++) {
            // z_j = σ(Σ_i w_ji·x_i − θ_j) (or the layer's f); a softmax output layer keeps s_j here
            kernels.forward(p, layout.weightOffset(l), layout.thresholdOffset(l), a[l], layout.fanIn(l), a[l + 1],
                    layout.units(l), stride, f[l]);
        }
        countPending = true;
    }

    private double error(double[][] outputDelta) {
        double[][] z = a[layout.layers()];
        return output == Output.SIGMOID
                ? kernels.outputError(z, target, mask, outputDelta, layout.outputs(), stride)
                : kernels.softmaxError(z, target, mask, outputDelta, layout.outputs(), stride);
    }

    private void checkLength(double[] p) {
        if (p.length != layout.count()) {
            throw new IllegalArgumentException("expected " + layout.count() + " values, got " + p.length);
        }
    }
}
