package io.github.shikumi.model;

import java.util.Arrays;

/**
 * {@link DoubleKernels} in plain Java: every inner loop runs over the images of one row (contiguous, one array
 * per row), so the JIT vectorises the multiply-adds itself; the sigmoid calls {@link Math#exp} per value.
 */
final class PlainDoubleKernels extends DoubleKernels {
    @Override
    String name() {
        return "plain";
    }

    @Override
    void forward(double[] p, int w, int t, double[][] in, int nin, double[][] out, int nout, int n,
                 boolean sigmoid) {
        for (int j = 0; j < nout; j++) {
            double[] s = out[j];
            Arrays.fill(s, 0, n, -p[t + j]); // s_j = Σ_i w_ji·x_i − θ_j
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
                    s[img] += w0 * x0[img] + w1 * x1[img] + w2 * x2[img] + w3 * x3[img];
                }
            }
            for (; i < nin; i++) {
                double wi = p[row + i];
                double[] x = in[i];
                for (int img = 0; img < n; img++) {
                    s[img] += wi * x[img];
                }
            }
            if (sigmoid) {
                for (int img = 0; img < n; img++) {
                    s[img] = 1.0 / (1.0 + Math.exp(-s[img])); // z_j = σ(s_j)
                }
            }
        }
    }

    @Override
    double outputError(double[][] z, double[][] target, double[] mask, double[][] delta, int nk, int n) {
        double e = 0;
        for (int k = 0; k < nk; k++) {
            double[] zk = z[k];
            double[] tk = target[k];
            double ek = 0;
            for (int img = 0; img < n; img++) {
                double diff = zk[img] - tk[img];
                ek += diff * diff * mask[img]; // e = ½ Σ_k (t_k − z_k)², halved below
            }
            e += 0.5 * ek;
            if (delta != null) {
                double[] dk = delta[k];
                for (int img = 0; img < n; img++) {
                    // δO_k = −(t_k − z_k)·z_k(1 − z_k)
                    dk[img] = (zk[img] - tk[img]) * zk[img] * (1.0 - zk[img]) * mask[img];
                }
            }
        }
        return e;
    }

    @Override
    void accumulate(double[][] delta, int nout, double[][] in, int nin, double[] grad, int w, int t, int n) {
        for (int j = 0; j < nout; j++) {
            double[] dj = delta[j];
            int row = w + j * nin;
            int i = 0;
            for (; i + 3 < nin; i += 4) { // four independent sums per pass, δ_j loaded once for all four
                double[] x0 = in[i];
                double[] x1 = in[i + 1];
                double[] x2 = in[i + 2];
                double[] x3 = in[i + 3];
                double g0 = 0;
                double g1 = 0;
                double g2 = 0;
                double g3 = 0;
                for (int img = 0; img < n; img++) {
                    double d = dj[img];
                    g0 += d * x0[img]; // ∂E/∂w_ji = Σ δ_j·x_i
                    g1 += d * x1[img];
                    g2 += d * x2[img];
                    g3 += d * x3[img];
                }
                grad[row + i] = g0;
                grad[row + i + 1] = g1;
                grad[row + i + 2] = g2;
                grad[row + i + 3] = g3;
            }
            for (; i < nin; i++) {
                double[] x = in[i];
                double sum = 0;
                for (int img = 0; img < n; img++) {
                    sum += dj[img] * x[img];
                }
                grad[row + i] = sum;
            }
            double sum = 0;
            for (int img = 0; img < n; img++) {
                sum += dj[img];
            }
            grad[t + j] = -sum; // ∂E/∂θ_j = −Σ δ_j
        }
    }

    @Override
    void backward(double[] p, int w, double[][] delta, int nk, double[][] h, double[][] below, int nj, int n) {
        for (int j = 0; j < nj; j++) {
            double[] b = below[j];
            Arrays.fill(b, 0, n, 0.0);
            for (int k = 0; k < nk; k++) {
                double wkj = p[w + k * nj + j];
                double[] dk = delta[k];
                for (int img = 0; img < n; img++) {
                    b[img] += wkj * dk[img]; // Σ_k δO_k·wO_kj
                }
            }
            double[] hj = h[j];
            for (int img = 0; img < n; img++) {
                b[img] *= hj[img] * (1.0 - hj[img]); // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j)
            }
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
