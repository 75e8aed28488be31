package io.github.shikumi.model;

/**
 * Every number of the forward and backward pass for one image, in the book's notation, computed the
 * plain way (one image, one unit at a time) so that it reads like the book. The fast {@code engine.Backprop}
 * is checked against it.
 *
 * <p>Layers are numbered by weight layer l = 0 … L−1 (l = L−1 is the output layer). For the book's
 * 20-3-4 network l = 0 is the hidden layer H and l = 1 the output layer O.
 */
public final class Trace {
    private final ParamLayout layout;
    private final double[] x;
    private final double[] t;
    private final double[][] s;
    private final double[][] z;
    private final double[][] delta;
    private final double[][] backSum;
    private final double e;

    private Trace(ParamLayout layout, double[] x, double[] t, double[][] s, double[][] z, double[][] delta,
                  double[][] backSum, double e) {
        this.layout = layout;
        this.x = x;
        this.t = t;
        this.s = s;
        this.z = z;
        this.delta = delta;
        this.backSum = backSum;
        this.e = e;
    }

    /**
     * Traces image {@code x} whose label index is {@code target} (one-hot target t).
     *
     * @param net the network
     * @param x the image's pixels
     * @param target the index of its label
     * @return every number of its forward and backward pass
     */
    public static Trace of(Network net, double[] x, int target) {
        ParamLayout lay = net.layout();
        int layers = lay.layers();
        double[][] s = new double[layers][];
        double[][] z = new double[layers][];
        double[] a = x;
        for (int l = 0; l < layers; l++) {
            s[l] = new double[lay.units(l)];
            z[l] = new double[lay.units(l)];
            Activation f = net.unitFunction(l);
            for (int j = 0; j < lay.units(l); j++) {
                // s_j = Σ_i w_ji·x_i − θ_j, formed as the kernels do (the same bits): from −θ_j, input by input
                double sum = -net.threshold(l, j);
                for (int i = 0; i < lay.fanIn(l); i++) {
                    sum = Math.fma(net.weight(l, j, i), a[i], sum);
                }
                s[l][j] = sum;
                z[l][j] = f == null ? sum : f.value(sum); // z_j = f(s_j): the book's σ(s_j), or the layer's
            }
            if (f == null) {
                z[l] = s[l].clone();
                net.output().activate(z[l]); // z_k = e^{s_k} / Σ_m e^{s_m}
            }
            a = z[l];
        }
        int out = layers - 1;
        double[] t = new double[lay.outputs()];
        t[target] = 1.0;
        double e = net.output().error(z[out], t); // e = ½ Σ_k (t_k − z_k)² (softmax: −Σ_k t_k·log z_k)
        double[][] delta = new double[layers][];
        double[][] backSum = new double[layers][];
        delta[out] = new double[lay.outputs()];
        for (int k = 0; k < t.length; k++) {
            // δO_k = −(t_k − z_k)·z_k(1 − z_k) (softmax: z_k − t_k)
            delta[out][k] = net.output().delta(z[out][k], t[k]);
        }
        for (int l = out - 1; l >= 0; l--) {
            delta[l] = new double[lay.units(l)];
            backSum[l] = new double[lay.units(l)];
            for (int j = 0; j < lay.units(l); j++) {
                double sum = 0;
                for (int k = 0; k < lay.units(l + 1); k++) {
                    sum = Math.fma(delta[l + 1][k], net.weight(l + 1, k, j), sum); // Σ_k δO_k·wO_kj
                }
                backSum[l][j] = sum;
                // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j), h_j(1 − h_j) being σ' (another activation: its f')
                delta[l][j] = sum * net.activation(l).derivativeFromOutput(z[l][j]);
            }
        }
        return new Trace(lay, x.clone(), t, s, z, delta, backSum, e);
    }

    /**
     * The network's layout.
     *
     * @return the layout
     */
    public ParamLayout layout() {
        return layout;
    }

    /**
     * The image's pixels x_i.
     *
     * @return a copy of the inputs
     */
    public double[] inputs() {
        return x.clone();
    }

    /**
     * One-hot targets t_k.
     *
     * @return a copy of the targets
     */
    public double[] targets() {
        return t.clone();
    }

    /**
     * s_j of weight layer l.
     *
     * @param l the weight layer (0 = the first hidden layer)
     * @param j the unit of layer l
     * @return s_j = Σ_i w_ji·(input i) − θ_j
     */
    public double s(int l, int j) {
        return s[l][j];
    }

    /**
     * z_j of weight layer l (the book's h_j for the hidden layer, z_k for the output layer).
     *
     * @param l the weight layer (0 = the first hidden layer)
     * @param j the unit of layer l
     * @return z_j = f(s_j) (the book's σ(s_j))
     */
    public double z(int l, int j) {
        return z[l][j];
    }

    /**
     * Outputs z_k of the last layer.
     *
     * @return a copy of the outputs
     */
    public double[] outputs() {
        return z[z.length - 1].clone();
    }

    /**
     * δ_j of weight layer l.
     *
     * @param l the weight layer (0 = the first hidden layer)
     * @param j the unit of layer l
     * @return δ_j = ∂e/∂s_j
     */
    public double delta(int l, int j) {
        return delta[l][j];
    }

    /**
     * Σ_k δ_k·w_kj of the layer above, for hidden layer l (the factor before h_j(1 − h_j)).
     *
     * @param l a hidden weight layer
     * @param j the unit of layer l
     * @return the sum
     */
    public double backSum(int l, int j) {
        return backSum[l][j];
    }

    /**
     * The input of weight layer l's unit i: x_i for l = 0, else z_i of layer l−1.
     *
     * @param l the weight layer (0 = the first hidden layer)
     * @param i the unit of the layer below
     * @return the input
     */
    public double input(int l, int i) {
        return l == 0 ? x[i] : z[l - 1][i];
    }

    /**
     * e = ½ Σ_k (t_k − z_k)² (for a softmax output: −Σ_k t_k·log z_k).
     *
     * @return this image's error
     */
    public double e() {
        return e;
    }

    /**
     * ∂e/∂w_ji = δ_j·(input i).
     *
     * @param l the weight layer (0 = the first hidden layer)
     * @param j the unit of layer l
     * @param i the unit of the layer below
     * @return the derivative
     */
    public double gradWeight(int l, int j, int i) {
        return delta[l][j] * input(l, i);
    }

    /**
     * ∂e/∂θ_j = −δ_j (θ is subtracted in s_j).
     *
     * @param l the weight layer (0 = the first hidden layer)
     * @param j the unit of layer l
     * @return the derivative
     */
    public double gradThreshold(int l, int j) {
        return -delta[l][j];
    }

    /**
     * This image's gradient ∂e in the layout's parameter order.
     *
     * @return ∂e/∂p for every parameter p
     */
    public double[] gradient() {
        double[] g = new double[layout.count()];
        for (int l = 0; l < layout.layers(); l++) {
            for (int j = 0; j < layout.units(l); j++) {
                for (int i = 0; i < layout.fanIn(l); i++) {
                    g[layout.weight(l, j, i)] = gradWeight(l, j, i);
                }
                g[layout.threshold(l, j)] = gradThreshold(l, j);
            }
        }
        return g;
    }
}
