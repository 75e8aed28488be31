package io.github.shikumi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Exp;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.update.MomentumUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reproducibility contract inside one JVM: the plain and the Vector API kernels, and any thread count of
 * the float path, give the same bits (the forked-JVM test in shikumi-cli adds other vector widths and the
 * JIT-less runs). Bits are compared as raw longs, so even the sign of a zero counts, except where a kernel
 * documents that it may leave out a term that adds ±0.
 */
class SameBitsTest {
    static Stream<Arguments> shapes() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {{20, 3, 4}, {20, 2, 4}, {12, 3, 2}, {20, 8, 6, 4}, {7, 5, 3}, {64, 33, 10}};
        for (int[] shape : shapes) {
            for (int count : new int[] {128, 37, 1}) {
                for (Output out : Output.values()) {
                    cases.add(Arguments.of(shape, count, out, 2.0));
                }
            }
        }
        cases.add(Arguments.of(new int[] {20, 3, 4}, 128, Output.SIGMOID, 40.0)); // saturated sigmoids
        cases.add(Arguments.of(new int[] {20, 3, 4}, 128, Output.SOFTMAX, 800.0)); // s far beyond exp's range
        return cases.stream();
    }

    @Test
    void this_build_has_both_kernel_sets() {
        assertThat(DoubleKernels.best().name()).isEqualTo("vector");
        assertThat(FloatKernels.best().name()).isEqualTo("vector");
    }

    @ParameterizedTest(name = "{0}, {1} images, {2}, parameters in ±{3}")
    @MethodSource("shapes")
    void plain_and_vector_double_kernels_give_the_same_bits(int[] sizes, int count, Output out, double range) {
        ParamLayout layout = new ParamLayout(sizes);
        Dataset data = BackpropKernelsTest.randomData(sizes[0], sizes[sizes.length - 1], count, 17);
        double[] p = randomParams(layout, 4, range);
        assertThat(bits(run(layout, out, data, DoubleKernels.best(), p)))
                .containsExactly(bits(run(layout, out, data, DoubleKernels.plain(), p)));
    }

    /** 40 iterations of p ← p − η·∂E/∂p, every E and the last parameters. */
    @Test
    void forty_iterations_of_gradient_descent_give_the_same_bits_with_either_kernel_set() {
        ParamLayout layout = new ParamLayout(20, 3, 4);
        Dataset data = io.github.shikumi.format.Datasets.bundled("aple");
        double[] start = randomParams(layout, 1, 0.5);
        List<long[]> runs = new ArrayList<>();
        for (DoubleKernels k : List.of(DoubleKernels.plain(), DoubleKernels.best())) {
            Backprop bp = new Backprop(layout, Output.SIGMOID, data, k);
            double[] p = start.clone();
            double[] g = new double[p.length];
            double[] trail = new double[40 + p.length];
            for (int it = 0; it < 40; it++) {
                trail[it] = bp.gradient(p, g);
                for (int i = 0; i < p.length; i++) {
                    p[i] -= 0.2 * g[i];
                }
            }
            System.arraycopy(p, 0, trail, 40, p.length);
            runs.add(bits(trail));
        }
        assertThat(runs.get(1)).containsExactly(runs.get(0));
    }

    /**
     * The comparison above notices a changed order: the same gradient with the sums over images added one
     * image after the other (mathematically the same) differs in some bits on the book's problem.
     */
    @Test
    void a_sum_over_images_in_another_order_is_noticed() {
        ParamLayout layout = new ParamLayout(20, 3, 4);
        Dataset data = io.github.shikumi.format.Datasets.bundled("aple");
        double[] p = randomParams(layout, 1, 2.0);
        long[] canonical = bits(run(layout, Output.SIGMOID, data, DoubleKernels.plain(), p));
        long[] reordered = bits(run(layout, Output.SIGMOID, data, new SequentialSums(), p));
        assertThat(reordered).isNotEqualTo(canonical);
        double[] a = run(layout, Output.SIGMOID, data, DoubleKernels.plain(), p);
        double[] b = run(layout, Output.SIGMOID, data, new SequentialSums(), p);
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).isCloseTo(a[i], org.assertj.core.api.Assertions.within(1e-12 * (1 + Math.abs(a[i]))));
        }
    }

    @Test
    void exp_is_within_two_ulps_of_strict_math_and_its_limits_are_those_documented() {
        SplittableRandom r = new SplittableRandom(3);
        for (int n = 0; n < 200_000; n++) {
            double x = r.nextDouble(-708, 709);
            double want = StrictMath.exp(x);
            assertThat(Math.abs(Exp.exp(x) - want)).as("exp(%s)", x).isLessThanOrEqualTo(2 * Math.ulp(want));
        }
        assertThat(Exp.exp(0)).isEqualTo(1.0);
        assertThat(Exp.exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Exp.exp(-708.5)).isEqualTo(0.0);
        assertThat(Exp.exp(-708)).isGreaterThan(0.0);
        assertThat(Exp.exp(Double.NaN)).isNaN();
        assertThat(Activation.SIGMOID.value(-800)).isEqualTo(0.0);
        assertThat(Activation.SIGMOID.value(800)).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 3, 5})
    void any_thread_count_of_the_float_path_gives_the_bits_of_one_thread(int threads) {
        Dataset data = FloatPathTest.sparseData(400, 50, 4, 9);
        FloatImages images = FloatImages.of(data);
        for (Output out : Output.values()) {
            Network net = Network.initialFanIn(new ParamLayout(50, 37, 20, 4), data, out, 3);
            assertThat(floatRun(net, images, threads)).as(out.id()).containsExactly(floatRun(net, images, 1));
        }
    }

    /**
     * The warm-up of a run's shape (issue 13) ends, leaves the Vector API kernels in use, and a run after it
     * gives the bits of a run on the plain kernels.
     */
    @Test
    void the_warm_up_of_a_shape_ends_with_the_vector_kernels_in_use_and_changes_no_bits() {
        Dataset data = FloatPathTest.sparseData(300, 77, 5, 4);
        FloatImages images = FloatImages.of(data);
        Network net = Network.initialFanIn(new ParamLayout(77, 70, 19, 5), data, Output.SOFTMAX, 2);
        FloatBackprop.warmUp(net, new MomentumUpdate(0.3, 0.9), 63);
        assertThat(FloatBackprop.awaitWarm(120_000)).isTrue();
        try (FloatBackprop fb = new FloatBackprop(net, 64, 2, new MomentumUpdate(0.3, 0.9))) {
            assertThat(fb.kernelsNow()).isEqualTo("vector");
        }
        double[] plain = floatSteps(net, images, FloatKernels.plain());
        double[] now = floatSteps(net, images, FloatKernels.current());
        for (int i = 0; i < plain.length; i++) {
            assertThat(now[i] == plain[i]).as("value %d", i).isTrue();
        }
    }

    /**
     * Every register tile of the Vector API float kernels (4×4 for 32 vector registers, 6×2 for AVX2's 16) and
     * the plain kernels: the same numbers (compared with ==, so that the sign of a zero, which a left-out blank
     * pixel may flip, does not count).
     */
    @Test
    void every_float_tile_variant_gives_the_numbers_of_the_plain_kernels() {
        Dataset data = FloatPathTest.sparseData(300, 77, 5, 4);
        FloatImages images = FloatImages.of(data);
        Network net = Network.initialFanIn(new ParamLayout(77, 70, 19, 5), data, Output.SOFTMAX, 2);
        double[] plain = floatSteps(net, images, FloatKernels.plain());
        for (FloatKernels k : List.of(new VectorFloatKernels(true), new VectorFloatKernels(false))) {
            double[] v = floatSteps(net, images, k);
            for (int i = 0; i < plain.length; i++) {
                assertThat(v[i] == plain[i]).as("%s, value %d: plain %s, vector %s", k.tile(), i, plain[i], v[i]).isTrue();
            }
        }
    }

    /**
     * The forward sums of every tile variant for 1 … 13 images (full groups of four and six and every short last
     * group, which repeats its last image) over inputs some of which are blank in all images: the plain kernels'
     * numbers in the rows of the batch, and the rows beyond it untouched.
     */
    @ParameterizedTest(name = "{0} images")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void forward_sums_of_every_tile_and_group_size_are_those_of_the_plain_kernels(int count) {
        int nin = 23;
        int u = 3 * FloatKernels.ROW; // an odd number of blocks: the tiles of fewer vectors too
        SplittableRandom r = new SplittableRandom(count);
        float[][] in = new float[count + 2][nin];
        float[][] wt = new float[nin][u];
        float[] th = new float[u];
        for (float[] x : in) {
            for (int i = 0; i < nin; i++) {
                x[i] = i % 5 == 0 || r.nextInt(4) != 0 ? 0f : (float) r.nextDouble(-1, 1); // most blank, 0, 5, … in all
            }
        }
        for (float[] row : wt) {
            for (int j = 0; j < u; j++) {
                row[j] = (float) r.nextDouble(-2, 2);
            }
        }
        for (int j = 0; j < u; j++) {
            th[j] = (float) r.nextDouble(-1, 1);
        }
        float[] tiles = FloatKernels.tiles(wt, nin, u);
        for (Activation f : new Activation[] {null, Activation.SIGMOID}) {
            float[][] expected = forward(FloatKernels.plain(), in, count, nin, wt, tiles, th, u, f);
            for (FloatKernels k : List.of(new VectorFloatKernels(true), new VectorFloatKernels(false))) {
                float[][] got = forward(k, in, count, nin, wt, tiles, th, u, f);
                for (int b = 0; b < count + 2; b++) {
                    for (int j = 0; j < u; j++) {
                        assertThat(got[b][j] == expected[b][j] || Float.isNaN(got[b][j]) && Float.isNaN(expected[b][j]))
                                .as("%s, %s, image %d, unit %d: plain %s, vector %s", k.tile(), f, b, j,
                                        expected[b][j], got[b][j])
                                .isTrue();
                    }
                }
                for (int b = count; b < count + 2; b++) {
                    assertThat(Float.isNaN(got[b][0])).as("row %d beyond the batch", b).isTrue();
                }
            }
        }
    }

    /**
     * The weight gradient of every tile variant for 1 … 13 images over items of input rows as the gradient phase
     * cuts them (the kernels' {@code rows()}, the last one shorter) and over an item that starts at an odd row,
     * with inputs blank in some images and in all: the plain kernels' numbers.
     */
    @ParameterizedTest(name = "{0} images")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13})
    void weight_gradients_of_every_tile_are_those_of_the_plain_kernels(int count) {
        int nin = 29;
        int u = 3 * FloatKernels.ROW;
        int stride = count + 3; // the deltas' tiled copy has room for a larger batch, as in FloatBackprop
        SplittableRandom r = new SplittableRandom(100 + count);
        float[][] in = new float[count][nin];
        float[][] delta = new float[count][u];
        for (float[] x : in) {
            for (int i = 0; i < nin; i++) {
                x[i] = i % 7 == 0 || r.nextInt(4) != 0 ? 0f : (float) r.nextDouble(-1, 1); // most blank, 0, 7, … in all
            }
        }
        for (float[] d : delta) {
            for (int j = 0; j < u; j++) {
                d[j] = (float) r.nextDouble(-1, 1);
            }
        }
        float[] dtiles = new float[stride * u];
        for (int b = 0; b < count; b++) {
            FloatKernels.tileRow(delta[b], b, stride, u, dtiles);
        }
        float[][] expected = gradient(FloatKernels.plain(), in, count, 0, nin, 4, delta, dtiles, stride, u);
        for (FloatKernels k : List.of(new VectorFloatKernels(true), new VectorFloatKernels(false))) {
            for (int[] range : new int[][] {{0, nin}, {3, 26}}) {
                float[][] got = gradient(k, in, count, range[0], range[1], k.rows(), delta, dtiles, stride, u);
                for (int i = 0; i < nin; i++) {
                    for (int j = 0; j < u; j++) {
                        boolean inRange = i >= range[0] && i < range[1];
                        assertThat(inRange ? got[i][j] == expected[i][j] : Float.isNaN(got[i][j]))
                                .as("%s, rows %d-%d, input %d, unit %d: plain %s, vector %s", k.tile(), range[0],
                                        range[1], i, j, expected[i][j], got[i][j])
                                .isTrue();
                    }
                }
            }
        }
    }

    /** gwt for input rows i0 … i1, in items of {@code rows} rows; rows outside them NaN. */
    private static float[][] gradient(FloatKernels k, float[][] in, int count, int i0, int i1, int rows,
                                      float[][] delta, float[] dtiles, int stride, int u) {
        int nin = in[0].length;
        float[][] gwt = new float[nin][u];
        for (float[] row : gwt) {
            java.util.Arrays.fill(row, Float.NaN);
        }
        int[] nz = new int[FloatKernels.scratch(count, nin)];
        float[] xp = new float[FloatKernels.packed(Math.max(count, nin))];
        for (int i = i0; i < i1; i += rows) {
            k.weightGradient(in, count, i, Math.min(i1, i + rows), delta, dtiles, stride, u, gwt, nz, xp);
        }
        return gwt;
    }

    private static float[][] forward(FloatKernels k, float[][] in, int count, int nin, float[][] wt, float[] tiles,
                                     float[] th, int u, Activation f) {
        float[][] out = new float[in.length][u];
        for (float[] row : out) {
            java.util.Arrays.fill(row, Float.NaN);
        }
        int[] nz = new int[FloatKernels.scratch(count, nin)];
        k.forward(in, count, nin, wt, tiles, th, u, out, f, nz, new float[FloatKernels.packed(nin)]);
        return out;
    }

    private static double[] floatSteps(Network net, FloatImages images, FloatKernels k) {
        try (FloatBackprop fb = new FloatBackprop(net, 64, 2, new MomentumUpdate(0.3, 0.9), k)) {
            double[] losses = new double[20];
            for (int step = 0; step < 20; step++) {
                losses[step] = fb.step(images, null, (step * 37) % 230, 63);
            }
            double[] p = fb.params();
            double[] all = java.util.Arrays.copyOf(losses, losses.length + p.length);
            System.arraycopy(p, 0, all, losses.length, p.length);
            return all;
        }
    }

    /** 25 momentum steps on batches of 61, then the gradient of 300 images and the loss of all 400. */
    private static long[] floatRun(Network net, FloatImages images, int threads) {
        try (FloatBackprop fb = new FloatBackprop(net, 300, threads, new MomentumUpdate(0.2, 0.9))) {
            double[] trail = new double[25 + 2];
            for (int step = 0; step < 25; step++) {
                trail[step] = fb.step(images, null, (step * 61) % 300, 61);
            }
            double[] g = new double[net.layout().count()];
            trail[25] = fb.gradient(images, null, 0, 300, g);
            trail[26] = fb.evaluate(images, null, 0, 400);
            double[] p = fb.params();
            double[] all = new double[trail.length + p.length + g.length];
            System.arraycopy(trail, 0, all, 0, trail.length);
            System.arraycopy(p, 0, all, trail.length, p.length);
            System.arraycopy(g, 0, all, trail.length + p.length, g.length);
            return bits(all);
        }
    }

    /** E, ∂E, E again by value(), and the correct count. */
    private static double[] run(ParamLayout layout, Output out, Dataset data, DoubleKernels k, double[] p) {
        double[] g = new double[layout.count()];
        Backprop bp = new Backprop(layout, out, data, k);
        double e = bp.gradient(p, g);
        double[] all = new double[g.length + 3];
        all[0] = e;
        all[1] = bp.value(p);
        all[2] = bp.correct();
        System.arraycopy(g, 0, all, 3, g.length);
        return all;
    }

    static double[] randomParams(ParamLayout layout, long seed, double range) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[layout.count()];
        for (int i = 0; i < p.length; i++) {
            p[i] = r.nextDouble(-range, range);
        }
        return p;
    }

    static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }

    /** The plain kernels, but every sum over images of the weight gradient added image after image. */
    private static final class SequentialSums extends DoubleKernels {
        private final DoubleKernels plain = DoubleKernels.plain();

        @Override
        String name() {
            return "sequential";
        }

        @Override
        void forward(double[] p, int w, int t, double[][] in, int nin, double[][] out, int nout, int n, Activation f) {
            plain.forward(p, w, t, in, nin, out, nout, n, f);
        }

        @Override
        double outputError(double[][] z, double[][] target, double[] mask, double[][] delta, int nk, int n) {
            return plain.outputError(z, target, mask, delta, nk, n);
        }

        @Override
        void accumulate(double[][] delta, int nout, double[][] in, int nin, double[] grad, int w, int t, int n) {
            plain.accumulate(delta, nout, in, nin, grad, w, t, n);
            for (int j = 0; j < nout; j++) {
                for (int i = 0; i < nin; i++) {
                    double s = 0;
                    for (int img = 0; img < n; img++) {
                        s = Math.fma(delta[j][img], in[i][img], s);
                    }
                    grad[w + j * nin + i] = s;
                }
            }
        }

        @Override
        void backward(double[] p, int w, double[][] delta, int nk, double[][] h, double[][] below, int nj, int n,
                      Activation f) {
            plain.backward(p, w, delta, nk, h, below, nj, n, f);
        }

        @Override
        int correct(double[][] z, int nk, double[] label, int n) {
            return plain.correct(z, nk, label, n);
        }
    }
}
