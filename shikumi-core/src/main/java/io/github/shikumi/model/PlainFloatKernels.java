package io.github.shikumi.model;

import java.util.Arrays;

/**
 * {@link FloatKernels} in plain Java: every inner loop runs along one row (one array per row), so the JIT
 * vectorises it. It computes exactly what {@code VectorFloatKernels} computes, bit for bit: the same fused
 * multiply-adds in the same order and the same exp ({@link #sigmoid}), so that a run may switch from one to
 * the other (once the Vector API code is compiled) without changing its numbers. A pixel that is 0 is
 * skipped: it would add ±0, which changes nothing but possibly the sign of a zero.
 */
final class PlainFloatKernels extends FloatKernels {
    static final float LOG2E = 1.44269504f;
    /** ln 2 in two parts (Cody and Waite): k·LN2_HI is exact for the k that occur. */
    static final float LN2_HI = 0.693145751953125f;
    static final float LN2_LO = 1.428606765330187e-06f;
    /** 1.5·2^23: adding it rounds to an integer held in the low bits of the mantissa. */
    static final float ROUND = 0x1.8p23f;

    @Override
    String name() {
        return "plain";
    }

    /**
     * σ(s) = 1 / (1 + e^(−s)) in float: e^x (x = −s) as 2^k·e^r, r = x − k·ln 2, |r| ≤ ½ ln 2, e^r by its
     * Taylor polynomial to r^7 (the next term is below 1e-8), 2^k built in the exponent bits; x above 88 gives
     * e^x = +∞ and σ = 0, x below −87 gives e^−87 and σ = 1. The Vector API kernels compute the same steps.
     */
    static float sigmoid(float s) {
        float x = -s;
        float xc = Math.min(Math.max(x, -87f), 88f);
        float t = Math.fma(xc, LOG2E, ROUND);
        float k = t - ROUND;
        float r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        float p = 1f / 5040f;
        p = Math.fma(p, r, 1f / 720f);
        p = Math.fma(p, r, 1f / 120f);
        p = Math.fma(p, r, 1f / 24f);
        p = Math.fma(p, r, 1f / 6f);
        p = Math.fma(p, r, 0.5f);
        p = Math.fma(p, r, 1f);
        p = Math.fma(p, r, 1f);
        float e = x > 88f ? Float.POSITIVE_INFINITY
                : p * Float.intBitsToFloat((Float.floatToRawIntBits(t) << 23) + 0x3f800000);
        return 1f / (e + 1f);
    }

    @Override
    void forward(float[][] in, int count, int nin, float[][] wt, float[] th, int u, float[][] out, boolean sigmoid,
                 int[] nz) {
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
            if (sigmoid) {
                for (int j = 0; j < u; j++) {
                    s[j] = sigmoid(s[j]); // z_j = σ(s_j)
                }
            }
        }
    }

    @Override
    void backward(float[][] delta, int count, int nk, float[][] w, int ub, float[][] h, float[][] below) {
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
                float v = o[j] * (hb[j] * (1f - hb[j])); // δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j)
                o[j] = Math.abs(v) < TINY ? 0f : v;
            }
        }
    }

    @Override
    void weightGradient(float[][] in, int count, int i0, int i1, float[][] delta, int u, float[][] gwt, int[] nz) {
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

    @Override
    void momentum(float[] p, float[] v, float[] g, int n, float eta, float mu) {
        for (int j = 0; j < n; j++) {
            v[j] = Math.fma(g[j], -eta, v[j] * mu); // v ← μ·v − η·∂E/∂p
            p[j] += v[j]; // p ← p + v
        }
    }
}
