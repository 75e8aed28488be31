package io.github.shikumi.engine;

import io.github.shikumi.model.Activation;
import java.util.Arrays;

/**
 * {@link DoubleKernels} in plain Java, computing every value in the canonical order ({@link DoubleKernels}):
 * the same fused multiply-adds in the same order as {@code VectorDoubleKernels}, the same exp ({@link Exp}),
 * and sums over images in {@value DoubleKernels#PARTIALS} interleaved partial sums folded by
 * {@link DoubleKernels#fold}. Inner loops run over the images of one row (one array per row).
 */
final class PlainDoubleKernels extends DoubleKernels {
    @Override
    String name() {
        return "plain";
    }

    @Override
    void forward(double[] p, int w, int t, double[][] in, int nin, double[][] out, int nout, int n,
                 Activation f) {
        for (int j = 0; j < nout; j++) {
            double[] s = out[j];
            Arrays.fill(s, 0, n, -p[t + j]); // s_j = Σ_i w_ji·x_i − θ_j, from −θ_j, then input by input
            int row = w + j * nin;
            int i = 0;
            for (; i + 3 < nin; i += 4) { // four inputs per pass: a quarter of the loads and stores of s
                double w0 = p[row + i];
                double w1 = p[row + i + 1];
                double w2 = p[row + i + 2];
                double w3 = p[row + i + 3];
                double[] x0 = in[i];
                double[] x1 = in[i + 1];
                double[] x2 = in[i + 2];
                double[] x3 = in[i + 3];
                for (int img = 0; img < n; img++) {
                    s[img] = Math.fma(w3, x3[img], Math.fma(w2, x2[img], Math.fma(w1, x1[img], Math.fma(w0, x0[img], s[img]))));
                }
            }
            for (; i < nin; i++) {
                double wi = p[row + i];
                double[] x = in[i];
                for (int img = 0; img < n; img++) {
                    s[img] = Math.fma(wi, x[img], s[img]);
                }
            }
            if (f != null) {
                f.activate(s, n); // z_j = f(s_j), the book's σ(s_j)
            }
        }
    }

    @Override
    double outputError(double[][] z, double[][] target, double[] mask, double[][] delta, int nk, int n) {
        double e = 0;
        for (int k = 0; k < nk; k++) {
            e += 0.5 * squares(z[k], target[k], mask, n); // e = ½ Σ_k (t_k − z_k)²
            if (delta != null) {
                double[] zk = z[k];
                double[] tk = target[k];
                double[] dk = delta[k];
                for (int img = 0; img < n; img++) {
                    // δO_k = −(t_k − z_k)·z_k(1 − z_k)
                    dk[img] = (zk[img] - tk[img]) * (zk[img] * (1.0 - zk[img])) * mask[img];
                }
            }
        }
        return e;
    }

    /** Σ_images (t_k − z_k)²·mask, in the canonical partial sums. */
    static double squares(double[] zk, double[] tk, double[] mask, int n) {
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        for (int img = 0; img < n; img += PARTIALS) {
            double d0 = zk[img] - tk[img];
            double d1 = zk[img + 1] - tk[img + 1];
            double d2 = zk[img + 2] - tk[img + 2];
            double d3 = zk[img + 3] - tk[img + 3];
            p0 = Math.fma(d0 * d0, mask[img], p0);
            p1 = Math.fma(d1 * d1, mask[img + 1], p1);
            p2 = Math.fma(d2 * d2, mask[img + 2], p2);
            p3 = Math.fma(d3 * d3, mask[img + 3], p3);
        }
        return fold(p0, p1, p2, p3);
    }

    @Override
    void accumulate(double[][] delta, int nout, double[][] in, int nin, double[] grad, int w, int t, int n) {
        for (int j = 0; j < nout; j++) {
            double[] dj = delta[j];
            int row = w + j * nin;
            int i = 0;
            for (; i + 1 < nin; i += 2) { // two sums per pass, δ_j loaded once for both
                double[] x0 = in[i];
                double[] x1 = in[i + 1];
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                double b0 = 0;
                double b1 = 0;
                double b2 = 0;
                double b3 = 0;
                for (int img = 0; img < n; img += PARTIALS) {
                    double d0 = dj[img];
                    double d1 = dj[img + 1];
                    double d2 = dj[img + 2];
                    double d3 = dj[img + 3];
                    a0 = Math.fma(d0, x0[img], a0); // ∂E/∂w_ji = Σ δ_j·x_i
                    a1 = Math.fma(d1, x0[img + 1], a1);
                    a2 = Math.fma(d2, x0[img + 2], a2);
                    a3 = Math.fma(d3, x0[img + 3], a3);
                    b0 = Math.fma(d0, x1[img], b0);
                    b1 = Math.fma(d1, x1[img + 1], b1);
                    b2 = Math.fma(d2, x1[img + 2], b2);
                    b3 = Math.fma(d3, x1[img + 3], b3);
                }
                grad[row + i] = fold(a0, a1, a2, a3);
                grad[row + i + 1] = fold(b0, b1, b2, b3);
            }
            for (; i < nin; i++) {
                grad[row + i] = dot(dj, in[i], n);
            }
            grad[t + j] = -sum(dj, n); // ∂E/∂θ_j = −Σ δ_j
        }
    }

    /** Σ_images a·b in the canonical partial sums. */
    static double dot(double[] a, double[] b, int n) {
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        for (int img = 0; img < n; img += PARTIALS) {
            p0 = Math.fma(a[img], b[img], p0);
            p1 = Math.fma(a[img + 1], b[img + 1], p1);
            p2 = Math.fma(a[img + 2], b[img + 2], p2);
            p3 = Math.fma(a[img + 3], b[img + 3], p3);
        }
        return fold(p0, p1, p2, p3);
    }

    /** Σ_images a in the canonical partial sums. */
    static double sum(double[] a, int n) {
        double p0 = 0;
        double p1 = 0;
        double p2 = 0;
        double p3 = 0;
        for (int img = 0; img < n; img += PARTIALS) {
            p0 += a[img];
            p1 += a[img + 1];
            p2 += a[img + 2];
            p3 += a[img + 3];
        }
        return fold(p0, p1, p2, p3);
    }

    @Override
    void backward(double[] p, int w, double[][] delta, int nk, double[][] h, double[][] below, int nj, int n,
                  Activation f) {
        for (int j = 0; j < nj; j++) {
            double[] b = below[j];
            Arrays.fill(b, 0, n, 0.0);
            for (int k = 0; k < nk; k++) {
                double wkj = p[w + k * nj + j];
                double[] dk = delta[k];
                for (int img = 0; img < n; img++) {
                    b[img] = Math.fma(dk[img], wkj, b[img]); // Σ_k δO_k·wO_kj
                }
            }
            f.multiplyDerivative(b, h[j], n); // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j), f'(h_j) for another f
        }
    }

    @Override
    int correct(double[][] z, int nk, double[] label, int n) {
        int c = 0;
        for (int img = 0; img < n; img++) {
            int best = 0;
            double bestZ = z[0][img];
            for (int k = 1; k < nk; k++) {
                if (z[k][img] > bestZ) {
                    bestZ = z[k][img];
                    best = k;
                }
            }
            if (best == label[img]) {
                c++;
            }
        }
        return c;
    }
}
