package io.github.shikumi.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.update.MomentumUpdate;
import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import org.junit.jupiter.api.Test;

class MomentumTest {
    private final Dataset data = Fixtures.randomData(31, 4, 3, 2, 20);
    private final Network net = Fixtures.randomNetwork(32, data, 3);

    @Test
    void momentum_zero_is_gradient_descent_exactly() {
        NetworkObjective f = new NetworkObjective(net.layout(), data);
        OptimizationResult gd = new GradientDescent(0.1).minimize(f, net.params(), 50, IterationListener.NONE);
        OptimizationResult mo = new GradientDescent(new MomentumUpdate(0.1, 0.0)).minimize(f, net.params(), 50, IterationListener.NONE);
        assertThat(mo.params()).containsExactly(gd.params());
        assertThat(mo.value()).isEqualTo(gd.value());
        assertThat(mo.iterations()).isEqualTo(50);
    }

    @Test
    void momentum_is_the_heavy_ball_method() {
        double eta = 0.05;
        double mu = 0.9;
        int iterations = 40;

        // the heavy ball written out: v ← μ·v − η·∂E/∂p, p ← p + v, v starting at 0
        Backprop bp = new Backprop(net.layout(), data);
        double[] p = net.params();
        double[] v = new double[p.length];
        double[] g = new double[p.length];
        double[] expectedE = new double[iterations + 1];
        for (int k = 0; k <= iterations; k++) {
            expectedE[k] = bp.gradient(p, g);
            if (k == iterations) {
                break;
            }
            for (int i = 0; i < p.length; i++) {
                v[i] = mu * v[i] - eta * g[i];
                p[i] = p[i] + v[i];
            }
        }

        double[] reported = new double[iterations + 1];
        OptimizationResult r = new GradientDescent(new MomentumUpdate(eta, mu)).minimize(new NetworkObjective(net.layout(), data), net.params(),
                iterations, (k, q, e) -> {
                    reported[k] = e;
                    return true;
                });
        assertThat(r.params()).containsExactly(p);
        assertThat(reported).containsExactly(expectedE);
        assertThat(new GradientDescent(new MomentumUpdate(eta, mu)).name()).isEqualTo("momentum");
    }
}
