package io.github.shikumi.update;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015, Algorithm 1), with the mean gradient g of step t:
 * <pre>
 * m ← β1·m + (1 − β1)·g            (computed as m + (1 − β1)·(g − m), as PyTorch does)
 * v ← β2·v + (1 − β2)·g²
 * p ← p − (η / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
 * </pre>
 * m and v start at 0 (state: two arrays, m then v). The defaults are PyTorch's {@code torch.optim.Adam}:
 * β1 = 0.9, β2 = 0.999, ε = 1e-8. The powers are {@link StrictMath#pow}, the same bits everywhere.
 */
public final class AdamUpdate implements UpdateRule {
    /** PyTorch's default β1. */
    public static final double BETA1 = 0.9;
    /** PyTorch's default β2. */
    public static final double BETA2 = 0.999;
    /** PyTorch's default ε. */
    public static final double EPSILON = 1e-8;

    private final double eta;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /**
     * Adam with PyTorch's β1, β2 and ε.
     *
     * @param eta η, positive and finite
     */
    public AdamUpdate(double eta) {
        this(eta, BETA1, BETA2, EPSILON);
    }

    /**
     * @param eta     η, positive and finite
     * @param beta1   β1, from 0 to below 1
     * @param beta2   β2, from 0 to below 1
     * @param epsilon ε, positive and finite
     * @throws ShikumiException naming the setting that is out of range
     */
    public AdamUpdate(double eta, double beta1, double beta2, double epsilon) {
        this.eta = UpdateRules.checkEta(eta);
        this.beta1 = checkBeta("beta1", beta1);
        this.beta2 = checkBeta("beta2", beta2);
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new ShikumiException("epsilon", Msg.UPDATE_EPSILON, String.valueOf(epsilon));
        }
        this.epsilon = epsilon;
    }

    private static double checkBeta(String name, double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new ShikumiException(name, Msg.UPDATE_BETA, name, String.valueOf(beta));
        }
        return beta;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public double eta() {
        return eta;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eta", eta);
        m.put("beta1", beta1);
        m.put("beta2", beta2);
        m.put("epsilon", epsilon);
        return m;
    }

    /** {@code torch.optim.Adam(params, lr=η, betas=(β1, β2), eps=ε)}, Algorithm 1 of Kingma and Ba as here. */
    @Override
    public String torchOptimizer(String parameters, String lr) {
        return "torch.optim.Adam(" + parameters + ", lr=" + lr + ", betas=(" + beta1 + ", " + beta2 + "), eps="
                + epsilon + ")";
    }

    @Override
    public int slots() {
        return 2;
    }

    @Override
    public void step(double[] p, double[] g, double[][] state, int count, long t) {
        double[] m = state[0];
        double[] v = state[1];
        double stepSize = eta / (1 - StrictMath.pow(beta1, t)); // η / (1 − β1^t)
        double root2 = Math.sqrt(1 - StrictMath.pow(beta2, t)); // √(1 − β2^t)
        for (int i = 0; i < p.length; i++) {
            double gi = count == 1 ? g[i] : g[i] / count;
            m[i] += (1 - beta1) * (gi - m[i]); // m ← β1·m + (1 − β1)·g
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi; // v ← β2·v + (1 − β2)·g²
            p[i] -= stepSize * (m[i] / (Math.sqrt(v[i]) / root2 + epsilon)); // p ← p − η·m̂ / (√v̂ + ε)
        }
    }

    @Override
    public void step(float[] p, float[] g, float[][] state, int n, int count, long t) {
        float[] m = state[0];
        float[] v = state[1];
        float stepSize = (float) (eta / (1 - StrictMath.pow(beta1, t)));
        float root2 = (float) Math.sqrt(1 - StrictMath.pow(beta2, t));
        float a = (float) (1 - beta1);
        float b2 = (float) beta2;
        float c = (float) (1 - beta2);
        float eps = (float) epsilon;
        for (int j = 0; j < n; j++) {
            float gj = g[j] / count;
            m[j] += a * (gj - m[j]); // m ← β1·m + (1 − β1)·g
            v[j] = b2 * v[j] + c * gj * gj; // v ← β2·v + (1 − β2)·g²
            p[j] -= stepSize * (m[j] / ((float) Math.sqrt(v[j]) / root2 + eps)); // p ← p − η·m̂ / (√v̂ + ε)
        }
    }

    @Override
    public String toString() {
        return name() + settings();
    }
}
