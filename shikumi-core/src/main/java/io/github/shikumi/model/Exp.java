package io.github.shikumi.model;

/**
 * The one e^x of the double path, computed by fixed steps (so that every machine and every kernel gets the
 * same bits; {@link Math#exp} may differ by an ulp between CPUs and between the interpreter and compiled
 * code). x = k·ln 2 + r with integer k and |r| ≤ ½ ln 2; e^r by its Taylor polynomial to r^13 (the next term
 * is below 5e-18 relative), evaluated by Estrin's scheme; times 2^k built in the exponent bits. Within 2 ulps
 * of {@link StrictMath#exp} (a test draws 200,000 x; about 1 % of them are 2 ulps off, the rest 1 or 0).
 * x above 709 gives +∞ (as {@link Math#exp}); x below −708 gives 0 (the true value is below 3.3e-308, a
 * subnormal number). {@code VectorDoubleKernels} runs exactly these steps a vector
 * at a time: a change here must be made there too (the kernel test compares their bits).
 */
final class Exp {
    static final double LOG2E = 1.4426950408889634;
    /** ln 2 split in two (Cody and Waite): k·LN2_HI is exact for |k| ≤ 1100. */
    static final double LN2_HI = 0.6931471803691238;
    static final double LN2_LO = 1.9082149292705877e-10;
    /** 1.5·2^52: adding it rounds to an integer held in the low bits of the mantissa. */
    static final double ROUND = 0x1.8p52;
    static final double LOW = -708.0;
    static final double HIGH = 709.0;

    private Exp() {
    }

    /** e^x. */
    static double exp(double x) {
        double xc = Math.min(Math.max(x, LOW), HIGH);
        double t = Math.fma(xc, LOG2E, ROUND);
        double k = t - ROUND;
        double r = Math.fma(k, -LN2_HI, xc);
        r = Math.fma(k, -LN2_LO, r);
        double r2 = r * r;
        double r4 = r2 * r2;
        double r8 = r4 * r4;
        double q0 = r + 1.0; // 1 + r
        double q1 = Math.fma(r, 1.0 / 6, 0.5);
        double q2 = Math.fma(r, 1.0 / 120, 1.0 / 24);
        double q3 = Math.fma(r, 1.0 / 5040, 1.0 / 720);
        double q4 = Math.fma(r, 1.0 / 362880, 1.0 / 40320);
        double q5 = Math.fma(r, 1.0 / 39916800, 1.0 / 3628800);
        double q6 = Math.fma(r, 1.0 / 6227020800.0, 1.0 / 479001600);
        double s0 = Math.fma(q1, r2, q0);
        double s1 = Math.fma(q3, r2, q2);
        double s2 = Math.fma(q5, r2, q4);
        double t0 = Math.fma(s1, r4, s0);
        double t1 = Math.fma(q6, r4, s2);
        double p = Math.fma(t1, r8, t0);
        // 2^k: k sits in the low bits of t; shifted into the exponent field and biased by 1023
        double twoK = Double.longBitsToDouble((Double.doubleToRawLongBits(t) << 52) + 0x3ff0000000000000L);
        return x > HIGH ? Double.POSITIVE_INFINITY : x < LOW ? 0.0 : p * twoK;
    }

    /** z = σ(s) = 1 / (1 + e^(−s)), written as {@code 1 / (e^(−s) + 1)} exactly as the vector kernels do. */
    static double sigmoid(double s) {
        return 1.0 / (exp(-s) + 1.0);
    }
}
