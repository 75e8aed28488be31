package io.github.shikumi.model;

/**
 * The book's unit function σ(s) = 1 / (1 + e^(−s)), with σ'(s) = σ(s)(1 − σ(s)). e^x is shikumi's own
 * ({@code Exp}, within 2 ulps of {@link StrictMath#exp}), so that σ has the same bits on every machine and in
 * every kernel.
 */
public final class Sigmoid {
    private Sigmoid() {
    }

    public static double value(double s) {
        return Exp.sigmoid(s);
    }

    /** σ' written with the output z = σ(s), as the book does: z(1 − z). */
    public static double derivativeFromOutput(double z) {
        return z * (1.0 - z);
    }
}
