package io.github.shikumi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.check.GradientCheck;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import io.github.shikumi.train.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast {@link Backprop}, with each of its kernel sets (plain Java, and the Vector API when the JVM has it;
 * the build runs tests with {@code --add-modules jdk.incubator.vector}), against the plain one-image-at-a-time
 * {@link Trace} summed over the images, and against central differences.
 *
 * <p>Tolerance against the trace: the kernels add the same terms in another order and with fused
 * multiply-adds, so each sum may differ by a few ulps of the sum of the absolute values of its terms
 * (Σ_images |∂e/∂p|); 1e-12 of that is far above such rounding (n·2⁻⁵³ ≈ 1.4e-14 for 128 images) and far
 * below any wrong term.
 */
class BackpropKernelsTest {
    static Stream<Arguments> kernelsAndShapes() {
        List<Arguments> cases = new ArrayList<>();
        List<DoubleKernels> kernels = new ArrayList<>(List.of(DoubleKernels.plain()));
        if (DoubleKernels.best() != DoubleKernels.plain()) {
            kernels.add(DoubleKernels.best());
        }
        int[][] shapes = {{20, 3, 4}, {12, 3, 2}, {20, 8, 6, 4}, {7, 5, 3}};
        int[] counts = {128, 37, 1};
        for (DoubleKernels k : kernels) {
            for (int[] shape : shapes) {
                for (int count : counts) {
                    cases.add(Arguments.of(k.name(), k, shape, count, 2.0));
                }
            }
            // weights up to ±40: many s far beyond ±37, where σ is 1 or nearly e^s
            cases.add(Arguments.of(k.name(), k, new int[] {20, 3, 4}, 128, 40.0));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} kernels, {2}, {3} images, parameters in ±{4}")
    @MethodSource("kernelsAndShapes")
    void backprop_matches_the_summed_trace_of_every_image(String name, DoubleKernels kernels, int[] sizes, int count,
                                                          double range) {
        ParamLayout layout = new ParamLayout(sizes);
        Dataset data = randomData(sizes[0], sizes[sizes.length - 1], count, 11);
        Network net = network(layout, data, 5, range);
        double[] grad = new double[layout.count()];
        double e = new Backprop(layout, data, kernels).gradient(net.params(), grad);

        double traceE = 0;
        double[] traceGrad = new double[layout.count()];
        double[] scale = new double[layout.count()];
        int correct = 0;
        for (int img = 0; img < data.size(); img++) {
            Trace t = Trace.of(net, data.image(img), data.target(img));
            traceE += t.e();
            double[] g = t.gradient();
            for (int p = 0; p < g.length; p++) {
                traceGrad[p] += g[p];
                scale[p] += Math.abs(g[p]);
            }
            if (Network.argmax(t.outputs()) == data.target(img)) {
                correct++;
            }
        }
        assertThat(Math.abs(e - traceE)).isLessThanOrEqualTo(1e-12 * traceE);
        for (int p = 0; p < grad.length; p++) {
            assertThat(Math.abs(grad[p] - traceGrad[p])).as(layout.name(p))
                    .isLessThanOrEqualTo(1e-12 * scale[p]);
        }
        Backprop valueOnly = new Backprop(layout, data, kernels);
        assertThat(Math.abs(valueOnly.value(net.params()) - traceE)).isLessThanOrEqualTo(1e-12 * traceE);
        assertThat(valueOnly.correct()).isEqualTo(correct);
    }

    /**
     * Central differences (h = 1e-5) have an absolute error of about ε·E/h + h²·E'''/6 in every component, so
     * the difference is measured relative to the gradient's largest component.
     */
    @ParameterizedTest(name = "{0} kernels, {2}, {3} images, parameters in ±{4}")
    @MethodSource("kernelsAndShapes")
    void backprop_matches_central_differences(String name, DoubleKernels kernels, int[] sizes, int count, double range) {
        ParamLayout layout = new ParamLayout(sizes);
        Dataset data = randomData(sizes[0], sizes[sizes.length - 1], count, 3);
        Backprop bp = new Backprop(layout, data, kernels);
        Objective f = new Objective() {
            @Override
            public int dimension() {
                return layout.count();
            }

            @Override
            public double value(double[] p) {
                return bp.value(p);
            }

            @Override
            public double valueAndGradient(double[] p, double[] grad) {
                return bp.gradient(p, grad);
            }
        };
        GradientCheck.Result r = GradientCheck.check(f, network(layout, data, 9, range).params(), GradientCheck.DEFAULT_STEP);
        double scale = 0;
        for (int p = 0; p < r.size(); p++) {
            scale = Math.max(scale, Math.abs(r.numeric(p)));
        }
        assertThat(scale).isGreaterThan(0);
        assertThat(r.maxAbsolute() / scale).isLessThan(1e-6);
    }

    @Test
    void the_build_tests_the_vector_kernels() {
        // the surefire configuration adds jdk.incubator.vector; without it only the plain kernels would be tested
        assertThat(Backprop.kernels()).isEqualTo("vector");
    }

    static Dataset randomData(int pixels, int labels, int count, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] images = new double[count][pixels];
        int[] targets = new int[count];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < labels; k++) {
            names.add("c" + (k + 1));
        }
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < pixels; i++) {
                images[n][i] = r.nextInt(3) == 0 ? r.nextDouble() : r.nextInt(2);
            }
            targets[n] = n % labels;
        }
        return new Dataset("random", names, 1, pixels, images, targets);
    }

    static Network network(ParamLayout layout, Dataset data, long seed, double range) {
        double[] p = new double[layout.count()];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble(-range, range);
        }
        return new Network(layout, data.labels(), data.height(), data.width(), p);
    }
}
