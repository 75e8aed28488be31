package io.github.shikumi.model;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fully connected network with the book's conventions: a unit's input is
 * {@code s_j = Σ_i w_ji·x_i − θ_j} (the threshold is subtracted) and its output {@code z_j = f(s_j)}, f the
 * layer's {@link Activation} (the book's σ unless the network says otherwise, {@link #activation(int)}).
 * It is a shape ({@link ParamLayout}), the output labels, the input image shape, and one flat parameter
 * array in the layout's order. Immutable: training makes new networks. The output layer is the book's
 * sigmoid unless the network says otherwise ({@link #output()}, {@link Output}).
 */
public final class Network {
    /** Half-width of the uniform distribution of initial parameters: every w and θ from U[−a, a). */
    public static final double INIT_RANGE = 0.5;

    private final ParamLayout layout;
    private final List<String> labels;
    private final int height;
    private final int width;
    private final double[] params;
    private final Map<String, Object> provenance;
    private final Output output;
    /** hidden[l]: the activation of hidden layer l (weight layers 0 … layers − 2). */
    private final Activation[] hidden;

    /**
     * A network with the book's sigmoid output layer.
     *
     * @param layout     the sizes of the layers
     * @param labels     one label per output unit
     * @param height     rows of the images it reads
     * @param width      columns of the images it reads
     * @param params     every w_ji and θ_j in the layout's order (copied)
     * @param provenance how it was made (see {@link #provenance()})
     * @throws IllegalArgumentException when the image shape, the labels or the parameters do not fit the layout
     */
    public Network(ParamLayout layout, List<String> labels, int height, int width, double[] params,
                   Map<String, Object> provenance) {
        this(layout, labels, height, width, params, provenance, Output.SIGMOID);
    }

    /**
     * A network.
     *
     * @param layout     the sizes of the layers
     * @param labels     one label per output unit
     * @param height     rows of the images it reads
     * @param width      columns of the images it reads
     * @param params     every w_ji and θ_j in the layout's order (copied)
     * @param provenance how it was made (see {@link #provenance()})
     * @param output     the output layer and loss
     * @throws IllegalArgumentException when the image shape, the labels or the parameters do not fit the layout
     */
    public Network(ParamLayout layout, List<String> labels, int height, int width, double[] params,
                   Map<String, Object> provenance, Output output) {
        this(layout, labels, height, width, params, provenance, output,
                Collections.nCopies(layout.layers() - 1, Activation.SIGMOID));
    }

    /**
     * A network with the given activation of each hidden layer.
     *
     * @param layout      the sizes of the layers
     * @param labels      one label per output unit
     * @param height      rows of the images it reads
     * @param width       columns of the images it reads
     * @param params      every w_ji and θ_j in the layout's order (copied)
     * @param provenance  how it was made (see {@link #provenance()})
     * @param output      the output layer and loss
     * @param activations the activation of each hidden layer, from the input side ({@code layers − 1} of them)
     * @throws IllegalArgumentException when the image shape, the labels, the parameters or the activations do
     *         not fit the layout
     */
    public Network(ParamLayout layout, List<String> labels, int height, int width, double[] params,
                   Map<String, Object> provenance, Output output, List<Activation> activations) {
        if (activations.size() != layout.layers() - 1 || activations.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(activations + " for " + (layout.layers() - 1) + " hidden layers");
        }
        if (layout.inputs() != height * width) {
            throw new IllegalArgumentException("input shape " + height + "x" + width + " for " + layout.inputs() + " inputs");
        }
        if (labels.size() != layout.outputs()) {
            throw new ShikumiException("labels", Msg.MODEL_LABELS, layout.outputs(), labels.size());
        }
        if (params.length != layout.count()) {
            throw new ShikumiException("params", Msg.MISMATCH_PARAMS, layout.count(), params.length);
        }
        this.layout = layout;
        this.labels = List.copyOf(labels);
        this.height = height;
        this.width = width;
        this.params = params.clone();
        this.provenance = Provenance.canonical(provenance);
        this.output = output;
        this.hidden = activations.toArray(new Activation[0]);
    }

    /**
     * A network with the book's sigmoid output layer and no provenance.
     *
     * @param layout the sizes of the layers
     * @param labels one label per output unit
     * @param height rows of the images it reads
     * @param width  columns of the images it reads
     * @param params every w_ji and θ_j in the layout's order (copied)
     * @throws IllegalArgumentException when the image shape, the labels or the parameters do not fit the layout
     */
    public Network(ParamLayout layout, List<String> labels, int height, int width, double[] params) {
        this(layout, labels, height, width, params, Map.of());
    }

    /**
     * Seeded initial parameters: every weight and threshold drawn independently from the uniform
     * distribution on [−{@value #INIT_RANGE}, {@value #INIT_RANGE}) by {@code java.util.SplittableRandom(seed)},
     * in the layout's order. The same seed gives the same network on every machine.
     *
     * @param data   the training data: the inputs (its pixels), the outputs (its labels) and the image shape
     * @param seed   the seed
     * @param hidden units of each hidden layer, from the input side ({@code 3} for the book's 20-3-4)
     * @return the initial network
     * @throws io.github.shikumi.text.ShikumiException for {@code "hidden"} when a layer has fewer than 1 unit, or
     *         when a label of the data has no images
     */
    public static Network initial(Dataset data, long seed, int... hidden) {
        checkEveryLabelHasImages(data);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = data.pixels();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = data.labels().size();
        for (int h : hidden) {
            if (h < 1) {
                throw new ShikumiException("hidden", Msg.HIDDEN_INVALID, h);
            }
        }
        ParamLayout layout = new ParamLayout(sizes);
        return new Network(layout, data.labels(), data.height(), data.width(), initialParams(layout, seed),
                Provenance.initial("uniform[-" + INIT_RANGE + "," + INIT_RANGE + ")", seed));
    }

    /**
     * A new network gets one output per label of its data: a declared label without images would give it an
     * output that training never shows its letter (data without some label are fine for a trained model).
     */
    private static void checkEveryLabelHasImages(Dataset data) {
        int[] counts = data.countsPerLabel();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                throw new ShikumiException(data.name(), Msg.DATA_LABEL_EMPTY, data.labels().get(k));
            }
        }
    }

    /**
     * The parameters {@link #initial} draws for a layout and seed.
     *
     * @param layout the layout
     * @param seed   the seed
     * @return one value per parameter, in the layout's order
     */
    public static double[] initialParams(ParamLayout layout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[layout.count()];
        for (int k = 0; k < p.length; k++) {
            p[k] = random.nextDouble(-INIT_RANGE, INIT_RANGE);
        }
        return p;
    }

    /**
     * The sizes of the layers and where each parameter is.
     *
     * @return the layout
     */
    public ParamLayout layout() {
        return layout;
    }

    /**
     * The labels, one per output unit, in order.
     *
     * @return the labels (unmodifiable)
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Rows of the images this network reads.
     *
     * @return the height
     */
    public int height() {
        return height;
    }

    /**
     * Columns of the images this network reads.
     *
     * @return the width
     */
    public int width() {
        return width;
    }

    /**
     * The parameters in the layout's order.
     *
     * @return a copy of every w_ji and θ_j
     */
    public double[] params() {
        return params.clone();
    }

    /**
     * One parameter.
     *
     * @param p its index in the layout's order ({@link ParamLayout#weight}, {@link ParamLayout#threshold})
     * @return its value
     */
    public double param(int p) {
        return params[p];
    }

    /**
     * w_ji of weight layer l.
     *
     * @param l the weight layer (0 = the first hidden layer)
     * @param j the unit of layer l
     * @param i the unit of the layer below
     * @return the weight
     */
    public double weight(int l, int j, int i) {
        return params[layout.weight(l, j, i)];
    }

    /**
     * θ_j of weight layer l (subtracted: s_j = Σ_i w_ji·x_i − θ_j).
     *
     * @param l the weight layer
     * @param j the unit
     * @return the threshold
     */
    public double threshold(int l, int j) {
        return params[layout.threshold(l, j)];
    }

    /**
     * How this model was made (data, seed, η, iterations, …; {@link Provenance}).
     *
     * @return the entries in their canonical order; empty when unknown
     */
    public Map<String, Object> provenance() {
        return provenance;
    }

    /**
     * The output layer and loss: the book's sigmoid and squared error, or softmax and cross-entropy.
     *
     * @return the output kind
     */
    public Output output() {
        return output;
    }

    /**
     * The same shape and labels with other parameters.
     *
     * @param newParams every w_ji and θ_j in the layout's order
     * @return the new network
     */
    public Network withParams(double[] newParams) {
        return new Network(layout, labels, height, width, newParams, provenance, output, activations());
    }

    /**
     * The same network with another record of how it was made.
     *
     * @param newProvenance the entries
     * @return the new network
     */
    public Network withProvenance(Map<String, Object> newProvenance) {
        return new Network(layout, labels, height, width, params, newProvenance, output, activations());
    }

    /**
     * The activation of a hidden layer.
     *
     * @param l the weight layer, 0 … {@code layout().layers() − 2}
     * @return its activation
     */
    public Activation activation(int l) {
        return hidden[l];
    }

    /**
     * The activations of the hidden layers, from the input side.
     *
     * @return one per hidden layer (unmodifiable)
     */
    public List<Activation> activations() {
        return List.of(hidden);
    }

    /**
     * The activation of weight layer l as the engine runs it: the hidden layer's, σ for the book's output layer,
     * null for a softmax output layer (its sums stay for {@link Output#activate}).
     *
     * @param l the weight layer
     * @return the unit function, or null
     */
    public Activation unitFunction(int l) {
        return unitFunction(l, layout, output, List.of(hidden));
    }

    /**
     * The activation weight layer l runs: hidden layers their own, the book's output layer σ, a softmax
     * output layer none (null).
     *
     * @param l           the weight layer
     * @param layout      the layout
     * @param output      the output layer
     * @param activations the hidden layers' activations
     * @return the unit function, or null
     */
    public static Activation unitFunction(int l, ParamLayout layout, Output output, List<Activation> activations) {
        if (l < layout.layers() - 1) {
            return activations.get(l);
        }
        return output == Output.SIGMOID ? Activation.SIGMOID : null;
    }

    /**
     * The same parameters with other activations of the hidden layers.
     *
     * @param activations one per hidden layer
     * @return the new network
     */
    public Network withActivations(List<Activation> activations) {
        return new Network(layout, labels, height, width, params, provenance, output, activations);
    }

    /**
     * The same parameters with another output layer.
     *
     * @param newOutput the output kind
     * @return the new network
     */
    public Network withOutput(Output newOutput) {
        return new Network(layout, labels, height, width, params, provenance, newOutput, activations());
    }

    /**
     * Seeded initial parameters for networks with many inputs per unit: every weight and threshold of weight
     * layer l drawn from the uniform distribution on [−1/√n_l, 1/√n_l), n_l the layer's fan-in (as PyTorch's
     * {@code nn.Linear} does), by {@code SplittableRandom(seed)} in the layout's order. With the book's
     * U[−1, 1) a unit with 784 inputs starts saturated (|s| of the order of 10).
     *
     * @param layout the sizes of the layers (its inputs and outputs must fit the data)
     * @param data   the training data
     * @param output the output layer and loss
     * @param seed   the seed
     * @return the initial network
     */
    public static Network initialFanIn(ParamLayout layout, Dataset data, Output output, long seed) {
        checkEveryLabelHasImages(data);
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[layout.count()];
        for (int l = 0; l < layout.layers(); l++) {
            double a = 1.0 / Math.sqrt(layout.fanIn(l));
            int end = layout.thresholdOffset(l) + layout.units(l);
            for (int k = layout.weightOffset(l); k < end; k++) {
                p[k] = random.nextDouble(-a, a);
            }
        }
        return new Network(layout, data.labels(), data.height(), data.width(), p,
                Provenance.initial("uniform[-1/sqrt(fanIn),1/sqrt(fanIn))", seed), output);
    }

    /**
     * The output z of every output unit for one image.
     *
     * @param x the image's pixels, row by row ({@code height() × width()} values)
     * @return one output per label, in the order of {@link #labels()}
     * @throws ShikumiException (an {@link IllegalArgumentException}) for {@code "image"} when {@code x} has
     *         another length, naming the expected and the actual length
     */
    public double[] outputs(double[] x) {
        if (x.length != layout.inputs()) {
            throw new ShikumiException("image", Msg.IMAGE_LENGTH, x.length, layout.inputs(), height + "×" + width);
        }
        double[] a = x;
        for (int l = 0; l < layout.layers(); l++) {
            int nin = layout.fanIn(l);
            int nout = layout.units(l);
            double[] z = new double[nout];
            int w = layout.weightOffset(l);
            int t = layout.thresholdOffset(l);
            Activation f = unitFunction(l);
            int j = 0;
            for (; j + 3 < nout; j += 4) {
                // four units side by side: four chains of multiply-adds in flight, each sum in its own order
                double s0 = -params[t + j];
                double s1 = -params[t + j + 1];
                double s2 = -params[t + j + 2];
                double s3 = -params[t + j + 3];
                int r0 = w + j * nin;
                for (int i = 0; i < nin; i++) {
                    double ai = a[i];
                    s0 = Math.fma(params[r0 + i], ai, s0);
                    s1 = Math.fma(params[r0 + nin + i], ai, s1);
                    s2 = Math.fma(params[r0 + 2 * nin + i], ai, s2);
                    s3 = Math.fma(params[r0 + 3 * nin + i], ai, s3);
                }
                z[j] = f == null ? s0 : f.value(s0);
                z[j + 1] = f == null ? s1 : f.value(s1);
                z[j + 2] = f == null ? s2 : f.value(s2);
                z[j + 3] = f == null ? s3 : f.value(s3);
            }
            for (; j < nout; j++) {
                double s = -params[t + j]; // s_j = Σ w_ji·x_i − θ_j, from −θ_j input by input (as the kernels)
                for (int i = 0; i < nin; i++) {
                    s = Math.fma(params[w + j * nin + i], a[i], s);
                }
                z[j] = f == null ? s : f.value(s); // z_j = f(s_j), the book's σ(s_j)
            }
            if (f == null) {
                output.activate(z); // z_k = e^{s_k} / Σ_m e^{s_m}
            }
            a = z;
        }
        return a;
    }

    /**
     * Index of the largest output (the first one on a tie).
     *
     * @param z the outputs
     * @return the index of the predicted label
     */
    public static int argmax(double[] z) {
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Checks that this model can read the data: the same image shape (a 4×5 model does not read 5×4 images,
     * though both have 20 pixels) and the same labels in the same order.
     *
     * @param data      the data
     * @param modelName the model's name (a file name) for the message
     * @throws io.github.shikumi.text.ShikumiException naming {@code modelName} when they do not fit
     */
    public void checkFits(Dataset data, String modelName) {
        if (data.pixels() != layout.inputs()) {
            throw new ShikumiException(modelName, Msg.MISMATCH_INPUTS, layout.inputs(), height + "×" + width,
                    data.pixels(), data.shapeText());
        }
        if (data.height() != height || data.width() != width) {
            throw new ShikumiException(modelName, Msg.MISMATCH_SHAPE, height + "×" + width, data.shapeText());
        }
        if (!data.labels().equals(labels)) {
            throw new ShikumiException(modelName, Msg.MISMATCH_LABELS, labels, data.labels());
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Network)) {
            return false;
        }
        Network n = (Network) o;
        return layout.equals(n.layout) && labels.equals(n.labels) && height == n.height && width == n.width
                && Arrays.equals(params, n.params) && output == n.output && Arrays.equals(hidden, n.hidden);
    }

    @Override
    public int hashCode() {
        return layout.hashCode() * 31 + Arrays.hashCode(params);
    }
}
