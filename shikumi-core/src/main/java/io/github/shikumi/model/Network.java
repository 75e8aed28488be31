package io.github.shikumi.model;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fully connected sigmoid network with the book's conventions: a unit's input is
 * {@code s_j = Σ_i w_ji·x_i − θ_j} (the threshold is subtracted) and its output {@code z_j = σ(s_j)}.
 * It is a shape ({@link ParamLayout}), the output labels, the input image shape, and one flat parameter
 * array in the layout's order. Immutable: training makes new networks.
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

    public Network(ParamLayout layout, List<String> labels, int height, int width, double[] params,
                   Map<String, Object> provenance) {
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
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    public Network(ParamLayout layout, List<String> labels, int height, int width, double[] params) {
        this(layout, labels, height, width, params, Map.of());
    }

    /**
     * Seeded initial parameters: every weight and threshold drawn independently from the uniform
     * distribution on [−{@value #INIT_RANGE}, {@value #INIT_RANGE}) by {@code java.util.SplittableRandom(seed)},
     * in the layout's order. The same seed gives the same network on every machine.
     */
    public static Network initial(Dataset data, long seed, int... hidden) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = data.pixels();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = data.labels().size();
        for (int h : hidden) {
            if (h < 1) {
                throw new ShikumiException("--hidden", Msg.HIDDEN_INVALID, h);
            }
        }
        ParamLayout layout = new ParamLayout(sizes);
        return new Network(layout, data.labels(), data.height(), data.width(), initialParams(layout, seed),
                Map.of("init", "uniform[-" + INIT_RANGE + "," + INIT_RANGE + ")", "seed", seed));
    }

    /** The parameters {@link #initial} draws for a layout and seed. */
    public static double[] initialParams(ParamLayout layout, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[layout.count()];
        for (int k = 0; k < p.length; k++) {
            p[k] = random.nextDouble(-INIT_RANGE, INIT_RANGE);
        }
        return p;
    }

    public ParamLayout layout() {
        return layout;
    }

    public List<String> labels() {
        return labels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The parameters in the layout's order (a copy). */
    public double[] params() {
        return params.clone();
    }

    public double param(int p) {
        return params[p];
    }

    /** w_ji of weight layer l. */
    public double weight(int l, int j, int i) {
        return params[layout.weight(l, j, i)];
    }

    /** θ_j of weight layer l. */
    public double threshold(int l, int j) {
        return params[layout.threshold(l, j)];
    }

    /** How this model was made (data, seed, η, iterations, …); empty when unknown. */
    public Map<String, Object> provenance() {
        return provenance;
    }

    /** The same shape and labels with other parameters. */
    public Network withParams(double[] newParams) {
        return new Network(layout, labels, height, width, newParams, provenance);
    }

    public Network withProvenance(Map<String, Object> newProvenance) {
        return new Network(layout, labels, height, width, params, newProvenance);
    }

    /** The output z of every output unit for one image. */
    public double[] outputs(double[] x) {
        double[] a = x;
        for (int l = 0; l < layout.layers(); l++) {
            int nin = layout.fanIn(l);
            int nout = layout.units(l);
            double[] z = new double[nout];
            int w = layout.weightOffset(l);
            int t = layout.thresholdOffset(l);
            for (int j = 0; j < nout; j++) {
                double s = 0;
                for (int i = 0; i < nin; i++) {
                    s += params[w + j * nin + i] * a[i];
                }
                z[j] = Sigmoid.value(s - params[t + j]); // s_j = Σ w_ji·x_i − θ_j, z_j = σ(s_j)
            }
            a = z;
        }
        return a;
    }

    /** Index of the largest output (the first one on a tie). */
    public static int argmax(double[] z) {
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Checks that this model can read the data: same pixel count and the same labels in the same order. */
    public void checkFits(Dataset data, String modelName) {
        if (data.pixels() != layout.inputs()) {
            throw new ShikumiException(modelName, Msg.MISMATCH_INPUTS, layout.inputs(), height + "×" + width,
                    data.pixels(), data.shapeText());
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
                && Arrays.equals(params, n.params);
    }

    @Override
    public int hashCode() {
        return layout.hashCode() * 31 + Arrays.hashCode(params);
    }
}
