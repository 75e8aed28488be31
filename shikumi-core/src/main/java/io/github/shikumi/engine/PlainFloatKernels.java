package io.github.shikumi.engine;

import io.github.shikumi.model.Activation;
import java.util.Arrays;

/**
 * {@link FloatKernels} in plain Java: every inner loop runs along one row (one array per row), so the JIT
 * vectorises it. It computes exactly what {@code VectorFloatKernels} computes, bit for bit: the same fused
 * multiply-adds in the same order and the same activations ({@link Activation}), so that a run may switch from one to
 * the other (once the Vector API code is compiled) without changing its numbers. A pixel that is 0 is
 * skipped: it would add ±0, which changes nothing but possibly the sign of a zero.
 */
final class PlainFloatKernels extends FloatKernels {

    @Override
    String name() {
        return "plain";
    }


    @Override
    void forward(float[][] in, int count, int nin, float[][] wt, float[] tiles, float[] th, int u, float[][] out,
                 Activation f, int[] nz, float[] xp) {
        for (int b = 0; b < count; b++) {
            float[] x = in[b];
            float[] s = out[b];
            for (int j = 0; j < u; j++) {
                s[j] = -th[j]; // s_j = Σ_i w_ji·x_i − θ_j
            }
            for (int i = 0; i < nin; i++) {
                float xi = x[i];
                if (xi == 0f) {
                    continue;
                }
                float[] row = wt[i];
                for (int j = 0; j < u; j++) {
                    s[j] = Math.fma(row[j], xi, s[j]);
                }
            }
            if (f != null) {
                f.activate(s, u); // z_j = f(s_j), the book's σ(s_j)
            }
        }
    }

    @Override
    void backward(float[][] delta, int count, int nk, float[][] w, int ub, float[][] h, float[][] below,
                  Activation f) {
        for (int b = 0; b < count; b++) {
            float[] d = delta[b];
            float[] o = below[b];
            float[] hb = h[b];
            Arrays.fill(o, 0, ub, 0f);
            for (int k = 0; k < nk; k++) {
                float dk = d[k];
                float[] row = w[k];
                for (int j = 0; j < ub; j++) {
                    o[j] = Math.fma(row[j], dk, o[j]); // Σ_k δO_k·wO_kj
                }
            }
            for (int j = 0; j < ub; j++) {
                float v = o[j] * f.floatDerivativeFromOutput(hb[j]); // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j), or f'
                o[j] = Math.abs(v) < TINY ? 0f : v;
            }
        }
    }

    @Override
    void weightGradient(float[][] in, int count, int i0, int i1, float[][] delta, float[] dtiles, int stride, int u,
                        float[][] gwt, int[] nz, float[] xp) {
        for (int i = i0; i < i1; i++) {
            Arrays.fill(gwt[i], 0, u, 0f);
        }
        for (int b = 0; b < count; b++) {
            float[] x = in[b];
            float[] d = delta[b];
            for (int i = i0; i < i1; i++) {
                float xi = x[i];
                if (xi == 0f) {
                    continue;
                }
                float[] g = gwt[i];
                for (int j = 0; j < u; j++) {
                    g[j] = Math.fma(d[j], xi, g[j]); // ∂E/∂w_ji = Σ δ_j·x_i
                }
            }
        }
    }

    @Override
    void thresholdGradient(float[][] delta, int count, int u, float[] gth) {
        Arrays.fill(gth, 0, u, 0f);
        for (int b = 0; b < count; b++) {
            float[] d = delta[b];
            for (int j = 0; j < u; j++) {
                gth[j] -= d[j]; // ∂E/∂θ_j = −Σ δ_j
            }
        }
    }

}
