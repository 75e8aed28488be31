package io.github.shikumi.xlsx;

import io.github.shikumi.model.Output;

/**
 * The spreadsheet formulas of the output layer and its loss, one set per {@link Output} (core's role:
 * sigmoid + squared error, softmax + cross-entropy), written to recalculate to core's numbers
 * ({@link Output#activate}, {@link Output#error}, {@link Output#delta}). Hidden layers' formulas are their Activation's
 * units (core has no other), whose formulas the BP sheet writes itself.
 *
 * <p>Arguments are A1 references. A softmax output takes three helper groups of cells per image (the largest
 * s, u_k = e^(s_k − max), Σ u: see {@link BpLayout}), so that every formula is a plain one that Excel,
 * LibreOffice and POI's evaluator compute alike.
 */
final class OutputFormulas {
    private OutputFormulas() {
    }

    /** Softmax: u_k = e^(s_k − max), shifted by the image's largest s as core does (nothing overflows). */
    static String u(String s, String max) {
        return "EXP(" + s + "-" + max + ")";
    }

    /** Softmax: z_k = u_k / Σ_m u_m. */
    static String softmaxZ(String u, String sum) {
        return u + "/" + sum;
    }

    /**
     * The image's e from its targets t_k and outputs z_k (one reference each). Cross-entropy is written term
     * by term, each skipped where t_k = 0 as core skips it (so an output that underflows to 0 costs no LN(0));
     * a SUMPRODUCT over LN of a range would need array evaluation, which POI's evaluator does not do.
     */
    static String e(Output output, String[] t, String[] z) {
        return switch (output) {
            // e = ½ Σ_k (t_k − z_k)²
            case SIGMOID -> "SUMXMY2(" + t[0] + ":" + t[t.length - 1] + "," + z[0] + ":" + z[z.length - 1] + ")/2";
            case SOFTMAX -> {
                // e = −Σ_k t_k·log z_k (cross-entropy)
                StringBuilder sb = new StringBuilder("-(");
                for (int k = 0; k < t.length; k++) {
                    if (k > 0) {
                        sb.append('+');
                    }
                    sb.append("IF(").append(t[k]).append("=0,0,").append(t[k]).append("*LN(").append(z[k]).append("))");
                }
                yield sb.append(')').toString();
            }
        };
    }

    /** δO_k from t_k and z_k. */
    static String delta(Output output, String t, String z) {
        return switch (output) {
            // δO_k = −(t_k − z_k)·z_k(1 − z_k)
            case SIGMOID -> "-(" + t + "-" + z + ")*" + z + "*(1-" + z + ")";
            // δO_k = ∂e/∂s_k = z_k − t_k (the softmax's derivative and the log's cancel)
            case SOFTMAX -> z + "-" + t;
        };
    }

    /** Texts that describe the output layer's formulas: (sigmoid text, softmax text). */
    static Text text(Output output, Text sigmoid, Text softmax) {
        return switch (output) {
            case SIGMOID -> sigmoid;
            case SOFTMAX -> softmax;
        };
    }
}
