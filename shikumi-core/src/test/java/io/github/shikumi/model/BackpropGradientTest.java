package io.github.shikumi.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.engine.Backprop;
import io.github.shikumi.Fixtures;
import io.github.shikumi.check.GradientCheck;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.NetworkObjective;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backpropagation against numerical differentiation and against the per-image {@link Trace}, on random
 * networks of several shapes. Numerical gradients come from {@link GradientCheck} and, independently,
 * from {@link Fixtures#centralDifferences}, which evaluates E with {@link Network#outputs} only.
 */
class BackpropGradientTest {
    /**
     * Bound on the relative difference |a_p − n_p| / max_q |a_q|: the difference relative to the gradient's
     * largest component, as {@link GradientCheck.Result#relative} defines it. Central differences with
     * h = 1e-5 have an absolute error of about ε·E/h + h²·E'''/6, ~1e-10 here, in every component: far
     * below this bound. A wrong sign or index gives differences of the order of the gradient itself.
     */
    private static final double REL = 1e-6;

    /** height, width, hidden layers ("3" or "5 4"), labels, images, seed, gradient-descent steps before the check. */
    @ParameterizedTest(name = "{0}x{1} inputs, hidden {2}, {3} labels, {4} images, after {6} steps")
    @CsvSource({
        "5, 4, 3, 4, 32, 1, 0",        // the book's 20-3-4
        "5, 4, 3, 4, 128, 20, 0",      // 20-3-4 on 128 images
        "4, 3, 3, 2, 16, 2, 0",        // the book's 0/1 example, 12-3-2
        "5, 4, 5 4, 4, 24, 3, 0",      // deeper: 20-5-4-4
        "2, 3, 4 3 5, 3, 10, 4, 0",    // deeper still: 6-4-3-5-3
        "1, 2, 2, 2, 5, 5, 0",         // the tiny shape of the hand-derived example
        "3, 3, '', 3, 12, 6, 0",       // no hidden layer: 9-3
        "5, 4, 3, 4, 32, 20, 0",       // 20-3-4 with a component of 2.7e-5 whose own relative difference is 4e-6
        "5, 4, 5 4, 4, 32, 9, 0",      // 20-5-4-4 with a component of 6.6e-6 whose own relative difference is 2e-5
        "5, 4, 3, 4, 8, 7, 3000",      // 20-3-4 trained until E and the gradient are small
        "5, 4, 5 4, 4, 128, 8, 3000",  // 20-5-4-4 trained: E large, the gradient small
    })
    void backprop_matches_central_differences(int height, int width, String hidden, int labels, int images, long seed,
                                              int steps) {
        Dataset data = Fixtures.randomGreyData(seed, height, width, labels, images);
        Network net = Fixtures.randomNetwork(seed * 31, data, hiddenSizes(hidden));
        NetworkObjective objective = new NetworkObjective(net.layout(), data);
        double[] p = new GradientDescent(0.05).minimize(objective, net.params(), steps, IterationListener.NONE).params();
        net = net.withParams(p);

        GradientCheck.Result check = GradientCheck.check(objective, p, GradientCheck.DEFAULT_STEP);
        assertThat(check.size()).isEqualTo(net.layout().count());
        assertThat(check.maxRelative()).as("GradientCheck, worst at %s", net.layout().name(check.worstRelativeIndex()))
                .isLessThan(REL);
        assertThat(check.passes(GradientCheck.DEFAULT_TOLERANCE)).isTrue();

        double[] analytic = new double[p.length];
        new Backprop(net.layout(), data).gradient(p, analytic);
        double[] numeric = Fixtures.centralDifferences(net, data, 1e-5);
        double scale = 0;
        for (double a : analytic) {
            scale = Math.max(scale, Math.abs(a));
        }
        assertThat(scale).isGreaterThan(0);
        for (int i = 0; i < p.length; i++) {
            assertThat(Math.abs(analytic[i] - numeric[i]) / scale)
                    .as("%s: backprop %s, central differences %s", net.layout().name(i), analytic[i], numeric[i])
                    .isLessThan(REL);
            assertThat(check.analytic(i)).isEqualTo(analytic[i]);
        }
    }

    @ParameterizedTest(name = "{0}x{1} inputs, hidden {2}, {3} labels, {4} images")
    @CsvSource({
        "5, 4, 3, 4, 40, 11",
        "4, 3, 3, 2, 17, 12",
        "5, 4, 5 4, 4, 23, 13",
        "2, 2, 3 3 3, 2, 7, 14",
    })
    void backprop_equals_the_sum_of_the_per_image_traces(int height, int width, String hidden, int labels, int images, long seed) {
        Dataset data = Fixtures.randomData(seed, height, width, labels, images);
        Network net = Fixtures.randomNetwork(seed * 17, data, hiddenSizes(hidden));
        int count = net.layout().count();

        double[] sum = new double[count];
        double[] sumAbs = new double[count];
        double e = 0;
        for (int n = 0; n < data.size(); n++) {
            Trace tr = Trace.of(net, data.image(n), data.target(n));
            double[] g = tr.gradient();
            for (int p = 0; p < count; p++) {
                sum[p] += g[p];
                sumAbs[p] += Math.abs(g[p]);
            }
            e += tr.e(); // E = Σ_images e
        }
        double[] grad = new double[count];
        double backpropE = new Backprop(net.layout(), data).gradient(net.params(), grad);

        assertThat(Math.abs(backpropE - e)).isLessThanOrEqualTo(1e-12 * e);
        for (int p = 0; p < count; p++) {
            // relative to the size of the terms summed (a sum of terms of both signs can be near 0)
            assertThat(Math.abs(grad[p] - sum[p])).as(net.layout().name(p)).isLessThanOrEqualTo(1e-12 * sumAbs[p]);
        }
    }

    static int[] hiddenSizes(String text) {
        if (text == null || text.isBlank()) {
            return new int[0];
        }
        String[] parts = text.trim().split("\\s+");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            sizes[i] = Integer.parseInt(parts[i]);
        }
        return sizes;
    }
}
