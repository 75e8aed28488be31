package io.github.shikumi.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.update.MomentumUpdate;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run whose E or parameters become NaN or infinite stops at that iteration and says which one it was. */
class DivergenceTest {
    /** E(p) = ½p², ∂E/∂p = p: with η = 3 each step is p ← p − 3p = −2p, so p_k = (−2)^k exactly. */
    private static final Objective HALF_SQUARE = new Objective() {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double value(double[] p) {
            return 0.5 * (p[0] * p[0]);
        }

        @Override
        public double valueAndGradient(double[] p, double[] grad) {
            grad[0] = p[0];
            return value(p);
        }
    };

    @Test
    void gradient_descent_stops_at_the_first_iteration_whose_E_overflows() {
        // p_k² = 4^k = 2^(2k) is finite for 2k < 1024 and overflows to ∞ from k = 512 on (hand-derived)
        List<Double> seen = new ArrayList<>();
        OptimizationResult r = new GradientDescent(3).minimize(HALF_SQUARE, new double[] {1}, 1000, (k, p, v) -> {
            seen.add(v);
            return true;
        });
        assertThat(r.diverged()).isEqualTo(512);
        assertThat(r.iterations()).isEqualTo(512);
        assertThat(r.cancelled()).isFalse();
        assertThat(r.value()).isInfinite();
        assertThat(r.params()[0]).isEqualTo(Math.scalb(1.0, 512)); // (−2)^512, the point it stopped at
        assertThat(seen).hasSize(513);
        assertThat(seen.get(511)).isEqualTo(Math.scalb(1.0, 1021)); // ½·2^1022, the last finite E
    }

    @Test
    void momentum_stops_at_the_first_iteration_whose_E_overflows() {
        // (p, v) ← ((1 − η)p + μv, μv − ηp) has an eigenvalue of modulus > 1 when η > 2 + 2μ: here about −2.28
        OptimizationResult r = new GradientDescent(new MomentumUpdate(4, 0.5)).minimize(HALF_SQUARE, new double[] {1}, 1000, IterationListener.NONE);
        assertThat(r.diverged()).isEqualTo(expected(HALF_SQUARE, new double[] {1}, 4, 0.5, 1000));
        assertThat(r.diverged()).isPositive();
    }

    @Test
    void a_run_that_does_not_diverge_says_so() {
        OptimizationResult r = new GradientDescent(0.5).minimize(HALF_SQUARE, new double[] {1}, 100, IterationListener.NONE);
        assertThat(r.diverged()).isEqualTo(Divergence.NONE);
        assertThat(r.hasDiverged()).isFalse();
    }

    @Test
    void the_books_run_with_eta_1e308_diverges_at_iteration_1_and_records_no_accuracy_there() {
        Dataset d = Datasets.bundled("aple");
        Network start = Network.initial(d, 1, 3);
        int expected = expected(new NetworkObjective(start.layout(), d), start.params(), 1e308, 0, 500);
        assertThat(expected).isEqualTo(1);
        List<Double> accuracies = new ArrayList<>();
        History h = Training.gradientDescent(start, d, 1e308, 500, (k, n, e, a, p) -> accuracies.add(a));
        assertThat(h.diverged()).isEqualTo(expected);
        assertThat(h.hasDiverged()).isTrue();
        assertThat(h.cancelled()).isFalse();
        assertThat(h.iterations()).isEqualTo(1);
        assertThat(h.e(0)).isFinite();
        assertThat(Double.isFinite(h.e(1))).isFalse();
        assertThat(h.accuracy(1)).isNaN(); // no argmax of NaN outputs
        assertThat(accuracies).hasSize(2);
        assertThat(accuracies.get(1)).isNaN();
    }

    @Test
    void momentum_on_the_books_data_diverges_at_the_iteration_a_plain_loop_finds() {
        Dataset d = Datasets.bundled("aple");
        Network start = Network.initial(d, 1, 3);
        int expected = expected(new NetworkObjective(start.layout(), d), start.params(), 1e307, 0.9, 500);
        History h = Training.run(start, d, new GradientDescent(new MomentumUpdate(1e307, 0.9)), 500, TrainingListener.NONE);
        assertThat(expected).isGreaterThan(1);
        assertThat(h.diverged()).isEqualTo(expected);
        assertThat(h.iterations()).isEqualTo(expected);
    }

    @Test
    void the_books_run_does_not_diverge() {
        Dataset d = Datasets.bundled("aple");
        History h = Training.gradientDescent(Network.initial(d, 1, 3), d, GradientDescent.BOOK_ETA, 500, TrainingListener.NONE);
        assertThat(h.diverged()).isEqualTo(-1);
        assertThat(h.iterations()).isEqualTo(500);
    }

    /** v ← μ·v − η·∂E, p ← p + v written out, with the first k whose E or p is NaN or infinite; −1 if none. */
    private static int expected(Objective f, double[] start, double eta, double mu, int iterations) {
        double[] p = start.clone();
        double[] g = new double[p.length];
        double[] v = new double[p.length];
        for (int k = 0; k <= iterations; k++) {
            double e = f.valueAndGradient(p, g);
            boolean bad = Double.isNaN(e) || Double.isInfinite(e);
            for (double x : p) {
                bad |= Double.isNaN(x) || Double.isInfinite(x);
            }
            if (bad) {
                return k;
            }
            for (int i = 0; i < p.length; i++) {
                v[i] = mu * v[i] - eta * g[i];
                p[i] += v[i];
            }
        }
        return -1;
    }
}
