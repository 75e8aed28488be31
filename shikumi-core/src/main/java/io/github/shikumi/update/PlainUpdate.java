package io.github.shikumi.update;

import java.util.LinkedHashMap;
import java.util.Map;

/** The book's rule: {@code p ← p − η·∂E/∂p} (with a mean gradient: η·g/count). No state. */
public final class PlainUpdate implements UpdateRule {
    private final double eta;

    /**
     * @param eta η, positive and finite
     * @throws io.github.shikumi.text.ShikumiException for {@code "eta"} otherwise
     */
    public PlainUpdate(double eta) {
        this.eta = UpdateRules.checkEta(eta);
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public double eta() {
        return eta;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eta", eta);
        return m;
    }

    /** {@code torch.optim.SGD(params, lr=η)}: p ← p − lr·∂E/∂p. */
    @Override
    public String torchOptimizer(String parameters, String lr) {
        return "torch.optim.SGD(" + parameters + ", lr=" + lr + ")";
    }

    @Override
    public int slots() {
        return 0;
    }

    @Override
    public void step(double[] p, double[] g, double[][] state, int count, long t) {
        double e = count == 1 ? eta : eta / count;
        for (int i = 0; i < p.length; i++) {
            p[i] -= e * g[i]; // p ← p − η·∂E/∂p
        }
    }

    @Override
    public void step(float[] p, float[] g, float[][] state, int n, int count, long t) {
        float e = (float) (eta / count);
        for (int j = 0; j < n; j++) {
            p[j] += g[j] * -e; // p ← p − η·g: the bits of momentum with μ = 0
        }
    }

    @Override
    public String toString() {
        return name() + settings();
    }
}
