package io.github.shikumi.model;

/**
 * The output layer and its loss. Hidden layers are always the book's sigmoid units.
 * <ul>
 * <li>{@link #SIGMOID}: the book's: z_k = σ(s_k), e = ½ Σ_k (t_k − z_k)², δO_k = −(t_k − z_k)·z_k(1 − z_k).</li>
 * <li>{@link #SOFTMAX}: z_k = e^{s_k} / Σ_m e^{s_m}, cross-entropy e = −Σ_k t_k·log z_k, and then
 *     δO_k = ∂e/∂s_k = z_k − t_k (the softmax's derivative and the log's cancel).</li>
 * </ul>
 * Either way s_k = Σ_j w_kj·h_j − θ_k, E = Σ_images e, and every other formula is the book's. e^x and log are
 * the same bits on every machine (shikumi's {@code Exp}, {@link StrictMath#log}).
 */
public enum Output {
    /** The book's output layer: z_k = σ(s_k), squared error e = ½ Σ_k (t_k − z_k)². */
    SIGMOID("sigmoid"),
    /** Softmax outputs z_k = e^{s_k} / Σ_m e^{s_m} with cross-entropy e = −Σ_k t_k·log z_k. */
    SOFTMAX("softmax");

    private final String id;

    Output(String id) {
        this.id = id;
    }

    /**
     * The name in model JSON and on the command line.
     *
     * @return {@code "sigmoid"} or {@code "softmax"}
     */
    public String id() {
        return id;
    }

    /**
     * The output kind named {@code id}, or null.
     *
     * @param id a name as {@link #id()} gives it
     * @return the output kind with that name, or null when there is none
     */
    public static Output of(String id) {
        for (Output o : values()) {
            if (o.id.equals(id)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Turns the sums s of the output layer into the outputs z, in place.
     *
     * @param s the output units' sums s_k = Σ_j w_kj·h_j − θ_k; on return their outputs z_k
     */
    public void activate(double[] s) {
        if (this == SIGMOID) {
            for (int k = 0; k < s.length; k++) {
                s[k] = Activation.SIGMOID.value(s[k]); // z_k = σ(s_k)
            }
            return;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = Exp.exp(s[k] - max); // e^{s_k}, shifted by the largest s so that nothing overflows
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= sum; // z_k = e^{s_k} / Σ_m e^{s_m}
        }
    }

    /**
     * This image's e for outputs z and one-hot targets t: ½ Σ_k (t_k − z_k)² for {@link #SIGMOID},
     * −Σ_k t_k·log z_k for {@link #SOFTMAX}.
     *
     * @param z the output layer's outputs z_k
     * @param t the targets t_k, as long as {@code z}
     * @return the image's error e
     */
    public double error(double[] z, double[] t) {
        double e = 0;
        for (int k = 0; k < z.length; k++) {
            if (this == SIGMOID) {
                double d = t[k] - z[k];
                e += 0.5 * d * d; // e = ½ Σ_k (t_k − z_k)²
            } else if (t[k] != 0) {
                e -= t[k] * StrictMath.log(z[k]); // e = −Σ_k t_k·log z_k
            }
        }
        return e;
    }

    /**
     * δO_k of this image: −(t_k − z_k)·z_k(1 − z_k) for {@link #SIGMOID}, z_k − t_k for {@link #SOFTMAX}.
     *
     * @param z the output z_k of output unit k
     * @param t its target t_k
     * @return the unit's δO_k = ∂e/∂s_k
     */
    public double delta(double z, double t) {
        return this == SIGMOID
                ? -(t - z) * Activation.SIGMOID.derivativeFromOutput(z) // δO_k = −(t_k − z_k)·z_k(1 − z_k)
                : z - t; // δO_k = z_k − t_k
    }
}
