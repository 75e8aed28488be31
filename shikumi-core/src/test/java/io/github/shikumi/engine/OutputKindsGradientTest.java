package io.github.shikumi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.FashionMnist;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The double path's gradient for every layer kind and loss — sigmoid hidden layers, the book's sigmoid output
 * with squared error, softmax output with cross-entropy — on 300 Fashion-MNIST images, checked two ways:
 * against the one-image-at-a-time {@link Trace} summed over the images, and against central differences of
 * E computed from {@link Network#outputs} alone (independent of {@link Backprop}).
 */
class OutputKindsGradientTest {
    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(Output.SOFTMAX, new int[] {784, 8, 10}),
                Arguments.of(Output.SIGMOID, new int[] {784, 8, 10}),
                Arguments.of(Output.SOFTMAX, new int[] {784, 8, 6, 10}),
                Arguments.of(Output.SIGMOID, new int[] {784, 6, 5, 10}));
    }

    static Network network(Output output, int[] sizes, Dataset data, long seed) {
        return Network.initialFanIn(new ParamLayout(sizes), data, output, seed);
    }

    @ParameterizedTest(name = "{0} output, {1}")
    @MethodSource("networks")
    void backprop_equals_the_summed_traces_on_fashion_mnist(Output output, int[] sizes) {
        Dataset data = FashionMnist.firstTrain(300);
        Network net = network(output, sizes, data, 7);
        int count = net.layout().count();
        double[] sum = new double[count];
        double[] sumAbs = new double[count];
        double e = 0;
        for (int n = 0; n < data.size(); n++) {
            Trace t = Trace.of(net, data.image(n), data.target(n));
            double[] g = t.gradient();
            for (int p = 0; p < count; p++) {
                sum[p] += g[p];
                sumAbs[p] += Math.abs(g[p]);
            }
            e += t.e();
        }
        for (DoubleKernels k : new DoubleKernels[] {DoubleKernels.plain(), DoubleKernels.best()}) {
            double[] grad = new double[count];
            double be = new Backprop(net.layout(), output, data, k).gradient(net.params(), grad);
            assertThat(Math.abs(be - e)).as(k.name()).isLessThanOrEqualTo(1e-12 * e);
            for (int p = 0; p < count; p++) {
                assertThat(Math.abs(grad[p] - sum[p])).as("%s %s", k.name(), net.layout().name(p))
                        .isLessThanOrEqualTo(1e-12 * sumAbs[p]);
            }
        }
    }

    /**
     * Every threshold and every weight of the upper layers, and 100 weights of the first layer drawn at random,
     * against (E(p + h) − E(p − h)) / 2h with E summed from {@link Network#outputs}; the difference is measured
     * relative to the gradient's largest component (central differences err by about ε·E/h in every one).
     */
    @ParameterizedTest(name = "{0} output, {1}")
    @MethodSource("networks")
    void backprop_matches_central_differences_on_fashion_mnist(Output output, int[] sizes) {
        Dataset data = FashionMnist.firstTrain(300);
        Network net = network(output, sizes, data, 11);
        ParamLayout lay = net.layout();
        double[] grad = new double[lay.count()];
        new Backprop(lay, output, data).gradient(net.params(), grad);
        double scale = 0;
        for (double g : grad) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertThat(scale).isGreaterThan(0);
        SplittableRandom r = new SplittableRandom(3);
        java.util.List<Integer> checked = new java.util.ArrayList<>();
        for (int p = 0; p < lay.count(); p++) {
            boolean firstLayerWeight = p < lay.thresholdOffset(0);
            if (!firstLayerWeight) {
                checked.add(p);
            }
        }
        for (int q = 0; q < 100; q++) {
            checked.add(r.nextInt(lay.thresholdOffset(0)));
        }
        double h = 1e-5;
        double[] p = net.params();
        for (int idx : checked) {
            double saved = p[idx];
            p[idx] = saved + h;
            double plus = error(net.withParams(p), data);
            p[idx] = saved - h;
            double minus = error(net.withParams(p), data);
            p[idx] = saved;
            double numeric = (plus - minus) / (2 * h);
            assertThat(Math.abs(grad[idx] - numeric) / scale).as("%s: backprop %s, numerical %s", lay.name(idx),
                    grad[idx], numeric).isLessThan(1e-6);
        }
    }

    /** E = Σ_images e from the network's outputs: ½ Σ (t − z)², or −log z_label for softmax. */
    static double error(Network net, Dataset data) {
        double e = 0;
        for (int n = 0; n < data.size(); n++) {
            double[] z = net.outputs(data.image(n));
            int label = data.target(n);
            if (net.output() == Output.SOFTMAX) {
                e -= Math.log(z[label]);
            } else {
                for (int k = 0; k < z.length; k++) {
                    double d = (k == label ? 1.0 : 0.0) - z[k];
                    e += 0.5 * d * d;
                }
            }
        }
        return e;
    }
}
