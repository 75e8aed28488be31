package io.github.shikumi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.FashionMnist;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.update.MomentumUpdate;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The float path ({@link FloatBackprop}) against the double reference ({@link Backprop}), and against itself. */
class FloatPathTest {
    /**
     * Float against double on the same 300 Fashion-MNIST images and parameters. A float carries 24 bits
     * (ε = 6e-8); a sum of a few hundred to a few thousand rounded terms stays within about 1e-5 of the
     * gradient's scale; 1e-4 of the largest component leaves room and still catches any wrong term
     * (which is of the order of the gradient itself).
     */
    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3})
    void float_gradient_agrees_with_the_double_reference(int threads) {
        Dataset data = FashionMnist.firstTrain(300);
        for (Network net : List.of(
                Network.initialFanIn(new ParamLayout(784, 32, 10), data, Output.SOFTMAX, 5),
                Network.initialFanIn(new ParamLayout(784, 16, 8, 10), data, Output.SIGMOID, 6))) {
            double[] gd = new double[net.layout().count()];
            double ed = new Backprop(net.layout(), net.output(), data).gradient(net.params(), gd);
            double scale = 0;
            for (double g : gd) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (FloatKernels k : new FloatKernels[] {FloatKernels.plain(), FloatKernels.best()}) {
                double[] gf = new double[gd.length];
                double ef;
                try (FloatBackprop fb = new FloatBackprop(net, data.size(), threads, null, k)) {
                    ef = fb.gradient(FloatImages.of(data), null, 0, data.size(), gf);
                }
                assertThat(Math.abs(ef - ed)).as("E, %s kernels", k.name()).isLessThan(1e-5 * ed);
                for (int p = 0; p < gd.length; p++) {
                    assertThat(Math.abs(gf[p] - gd[p]) / scale).as("%s, %s kernels: float %s, double %s",
                            net.layout().name(p), k.name(), gf[p], gd[p]).isLessThan(1e-4);
                }
            }
        }
    }

    /** 30 steps of the plain and of the Vector API float kernels, from the same start: the same numbers. */
    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2})
    void plain_and_vector_float_kernels_compute_the_same_numbers(int threads) {
        Dataset data = sparseData(400, 50, 4, 9);
        Network net = Network.initialFanIn(new ParamLayout(50, 37, 20, 4), data, Output.SOFTMAX, 3);
        FloatImages images = FloatImages.of(data);
        List<double[]> runs = new ArrayList<>();
        for (FloatKernels k : new FloatKernels[] {FloatKernels.plain(), FloatKernels.best()}) {
            try (FloatBackprop fb = new FloatBackprop(net, 64, threads, new MomentumUpdate(0.2, 0.9), k)) {
                double[] losses = new double[31];
                for (int step = 0; step < 30; step++) {
                    losses[step] = fb.step(images, null, (step * 64) % 320, 61);
                }
                double[] p = fb.params();
                double[] all = new double[p.length + losses.length];
                System.arraycopy(p, 0, all, 0, p.length);
                System.arraycopy(losses, 0, all, p.length, losses.length);
                runs.add(all);
            }
        }
        double[] plain = runs.get(0);
        double[] vector = runs.get(1);
        for (int i = 0; i < plain.length; i++) {
            // == treats +0 and −0 as equal: the kernels may differ in the sign of a zero, nothing else
            assertThat(vector[i] == plain[i]).as("value %d: plain %s, vector %s", i, plain[i], vector[i]).isTrue();
        }
    }

    @Test
    void a_step_allocates_nothing() {
        Dataset data = sparseData(200, 30, 3, 2);
        Network net = Network.initialFanIn(new ParamLayout(30, 16, 3), data, Output.SOFTMAX, 1);
        FloatImages images = FloatImages.of(data);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (FloatBackprop fb = new FloatBackprop(net, 50, 1, new MomentumUpdate(0.1, 0.9), FloatKernels.plain())) {
            for (int i = 0; i < 2000; i++) { // until the JIT has compiled the step (its compiling allocates)
                fb.step(images, null, (i % 4) * 50, 50);
            }
            // the fewest bytes of five windows of 200 steps: a window may see the JIT deoptimise a step (other tests
            // in this JVM run other activations and rules through the same call sites), which allocates once
            long fewest = Long.MAX_VALUE;
            for (int window = 0; window < 5; window++) {
                long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
                for (int i = 0; i < 200; i++) {
                    fb.step(images, null, (i % 4) * 50, 50);
                }
                fewest = Math.min(fewest, mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before);
            }
            assertThat(fewest).as("bytes allocated by 200 steps").isLessThan(200);
        }
    }

    /** Images with about half their pixels 0 (like real images), grey levels otherwise. */
    static Dataset sparseData(int n, int pixels, int labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] images = new double[n][pixels];
        int[] targets = new int[n];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < labels; k++) {
            names.add("c" + k);
        }
        for (int i = 0; i < n; i++) {
            targets[i] = r.nextInt(labels);
            for (int p = 0; p < pixels; p++) {
                // label-dependent stripes plus noise, so that there is something to learn
                boolean on = (p % labels == targets[i]) ? r.nextInt(4) > 0 : r.nextInt(4) == 0;
                images[i][p] = on ? r.nextInt(255) / 255.0 + 1 / 255.0 : 0.0;
            }
        }
        return new Dataset("sparse", names, 1, pixels, images, targets);
    }
}
