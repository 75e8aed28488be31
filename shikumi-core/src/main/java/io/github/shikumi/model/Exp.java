package io.github.shikumi.model;

/**
 * The one e^x of the double path, computed by fixed steps (so that every machine and every kernel gets the
 * same bits; {@link Math#exp} may differ by an ulp between CPUs and between the interpreter and compiled
 * code). x = k·ln 2 + r with integer k and |r| ≤ ½ ln 2; e^r by its Taylor polynomial to r^13 (the next term
 * is below 5e-18 relative), evaluated by Estrin's scheme; times 2^k built in the exponent bits. Within 2 ulps
 * of {@link StrictMath#exp} (a test draws 200,000 x; about 1 % of them are 2 ulps off, the rest 1 or 0).
 * x above 709 gives +∞ (as {@link Math#exp}); x below −708 gives 0 (the true value is below 3.3e-308, a
 * subnormal number). The engine's {@code VectorDoubleKernels} runs exactly these steps a vector
 * at a time: a change here must be made there too (the kernel test compares their bits). The float path's
 * e^x is {@link #sigmoid(float)}'s, by the same method in float.
 */
public final class Exp {
    /** log2 e = 1/ln 2: x·LOG2E is x in units of ln 2, rounded to the integer k of x = k·ln 2 + r. */
    public static final double LOG2E = 1.4426950408889634;
    /** ln 2 split in two (Cody and Waite): k·LN2_HI is exact for |k| ≤ 1100. */
    public static final double LN2_HI = 0.6931471803691238;
    /** The rest of ln 2 after {@link #LN2_HI}: ln 2 ≈ LN2_HI + LN2_LO, for r = x − k·LN2_HI − k·LN2_LO. */
    public static final double LN2_LO = 1.9082149292705877e-10;
    /** 1.5·2^52: adding it rounds to an integer held in the low bits of the mantissa. */
    public static final double ROUND = 0x1.8p52;
    /** The smallest x computed: below it {@link #exp(double)} gives 0. */
    public static final double LOW = -708.0;
    /** The largest x computed: above it {@link #exp(double)} gives +∞. */
    public static final double HIGH = 709.0;

    private Exp() {
    }

    /**
     * e^x, the same bits on every machine (see the class comment for the method and its accuracy).
     *
     * @param x the exponent
     * @return e^x within 2 ulps of {@link StrictMath#exp}; +∞ for x above {@link #HIGH}, 0 for x below
     *         {@link #LOW}, NaN for NaN
     */
    public static double exp(double x) {
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

    /**
     * z = σ(s) = 1 / (1 + e^(−s)), written as {@code 1 / (e^(−s) + 1)} exactly as the vector kernels do.
     *
     * @param s a unit's sum s = Σ w·x − θ
     * @return the unit's output z, from 0 to 1
     */
    public static double sigmoid(double s) {
        return 1.0 / (exp(-s) + 1.0);
    }

    /** The float path's log2 e (see {@link #LOG2E}). */
    public static final float F_LOG2E = 1.44269504f;
    /** The float path's ln 2, high part (see {@link #LN2_HI}). */
    public static final float F_LN2_HI = 0.693145751953125f;
    /** The float path's ln 2, low part (see {@link #LN2_LO}). */
    public static final float F_LN2_LO = 1.428606765330187e-06f;
    /** 1.5·2^23: adding it to a float rounds to an integer held in the low bits of the mantissa. */
    public static final float F_ROUND = 0x1.8p23f;

    /**
     * σ(s) = 1 / (1 + e^(−s)) in float: e^x (x = −s) as 2^k·e^r, r = x − k·ln 2, |r| ≤ ½ ln 2, e^r by its
     * Taylor polynomial to r^7 (the next term is below 1e-8), 2^k built in the exponent bits; x above 88 gives
     * e^x = +∞ and σ = 0, x below −87 gives e^−87 and σ = 1. The engine's Vector API kernels compute the same steps.
     *
     * @param s a unit's sum s = Σ w·x − θ, in float
     * @return the unit's output z = σ(s), from 0 to 1
     */
    public static float sigmoid(float s) {
        float x = -s;
        float xc = Math.min(Math.max(x, -87f), 88f);
        float t = Math.fma(xc, F_LOG2E, F_ROUND);
        float k = t - F_ROUND;
        float r = Math.fma(k, -F_LN2_HI, xc);
        r = Math.fma(k, -F_LN2_LO, r);
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
}
