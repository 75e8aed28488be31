package io.github.shikumi.update;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient descent with momentum (heavy ball): {@code v ← μ·v − η·g, p ← p + v}, v starting at 0 (state: one
 * array, v). With μ = 0 it takes the steps of {@link PlainUpdate}.
 */
public final class MomentumUpdate implements UpdateRule {
    private final double eta;
    private final double mu;

    /**
     * @param eta η, positive and finite
     * @param mu  μ, from 0 to below 1
     * @throws ShikumiException for {@code "eta"} or {@code "momentum"} otherwise
     */
    public MomentumUpdate(double eta, double mu) {
        this.eta = UpdateRules.checkEta(eta);
        if (!(mu >= 0 && mu < 1)) {
            throw new ShikumiException("momentum", Msg.MOMENTUM_INVALID, String.valueOf(mu));
        }
        this.mu = mu;
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public double eta() {
        return eta;
    }

    /**
     * μ.
     *
     * @return the momentum
     */
    public double momentum() {
        return mu;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eta", eta);
        m.put("momentum", mu);
        return m;
    }

    /**
     * {@code torch.optim.SGD(params, lr=η, momentum=μ)}: PyTorch keeps b ← μ·b + g and steps p ← p − η·b, which
     * is v = −η·b, the same steps (to rounding) while η stays the same.
     */
    @Override
    public String torchOptimizer(String parameters, String lr) {
        return "torch.optim.SGD(" + parameters + ", lr=" + lr + ", momentum=" + mu + ")";
    }

    @Override
    public int slots() {
        return 1;
    }

    @Override
    public void step(double[] p, double[] g, double[][] state, int count, long t) {
        double[] v = state[0];
        double e = count == 1 ? eta : eta / count;
        for (int i = 0; i < p.length; i++) {
            v[i] = mu * v[i] - e * g[i]; // v ← μ·v − η·g
            p[i] += v[i]; // p ← p + v
        }
    }

    @Override
    public void step(float[] p, float[] g, float[][] state, int n, int count, long t) {
        float[] v = state[0];
        float e = (float) (eta / count);
        float m = (float) mu;
        for (int j = 0; j < n; j++) {
            v[j] = Math.fma(g[j], -e, v[j] * m); // v ← μ·v − η·g
            p[j] += v[j]; // p ← p + v
        }
    }

    @Override
    public String toString() {
        return name() + settings();
    }
}
