package io.github.shikumi.model;

/** The book's unit function σ(s) = 1 / (1 + e^(−s)), with σ'(s) = σ(s)(1 − σ(s)). */
public final class Sigmoid {
    private Sigmoid() {
    }

    public static double value(double s) {
        return 1.0 / (1.0 + Math.exp(-s));
    }

    /** σ' written with the output z = σ(s), as the book does: z(1 − z). */
    public static double derivativeFromOutput(double z) {
        return z * (1.0 - z);
    }
}
