package io.github.shikumi.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientDescentTest {
    private final Dataset data = Fixtures.randomData(21, 5, 4, 4, 24);
    private final Network net = Fixtures.randomNetwork(22, data, 3);

    /** ∂E at the network's parameters, summed from the per-image traces (no Backprop involved). */
    private static double[] traceGradient(Network net, Dataset data) {
        double[] g = new double[net.layout().count()];
        for (int n = 0; n < data.size(); n++) {
            double[] gn = Trace.of(net, data.image(n), data.target(n)).gradient();
            for (int p = 0; p < g.length; p++) {
                g[p] += gn[p];
            }
        }
        return g;
    }

    @Test
    void one_step_is_p_minus_eta_times_the_gradient() {
        double eta = 0.05;
        double[] p = net.params();
        double[] g = traceGradient(net, data);

        OptimizationResult r = new GradientDescent(eta).minimize(new NetworkObjective(net.layout(), data), p, 1,
                IterationListener.NONE);

        for (int i = 0; i < p.length; i++) {
            // p ← p − η·∂E/∂p
            assertThat(r.params()[i]).as(net.layout().name(i)).isCloseTo(p[i] - eta * g[i], within(1e-14));
        }
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(r.value()).isCloseTo(Fixtures.error(net.withParams(r.params()), data), within(1e-12));
        assertThat(p).as("the start is not changed").containsExactly(net.params());
    }

    @Test
    void iteration_0_reports_e_at_the_start() {
        List<Double> values = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        new GradientDescent(0.05).minimize(new NetworkObjective(net.layout(), data), net.params(), 3, (k, p, v) -> {
            assertThat(k).isEqualTo(values.size());
            values.add(v);
            points.add(p.clone());
            return true;
        });
        assertThat(values).hasSize(4);
        assertThat(points.get(0)).containsExactly(net.params());
        double e0 = 0;
        for (int n = 0; n < data.size(); n++) {
            e0 += Trace.of(net, data.image(n), data.target(n)).e();
        }
        assertThat(values.get(0)).isCloseTo(e0, within(1e-12));
        // and every later report is E at the parameters reported with it
        for (int k = 1; k < 4; k++) {
            assertThat(values.get(k)).isCloseTo(Fixtures.error(net.withParams(points.get(k)), data), within(1e-12));
        }
    }

    /** f(p) = ½·Σ c_i·p_i², ∂f/∂p_i = c_i·p_i: after N steps p_i = (1 − η·c_i)^N · p_i(0) exactly in closed form. */
    private static final class Quadratic implements Objective {
        final double[] c = {1.0, 2.0, 4.0};
        int gradientCalls;

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double value(double[] p) {
            double v = 0;
            for (int i = 0; i < 3; i++) {
                v += 0.5 * c[i] * p[i] * p[i];
            }
            return v;
        }

        @Override
        public double valueAndGradient(double[] p, double[] grad) {
            gradientCalls++;
            for (int i = 0; i < 3; i++) {
                grad[i] = c[i] * p[i];
            }
            return value(p);
        }
    }

    @Test
    void n_iterations_make_n_updates() {
        Quadratic f = new Quadratic();
        double eta = 0.125; // 1 − η·c = 0.875, 0.75, 0.5: every step exact in binary
        int[] reports = {0};
        OptimizationResult r = new GradientDescent(eta).minimize(f, new double[] {1, 1, 1}, 7, (k, p, v) -> {
            reports[0]++;
            return true;
        });
        assertThat(r.params()).containsExactly(Math.pow(0.875, 7), Math.pow(0.75, 7), Math.pow(0.5, 7));
        assertThat(r.iterations()).isEqualTo(7);
        assertThat(reports[0]).isEqualTo(8); // iterations 0 … 7
        assertThat(f.gradientCalls).isEqualTo(8);
        assertThat(r.gradientEvaluations()).isEqualTo(8);
        assertThat(r.valueEvaluations()).isEqualTo(8);
        assertThat(r.cancelled()).isFalse();
        assertThat(r.value()).isEqualTo(f.value(r.params()));
    }

    @Test
    void zero_iterations_evaluate_the_start_and_change_nothing() {
        Quadratic f = new Quadratic();
        OptimizationResult r = new GradientDescent(0.125).minimize(f, new double[] {1, 2, 3}, 0, IterationListener.NONE);
        assertThat(r.params()).containsExactly(1, 2, 3);
        assertThat(r.iterations()).isZero();
        // ½(1·1 + 2·4 + 4·9) = 22.5
        assertThat(r.value()).isEqualTo(22.5);
    }

    @Test
    void the_listener_returning_false_cancels() {
        Quadratic f = new Quadratic();
        OptimizationResult r = new GradientDescent(0.125).minimize(f, new double[] {1, 1, 1}, 100, (k, p, v) -> k < 3);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.iterations()).isEqualTo(3);
        // stopped at iteration 3, i.e. after 3 updates
        assertThat(r.params()).containsExactly(Math.pow(0.875, 3), Math.pow(0.75, 3), Math.pow(0.5, 3));
        assertThat(f.gradientCalls).isEqualTo(4);
    }

    @Test
    void the_books_learning_rate_and_iterations() {
        assertThat(GradientDescent.BOOK_ETA).isEqualTo(0.05);
        assertThat(GradientDescent.BOOK_ITERATIONS).isEqualTo(500);
        assertThat(new GradientDescent(0.05).eta()).isEqualTo(0.05);
        assertThat(new GradientDescent(0.05).name()).isEqualTo("gd");
    }
}
