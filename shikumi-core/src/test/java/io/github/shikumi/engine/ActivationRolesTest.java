package io.github.shikumi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import io.github.shikumi.update.AdamUpdate;
import io.github.shikumi.update.MomentumUpdate;
import io.github.shikumi.update.UpdateRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation × output layer × depth: the engine's gradient (plain and Vector API kernels) against central
 * differences of an E written here from scratch (Math.tanh, Math.exp, max: not the roles' code), against the
 * per-image Trace, and the float path's plain and vector kernels against each other, bit for bit.
 */
class ActivationRolesTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Activation a : Activation.values()) {
            for (Output o : Output.values()) {
                out.add(Arguments.of(a.id() + ", " + o.id() + ", 1 hidden layer", new int[] {9, 5, 3}, o, List.of(a)));
                Activation b = Activation.values()[(a.ordinal() + 1) % Activation.values().length];
                out.add(Arguments.of(a.id() + "+" + b.id() + ", " + o.id() + ", 2 hidden layers", new int[] {9, 6, 4, 3}, o,
                        List.of(a, b)));
            }
        }
        return out.stream();
    }

    private static Network network(int[] sizes, Output o, List<Activation> acts, Dataset data) {
        ParamLayout layout = new ParamLayout(sizes);
        Network base = BackpropKernelsTest.network(layout, data, 21, 1.5);
        return new Network(layout, data.labels(), data.height(), data.width(), base.params(), java.util.Map.of(), o, acts);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backprop_matches_central_differences_of_an_independent_e(String name, int[] sizes, Output o,
                                                                   List<Activation> acts) {
        Dataset data = BackpropKernelsTest.randomData(sizes[0], sizes[sizes.length - 1], 41, 5);
        Network net = network(sizes, o, acts, data);
        double[] p = net.params();
        double h = 1e-6;
        double[] numeric = new double[p.length];
        double scale = 0;
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            p[i] = saved + h;
            double up = independentE(net, data, p);
            p[i] = saved - h;
            double down = independentE(net, data, p);
            p[i] = saved;
            numeric[i] = (up - down) / (2 * h);
            scale = Math.max(scale, Math.abs(numeric[i]));
        }
        assertThat(scale).isGreaterThan(0);
        for (DoubleKernels k : List.of(DoubleKernels.plain(), DoubleKernels.best())) {
            double[] g = new double[p.length];
            double e = new Backprop(net.layout(), o, acts, data, k).gradient(p, g);
            assertThat(e).as("E, %s kernels", k.name()).isCloseTo(independentE(net, data, p),
                    org.assertj.core.data.Offset.offset(1e-12 * e));
            for (int i = 0; i < p.length; i++) {
                assertThat(Math.abs(g[i] - numeric[i]) / scale).as("%s, %s kernels", net.layout().name(i), k.name())
                        .isLessThan(1e-7);
            }
        }
        // the per-image Trace, summed, is the engine's reference
        double[] engine = new double[p.length];
        new Backprop(net, data).gradient(p, engine);
        double[] sum = new double[p.length];
        double[] abs = new double[p.length];
        for (int img = 0; img < data.size(); img++) {
            double[] t = Trace.of(net, data.image(img), data.target(img)).gradient();
            for (int i = 0; i < p.length; i++) {
                sum[i] += t[i];
                abs[i] += Math.abs(t[i]);
            }
        }
        for (int i = 0; i < p.length; i++) {
            assertThat(Math.abs(engine[i] - sum[i])).as(net.layout().name(i)).isLessThanOrEqualTo(1e-12 * abs[i]);
        }
    }

    /** The float path's plain and Vector API kernels take the same steps for every activation and rule. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void float_plain_and_vector_kernels_give_the_same_numbers(String name, int[] sizes, Output o,
                                                              List<Activation> acts) {
        Dataset data = FloatPathTest.sparseData(200, sizes[0], sizes[sizes.length - 1], 3);
        Network net = network(sizes, o, acts, data);
        FloatImages images = FloatImages.of(data);
        for (UpdateRule rule : List.<UpdateRule>of(new MomentumUpdate(0.2, 0.9), new AdamUpdate(0.01))) {
            double[] plain = floatSteps(net, images, rule, FloatKernels.plain());
            for (FloatKernels k : List.of(FloatKernels.best(), new VectorFloatKernels(true), new VectorFloatKernels(false))) {
                double[] v = floatSteps(net, images, rule, k);
                for (int i = 0; i < plain.length; i++) {
                    assertThat(v[i] == plain[i]).as("%s, %s: value %d plain %s vector %s", rule.name(), k.tile(), i,
                            plain[i], v[i]).isTrue();
                }
            }
        }
    }

    private static double[] floatSteps(Network net, FloatImages images, UpdateRule rule, FloatKernels k) {
        try (FloatBackprop fb = new FloatBackprop(net, 50, 2, rule, k)) {
            double[] losses = new double[12];
            for (int s = 0; s < losses.length; s++) {
                losses[s] = fb.step(images, null, (s * 37) % 150, 47);
            }
            double[] p = fb.params();
            double[] all = java.util.Arrays.copyOf(losses, losses.length + p.length);
            System.arraycopy(p, 0, all, losses.length, p.length);
            return all;
        }
    }

    /** E from scratch: s = Σ w·x − θ, the activation by its textbook formula, the output layer and its loss. */
    static double independentE(Network net, Dataset data, double[] p) {
        ParamLayout lay = net.layout();
        double e = 0;
        for (int img = 0; img < data.size(); img++) {
            double[] a = data.image(img);
            for (int l = 0; l < lay.layers(); l++) {
                double[] s = new double[lay.units(l)];
                for (int j = 0; j < s.length; j++) {
                    double sum = -p[lay.threshold(l, j)];
                    for (int i = 0; i < a.length; i++) {
                        sum += p[lay.weight(l, j, i)] * a[i];
                    }
                    s[j] = sum;
                }
                boolean last = l == lay.layers() - 1;
                if (last && net.output() == Output.SOFTMAX) {
                    double m = Collections.max(java.util.Arrays.stream(s).boxed().toList());
                    double z = 0;
                    for (double v : s) {
                        z += Math.exp(v - m);
                    }
                    e -= s[data.target(img)] - m - Math.log(z); // −log softmax_t
                    break;
                }
                for (int j = 0; j < s.length; j++) {
                    s[j] = last ? 1 / (1 + Math.exp(-s[j])) : textbook(net.activation(l), s[j]);
                }
                if (last) {
                    for (int k = 0; k < s.length; k++) {
                        double t = k == data.target(img) ? 1 : 0;
                        e += 0.5 * (t - s[k]) * (t - s[k]);
                    }
                }
                a = s;
            }
        }
        return e;
    }

    private static double textbook(Activation a, double s) {
        switch (a.id()) {
            case "sigmoid":
                return 1 / (1 + Math.exp(-s));
            case "tanh":
                return Math.tanh(s);
            case "relu":
                return s > 0 ? s : 0;
            case "identity":
                return s;
            default:
                throw new AssertionError("no textbook formula for " + a);
        }
    }
}
