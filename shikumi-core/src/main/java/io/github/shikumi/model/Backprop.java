package io.github.shikumi.model;

import io.github.shikumi.data.Dataset;
import java.util.Arrays;

/**
 * E and ∂E over a whole dataset by backpropagation, fast: the images are processed together, one
 * array of N values per unit ("batch-major"), so every inner loop runs over contiguous memory and
 * the JIT can vectorise it. All buffers are allocated once here; {@link #gradient} allocates nothing.
 * Not thread-safe: one instance per thread.
 *
 * <p>Conventions (the book's): s_j = Σ_i w_ji·x_i − θ_j, z_j = σ(s_j), e = ½ Σ_k (t_k − z_k)², E = Σ e.
 */
public final class Backprop {
    private final ParamLayout layout;
    private final int n;
    /** a[0][i][n] = x_i of image n; a[l+1][j][n] = z_j of weight layer l. */
    private final double[][][] a;
    /** delta[l][j][n] = δ_j of weight layer l for image n. */
    private final double[][][] delta;
    /** target[k][n] = t_k of image n (one-hot). */
    private final double[][] target;
    private final int[] labels;
    private final double[] best;
    private final int[] bestIndex;
    private int correct;

    public Backprop(ParamLayout layout, Dataset data) {
        if (data.pixels() != layout.inputs() || data.labels().size() != layout.outputs()) {
            throw new IllegalArgumentException("data " + data.shapeText() + "/" + data.labels().size()
                    + " labels do not fit network " + layout.shapeText());
        }
        this.layout = layout;
        this.n = data.size();
        int layers = layout.layers();
        a = new double[layers + 1][][];
        a[0] = new double[layout.inputs()][n];
        for (int img = 0; img < n; img++) {
            for (int i = 0; i < layout.inputs(); i++) {
                a[0][i][img] = data.pixel(img, i);
            }
        }
        delta = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            a[l + 1] = new double[layout.units(l)][n];
            delta[l] = new double[layout.units(l)][n];
        }
        target = new double[layout.outputs()][n];
        labels = new int[n];
        for (int img = 0; img < n; img++) {
            labels[img] = data.target(img);
            target[labels[img]][img] = 1.0;
        }
        best = new double[n];
        bestIndex = new int[n];
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
        forward(params);
        return error(false);
    }

    /**
     * E at {@code params}, and ∂E/∂p for every parameter written into {@code grad} (layout order);
     * also updates {@link #correct()}. The gradient computes and changes nothing else.
     */
    public double gradient(double[] params, double[] grad) {
        forward(params);
        double e = error(true);
        for (int l = layout.layers() - 1; l >= 0; l--) {
            accumulate(l, params, grad);
            if (l > 0) {
                backward(l, params);
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
            double[][] in = a[l];
            double[][] out = a[l + 1];
            int nin = layout.fanIn(l);
            int w = layout.weightOffset(l);
            int t = layout.thresholdOffset(l);
            for (int j = 0; j < out.length; j++) {
                double[] s = out[j];
                Arrays.fill(s, -p[t + j]); // s_j = Σ_i w_ji·x_i − θ_j
                for (int i = 0; i < nin; i++) {
                    axpy(p[w + j * nin + i], in[i], s);
                }
                for (int img = 0; img < n; img++) {
                    s[img] = 1.0 / (1.0 + Math.exp(-s[img])); // z_j = σ(s_j)
                }
            }
        }
    }

    /** E, the output deltas (when wanted), and the count of correct predictions. */
    private double error(boolean deltas) {
        int out = layout.layers();
        double[][] z = a[out];
        double e = 0;
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int k = 0; k < z.length; k++) {
            double[] zk = z[k];
            double[] tk = target[k];
            double[] dk = delta[out - 1][k];
            double ek = 0;
            for (int img = 0; img < n; img++) {
                double diff = zk[img] - tk[img];
                ek += diff * diff; // e = ½ Σ_k (t_k − z_k)², halved below
                if (deltas) {
                    dk[img] = diff * zk[img] * (1.0 - zk[img]); // δO_k = −(t_k − z_k)·z_k(1 − z_k)
                }
            }
            e += 0.5 * ek;
            for (int img = 0; img < n; img++) {
                if (zk[img] > best[img]) {
                    best[img] = zk[img];
                    bestIndex[img] = k;
                }
            }
        }
        int c = 0;
        for (int img = 0; img < n; img++) {
            if (bestIndex[img] == labels[img]) {
                c++;
            }
        }
        correct = c;
        return e;
    }

    /** ∂E/∂w_ji = Σ_images δ_j·(input i), ∂E/∂θ_j = −Σ_images δ_j, for weight layer l. */
    private void accumulate(int l, double[] p, double[] grad) {
        double[][] in = a[l];
        double[][] d = delta[l];
        int nin = layout.fanIn(l);
        int w = layout.weightOffset(l);
        int t = layout.thresholdOffset(l);
        for (int j = 0; j < d.length; j++) {
            double[] dj = d[j];
            for (int i = 0; i < nin; i++) {
                grad[w + j * nin + i] = dot(dj, in[i]);
            }
            double sum = 0;
            for (int img = 0; img < n; img++) {
                sum += dj[img];
            }
            grad[t + j] = -sum;
        }
    }

    /** δ of weight layer l−1 from δ of layer l: δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j). */
    private void backward(int l, double[] p) {
        double[][] d = delta[l];
        double[][] below = delta[l - 1];
        double[][] h = a[l];
        int nin = layout.fanIn(l);
        int w = layout.weightOffset(l);
        for (int j = 0; j < below.length; j++) {
            double[] b = below[j];
            Arrays.fill(b, 0.0);
            for (int k = 0; k < d.length; k++) {
                axpy(p[w + k * nin + j], d[k], b);
            }
            double[] hj = h[j];
            for (int img = 0; img < n; img++) {
                b[img] *= hj[img] * (1.0 - hj[img]);
            }
        }
    }

    private void axpy(double alpha, double[] x, double[] y) {
        for (int img = 0; img < n; img++) {
            y[img] += alpha * x[img];
        }
    }

    private double dot(double[] x, double[] y) {
        double s = 0;
        for (int img = 0; img < n; img++) {
            s += x[img] * y[img];
        }
        return s;
    }
}
