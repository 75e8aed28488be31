package io.github.shikumi.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.train.Objective;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    /** f(p) = ½·3·p0² − 2·p1 + p0·p2, ∂f = (3·p0 + p2, −2, p0): central differences are exact for it up to rounding. */
    private static final Objective QUADRATIC = new Objective() {
        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public double value(double[] p) {
            return 1.5 * p[0] * p[0] - 2 * p[1] + p[0] * p[2];
        }

        @Override
        public double valueAndGradient(double[] p, double[] grad) {
            grad[0] = 3 * p[0] + p[2];
            grad[1] = -2;
            grad[2] = p[0];
            return value(p);
        }
    };

    @Test
    void numerical_gradient_is_the_central_difference_of_the_objective() {
        double[] p = {0.5, -1.25, 2.0};
        double[] g = GradientCheck.numerical(QUADRATIC, p, 1e-4);
        // ∂f/∂p0 = 3·0.5 + 2.0 = 3.5, ∂f/∂p1 = −2, ∂f/∂p2 = 0.5
        assertThat(g).containsExactly(new double[] {3.5, -2, 0.5}, within(1e-9));
        assertThat(p).as("the start point is not changed").containsExactly(0.5, -1.25, 2.0);
    }

    @Test
    void numerical_gradient_of_a_network_equals_an_independent_central_difference_loop() {
        Dataset data = Fixtures.randomGreyData(3, 5, 4, 4, 20);
        Network net = Fixtures.randomNetwork(9, data, 3);
        double[] mine = Fixtures.centralDifferences(net, data, 1e-5);
        double[] theirs = GradientCheck.numerical(new NetworkObjective(net.layout(), data), net.params(), 1e-5);
        // the same formula, E summed in another order: they differ by rounding only (~ε·E/h ≈ 1e-10)
        assertThat(theirs).containsExactly(mine, within(1e-8));
    }

    @Test
    void check_passes_a_correct_gradient_and_compares_component_by_component() {
        GradientCheck.Result r = GradientCheck.check(QUADRATIC, new double[] {0.5, -1.25, 2.0}, GradientCheck.DEFAULT_STEP);
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.analytic(0)).isEqualTo(3.5);
        assertThat(r.numeric(0)).isCloseTo(3.5, within(1e-9));
        assertThat(r.passes(GradientCheck.DEFAULT_TOLERANCE)).isTrue();
    }

    @Test
    void check_catches_a_wrong_sign_in_one_component_and_names_it() {
        Dataset data = Fixtures.randomGreyData(5, 4, 3, 2, 16);
        Network net = Fixtures.randomNetwork(6, data, 3);
        NetworkObjective right = new NetworkObjective(net.layout(), data);
        int broken = net.layout().threshold(0, 1); // θH[2]
        Objective wrong = new Objective() {
            @Override
            public int dimension() {
                return right.dimension();
            }

            @Override
            public double value(double[] p) {
                return right.value(p);
            }

            @Override
            public double valueAndGradient(double[] p, double[] grad) {
                double e = right.valueAndGradient(p, grad);
                grad[broken] = -grad[broken]; // as if ∂e/∂θ were written +δ instead of −δ
                return e;
            }
        };
        GradientCheck.Result r = GradientCheck.check(wrong, net.params(), GradientCheck.DEFAULT_STEP);
        assertThat(r.passes(GradientCheck.DEFAULT_TOLERANCE)).isFalse();
        assertThat(r.worstAbsoluteIndex()).isEqualTo(broken);
        assertThat(r.worstRelativeIndex()).isEqualTo(broken);
        assertThat(net.layout().name(r.worstRelativeIndex())).isEqualTo("θH[2]");
        assertThat(r.maxAbsolute()).isCloseTo(2 * Math.abs(r.numeric(broken)), within(1e-8));
    }

    @Test
    void relative_difference_is_measured_against_the_largest_component() {
        // analytic a = (2, −0.5, 1e-9), numeric n = (2.000001, −0.5, 0): scale = max |a|, |n| = 2.000001
        GradientCheck.Result r = new GradientCheck.Result(new double[] {2, -0.5, 1e-9}, new double[] {2.000001, -0.5, 0});
        assertThat(r.absolute(0)).isCloseTo(1e-6, within(1e-15));
        assertThat(r.relative(0)).isCloseTo(1e-6 / 2.000001, within(1e-15));
        assertThat(r.relative(1)).isEqualTo(0.0);
        // a component near 0 is judged against the gradient's scale, not its own size (1e-9 / 1e-9 = 1)
        assertThat(r.relative(2)).isCloseTo(1e-9 / 2.000001, within(1e-20));
        assertThat(r.worstRelativeIndex()).isEqualTo(0);
        assertThat(r.maxRelative()).isCloseTo(4.9999975e-7, within(1e-13));
        assertThat(r.passes(1e-6)).isTrue();
        assertThat(r.passes(4e-7)).isFalse();
    }

    @Test
    void two_zero_gradients_agree() {
        GradientCheck.Result r = new GradientCheck.Result(new double[] {0, 0}, new double[] {0, 0});
        assertThat(r.maxRelative()).isEqualTo(0.0);
        assertThat(r.passes(0)).isTrue();
    }
}
