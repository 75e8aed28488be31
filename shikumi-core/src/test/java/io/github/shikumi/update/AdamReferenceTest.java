package io.github.shikumi.update;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.NetworkObjective;
import org.junit.jupiter.api.Test;

/**
 * {@link AdamUpdate} against Adam as published (Kingma and Ba 2015, Algorithm 1), written out here step by step
 * in its own order: m_t = β1·m + (1 − β1)·g, v_t = β2·v + (1 − β2)·g², m̂ = m_t / (1 − β1^t),
 * v̂ = v_t / (1 − β2^t), p ← p − α·m̂ / (√v̂ + ε). The class computes the same values in PyTorch's order (m by
 * lerp, the corrections folded into the step size and the root), so the two agree to rounding: 1e-14
 * relative on each step of a quadratic, 1e-10 over 30 steps of the book's network.
 */
class AdamReferenceTest {
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;

    /** Algorithm 1 on one parameter vector, {@code steps} steps, the gradient from {@code grad}. */
    private static double[] published(double[] start, double alpha, int steps, java.util.function.Function<double[], double[]> grad) {
        double[] p = start.clone();
        double[] m = new double[p.length];
        double[] v = new double[p.length];
        for (int t = 1; t <= steps; t++) {
            double[] g = grad.apply(p);
            for (int i = 0; i < p.length; i++) {
                m[i] = B1 * m[i] + (1 - B1) * g[i];
                v[i] = B2 * v[i] + (1 - B2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(B1, t));
                double vHat = v[i] / (1 - Math.pow(B2, t));
                p[i] = p[i] - alpha * mHat / (Math.sqrt(vHat) + EPS);
            }
        }
        return p;
    }

    @Test
    void each_step_on_a_quadratic_is_the_published_update() {
        double[] a = {1.0, 40.0, 0.01};
        java.util.function.Function<double[], double[]> grad = q -> new double[] {a[0] * q[0], a[1] * q[1], a[2] * q[2]};
        double[] start = {3.0, -0.5, 2.0};
        AdamUpdate adam = new AdamUpdate(0.1);
        for (int steps = 1; steps <= 12; steps++) {
            double[] p = start.clone();
            UpdateState state = UpdateState.fresh(adam, 3);
            for (int t = 0; t < steps; t++) {
                state.step(adam, p, grad.apply(p), 1);
            }
            double[] want = published(start, 0.1, steps, grad);
            for (int i = 0; i < 3; i++) {
                assertThat(Math.abs(p[i] - want[i])).as("step %d, parameter %d", steps, i)
                        .isLessThanOrEqualTo(1e-14 * Math.max(1, Math.abs(want[i])));
            }
        }
    }

    /** The gradient a step receives is a sum over count images; Adam uses its mean g/count. */
    @Test
    void a_summed_gradient_is_taken_as_its_mean() {
        double[] g = {0.8, -2.4};
        double[] p = {1, 1};
        double[] q = {1, 1};
        AdamUpdate adam = new AdamUpdate(0.05);
        adam.step(p, new double[] {g[0] * 4, g[1] * 4}, new double[2][2], 4, 1);
        adam.step(q, g, new double[2][2], 1, 1);
        assertThat(p).containsExactly(q);
    }

    @Test
    void thirty_steps_on_the_books_network_follow_the_published_algorithm() {
        Dataset aple = Datasets.bundled("aple");
        Network start = Network.initial(aple, 1, 3);
        NetworkObjective f = new NetworkObjective(start, aple);
        double[] ours = new GradientDescent(new AdamUpdate(0.05)).minimize(f, start.params(), 30, IterationListener.NONE)
                .params();
        double[] want = published(start.params(), 0.05, 30, q -> {
            double[] g = new double[q.length];
            new NetworkObjective(start, aple).valueAndGradient(q, g);
            return g;
        });
        for (int i = 0; i < want.length; i++) {
            assertThat(Math.abs(ours[i] - want[i])).as(start.layout().name(i)).isLessThanOrEqualTo(1e-10);
        }
    }
}
