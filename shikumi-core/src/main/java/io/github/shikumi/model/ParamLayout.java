package io.github.shikumi.model;

import java.util.Arrays;

/**
 * The one parameter order used everywhere (gradient, JSON, workbook, web tables): layer by layer,
 * the weights w_ji row-major (j = unit of this layer, i = unit of the layer below), then the
 * thresholds θ_j of that layer.
 */
public final class ParamLayout {
    private final int[] sizes;
    private final int[] weightOffset;
    private final int[] thresholdOffset;
    private final int count;

    /**
     * A layout of layers of these sizes.
     *
     * @param sizes units per layer, inputs first: {20, 3, 4} for the book's network
     * @throws IllegalArgumentException for fewer than two layers or a layer without units
     */
    public ParamLayout(int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output layer");
        }
        for (int s : sizes) {
            if (s < 1) {
                throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weightOffset = new int[layers];
        thresholdOffset = new int[layers];
        long p = 0;
        for (int l = 0; l < layers; l++) {
            long weights = p;
            long thresholds = weights + (long) sizes[l + 1] * sizes[l];
            p = thresholds + sizes[l + 1];
            if (p > Integer.MAX_VALUE - 8) { // more than one Java array holds: refused, not wrapped around
                throw new IllegalArgumentException("a network " + Arrays.toString(sizes)
                        + " has more parameters than one Java array holds");
            }
            weightOffset[l] = (int) weights;
            thresholdOffset[l] = (int) thresholds;
        }
        count = (int) p;
    }

    /**
     * Units per layer, inputs first.
     *
     * @return a copy of the sizes
     */
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * Number of weight layers (2 for the book's 20-3-4 network).
     *
     * @return the layers with weights and thresholds
     */
    public int layers() {
        return sizes.length - 1;
    }

    /**
     * Units of the input layer: pixels per image.
     *
     * @return the inputs
     */
    public int inputs() {
        return sizes[0];
    }

    /**
     * Units of the output layer: one per label.
     *
     * @return the outputs
     */
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /**
     * Units of weight layer {@code l}.
     *
     * @param l the weight layer, 0 = the first hidden layer
     * @return its units
     */
    public int units(int l) {
        return sizes[l + 1];
    }

    /**
     * Units of the layer below weight layer {@code l}: the inputs of each of its units.
     *
     * @param l the weight layer
     * @return its fan-in
     */
    public int fanIn(int l) {
        return sizes[l];
    }

    /**
     * Total parameter count (79 for 20-3-4).
     *
     * @return weights and thresholds of all layers
     */
    public int count() {
        return count;
    }

    /**
     * Index of w_ji of weight layer {@code l} in the flat parameter array.
     *
     * @param l the weight layer
     * @param j the unit of layer {@code l}
     * @param i the unit of the layer below
     * @return the index
     */
    public int weight(int l, int j, int i) {
        return weightOffset[l] + j * sizes[l] + i;
    }

    /**
     * Index of θ_j of weight layer {@code l} in the flat parameter array.
     *
     * @param l the weight layer
     * @param j the unit
     * @return the index
     */
    public int threshold(int l, int j) {
        return thresholdOffset[l] + j;
    }

    /**
     * Index of layer {@code l}'s first weight: its w_ji follow row by row (j, then i).
     *
     * @param l the weight layer
     * @return the index of w_11
     */
    public int weightOffset(int l) {
        return weightOffset[l];
    }

    /**
     * Index of layer {@code l}'s first threshold: its θ_j follow its weights.
     *
     * @param l the weight layer
     * @return the index of θ_1
     */
    public int thresholdOffset(int l) {
        return thresholdOffset[l];
    }

    /**
     * The book's name of the layer: "H" (hidden) and "O" (output) for one hidden layer, "H1", "H2", …, "O"
     * for deeper networks.
     *
     * @param l the weight layer
     * @return its name
     */
    public String layerName(int l) {
        if (l == layers() - 1) {
            return "O";
        }
        return layers() == 2 ? "H" : "H" + (l + 1);
    }

    /**
     * Readable name of parameter {@code p}, 1-based as in the book: "wH[2][17]", "θO[3]".
     *
     * @param p the index in the flat parameter array
     * @return its name
     * @throws IndexOutOfBoundsException when there is no such parameter
     */
    public String name(int p) {
        Position at = locate(p);
        return at.isThreshold() ? "θ" + layerName(at.layer()) + "[" + (at.unit() + 1) + "]"
                : "w" + layerName(at.layer()) + "[" + (at.unit() + 1) + "][" + (at.input() + 1) + "]";
    }

    /**
     * Where a parameter sits: weight w_ji of layer l (unit j, input i), or threshold θ_j of layer l (input −1).
     * The inverse of {@link #weight} and {@link #threshold}: every face that turns an index back into a place
     * (names, spreadsheet cells, web views) asks this instead of decoding the order itself.
     *
     * @param layer the weight layer (0 = the first hidden layer)
     * @param unit  j, the unit of that layer (0-based)
     * @param input i, the unit of the layer below (0-based), or −1 for the threshold
     */
    public record Position(int layer, int unit, int input) {
        /**
         * True for a threshold θ_j.
         *
         * @return whether this is a threshold
         */
        public boolean isThreshold() {
            return input < 0;
        }
    }

    /**
     * The place of parameter {@code p} in the network.
     *
     * @param p the index in the flat parameter array
     * @return its layer, unit and input (−1 for a threshold)
     * @throws IndexOutOfBoundsException when there is no such parameter
     */
    public Position locate(int p) {
        for (int l = 0; l < layers(); l++) {
            int w = weightOffset[l];
            int t = thresholdOffset[l];
            if (p >= w && p < t) {
                int k = p - w;
                return new Position(l, k / sizes[l], k % sizes[l]); // w_ji at w + j·fanIn + i
            }
            if (p >= t && p < t + sizes[l + 1]) {
                return new Position(l, p - t, -1);
            }
        }
        throw new IndexOutOfBoundsException(p);
    }

    /**
     * The sizes as the book writes them.
     *
     * @return e.g. "20-3-4"
     */
    public String shapeText() {
        StringBuilder sb = new StringBuilder();
        for (int s : sizes) {
            if (sb.length() > 0) {
                sb.append('-');
            }
            sb.append(s);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamLayout && Arrays.equals(sizes, ((ParamLayout) o).sizes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes);
    }
}
