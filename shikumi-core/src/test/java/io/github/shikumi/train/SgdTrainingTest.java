package io.github.shikumi.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.FashionMnist;
import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.ShikumiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Mini-batch SGD with momentum, on Fashion-MNIST and on small made-up data. */
class SgdTrainingTest {
    static SgdSettings settings(int batch, int epochs, double eta, long seed, double validation, int patience,
                                int threads, SgdSettings.Precision precision) {
        return new SgdSettings(batch, epochs, eta, 0.9, seed, validation, patience, threads, precision);
    }

    @ParameterizedTest
    @EnumSource(SgdSettings.Precision.class)
    void training_lowers_the_loss_on_fashion_mnist(SgdSettings.Precision precision) {
        Dataset train = FashionMnist.firstTrain(1000);
        Dataset test = FashionMnist.firstTest(500);
        Network start = Network.initialFanIn(new ParamLayout(784, 32, 10), train, Output.SOFTMAX, 1);
        SgdResult r = SgdTraining.run(start, train, test, settings(50, 4, 0.1, 1, 0, 0, 2, precision), EpochListener.NONE);
        List<EpochResult> e = r.epochs();
        assertThat(e).hasSize(4);
        for (int i = 1; i < e.size(); i++) {
            assertThat(e.get(i).loss()).as("epoch %d", i + 1).isLessThan(e.get(i - 1).loss());
        }
        // from about ln 10 = 2.30 (a uniform guess) to below half of it, and far better than chance (0.1) on
        // unseen images
        assertThat(e.get(0).loss()).isLessThan(2.3);
        assertThat(e.get(3).loss()).isLessThan(0.5 * Math.log(10));
        assertThat(e.get(3).testAccuracy()).isGreaterThan(0.65);
        assertThat(e.get(3).testLoss()).isLessThan(0.5 * Math.log(10));
        assertThat(r.trained().params()).isNotEqualTo(start.params());
    }

    /**
     * The split the epochs start from, against the way it was made before (a shuffle of all images, the first share
     * held out, the rest sorted): the same validation images, the others in index order, for shares from 0 to the
     * largest (one image always stays for training).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {0, 0.1, 0.25, 0.5, 0.999})
    void the_split_holds_out_a_shuffled_share_and_trains_on_the_rest_by_index(double share) {
        for (int n : new int[] {1, 2, 7, 1000}) {
            int[][] split = SgdTraining.split(n, share, new SplittableRandom(11));
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            SgdTraining.shuffle(all, new SplittableRandom(11));
            int held = Math.min((int) Math.round(n * share), n - 1);
            int[] rest = java.util.Arrays.copyOfRange(all, held, n);
            java.util.Arrays.sort(rest);
            assertThat(split[0]).containsExactly(java.util.Arrays.copyOfRange(all, 0, held));
            assertThat(split[1]).containsExactly(rest).isNotEmpty();
            assertThat(split[0].length + split[1].length).isEqualTo(n);
        }
    }

    @Test
    void float_and_double_paths_train_alike() {
        Dataset train = FashionMnist.firstTrain(600);
        Network start = Network.initialFanIn(new ParamLayout(784, 16, 10), train, Output.SOFTMAX, 2);
        SgdResult d = SgdTraining.run(start, train, null, settings(60, 2, 0.1, 4, 0, 0, 1, SgdSettings.Precision.DOUBLE), EpochListener.NONE);
        SgdResult f = SgdTraining.run(start, train, null, settings(60, 2, 0.1, 4, 0, 0, 1, SgdSettings.Precision.FLOAT), EpochListener.NONE);
        for (int i = 0; i < 2; i++) {
            assertThat(f.epochs().get(i).loss()).isCloseTo(d.epochs().get(i).loss(),
                    org.assertj.core.data.Offset.offset(1e-4 * d.epochs().get(i).loss()));
        }
        double[] pd = d.trained().params();
        double[] pf = f.trained().params();
        for (int p = 0; p < pd.length; p++) {
            assertThat(Math.abs(pf[p] - pd[p])).isLessThan(1e-3);
        }
    }

    @ParameterizedTest
    @EnumSource(SgdSettings.Precision.class)
    void the_same_seed_gives_the_same_run_and_another_seed_another(SgdSettings.Precision precision) {
        Dataset train = stripes(300, 5);
        Network start = Network.initialFanIn(new ParamLayout(24, 12, 3), train, Output.SOFTMAX, 1);
        SgdResult a = SgdTraining.run(start, train, null, settings(20, 3, 0.2, 42, 0.2, 0, 2, precision), EpochListener.NONE);
        SgdResult b = SgdTraining.run(start, train, null, settings(20, 3, 0.2, 42, 0.2, 0, 2, precision), EpochListener.NONE);
        SgdResult c = SgdTraining.run(start, train, null, settings(20, 3, 0.2, 43, 0.2, 0, 2, precision), EpochListener.NONE);
        assertThat(b.trained().params()).containsExactly(a.trained().params());
        for (int i = 0; i < 3; i++) {
            assertThat(b.epochs().get(i).loss()).isEqualTo(a.epochs().get(i).loss());
            assertThat(b.epochs().get(i).validationLoss()).isEqualTo(a.epochs().get(i).validationLoss());
        }
        assertThat(c.trained().params()).isNotEqualTo(a.trained().params());
    }

    @ParameterizedTest
    @EnumSource(SgdSettings.Precision.class)
    void training_lowers_the_loss_on_made_up_data(SgdSettings.Precision precision) {
        Dataset train = stripes(600, 1);
        Network start = Network.initialFanIn(new ParamLayout(24, 12, 8, 3), train, Output.SIGMOID, 3);
        SgdResult r = SgdTraining.run(start, train, stripes(200, 2), settings(30, 8, 2.0, 7, 0, 0, 2, precision),
                EpochListener.NONE);
        // three labels: chance is 1/3
        assertThat(r.epochs().get(7).loss()).isLessThan(0.5 * r.epochs().get(0).loss());
        assertThat(r.epochs().get(7).testAccuracy()).isGreaterThan(0.9);
    }

    /**
     * The roles on the mini-batch engines: tanh and ReLU hidden layers trained by Adam, on both number types,
     * learn the stripes, and the float path follows the double one (float rounding only); provenance names the
     * rule and its settings.
     */
    @Test
    void adam_trains_tanh_and_relu_layers_alike_on_both_paths() {
        Dataset train = stripes(600, 1);
        Network start = Network.initialFanIn(new ParamLayout(24, 12, 8, 3), train, Output.SOFTMAX, 3)
                .withActivations(List.of(io.github.shikumi.model.Activation.TANH, io.github.shikumi.model.Activation.RELU));
        double[] first = new double[2];
        double[] last = new double[2];
        for (SgdSettings.Precision precision : SgdSettings.Precision.values()) {
            SgdSettings s = new SgdSettings(30, 6, new io.github.shikumi.update.AdamUpdate(0.01), 7, 0, 0, 2, precision);
            SgdResult r = SgdTraining.run(start, train, stripes(200, 2), s, EpochListener.NONE);
            assertThat(r.epochs().get(5).loss()).isLessThan(0.5 * r.epochs().get(0).loss());
            assertThat(r.epochs().get(5).testAccuracy()).isGreaterThan(0.9);
            assertThat(r.trained().provenance()).containsEntry("optimizer", "sgd-adam").containsEntry("beta2", 0.999);
            assertThat(r.trained().activations()).isEqualTo(start.activations());
            first[precision.ordinal()] = r.epochs().get(0).loss();
            last[precision.ordinal()] = r.epochs().get(5).loss();
        }
        assertThat(first[1]).isCloseTo(first[0], org.assertj.core.data.Offset.offset(1e-3 * first[0]));
        assertThat(last[1]).isCloseTo(last[0], org.assertj.core.data.Offset.offset(1e-2 * last[0]));
    }

    /**
     * Random labels: nothing generalises, so once the network starts to memorise the training images the
     * held-out loss rises; with patience 2 the run stops two epochs after its best and keeps that epoch.
     */
    @Test
    void early_stop_keeps_the_epoch_with_the_lowest_validation_loss() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] images = new double[200][20];
        int[] targets = new int[200];
        for (int i = 0; i < 200; i++) {
            for (int p = 0; p < 20; p++) {
                images[i][p] = r.nextDouble();
            }
            targets[i] = r.nextInt(2);
        }
        Dataset noise = new Dataset("noise", List.of("a", "b"), 4, 5, images, targets);
        Network start = Network.initialFanIn(new ParamLayout(20, 64, 2), noise, Output.SOFTMAX, 1);
        List<EpochResult> seen = new ArrayList<>();
        EpochListener l = new EpochListener() {
            @Override
            public boolean onBatch(int epoch, int epochs, int batch, int batches, double loss) {
                return true;
            }

            @Override
            public void onEpoch(EpochResult e) {
                seen.add(e);
            }
        };
        SgdResult res = SgdTraining.run(start, noise, null,
                settings(10, 200, 0.3, 1, 0.3, 2, 1, SgdSettings.Precision.DOUBLE), l);
        assertThat(res.stoppedEarly()).isTrue();
        assertThat(res.epochs()).hasSizeLessThan(200).isEqualTo(seen);
        assertThat(res.epochs()).hasSize(res.bestEpoch() + 2);
        double best = res.epochs().get(res.bestEpoch() - 1).validationLoss();
        for (EpochResult e : res.epochs()) {
            assertThat(e.validationLoss()).isGreaterThanOrEqualTo(best);
        }
        // the kept parameters are the best epoch's: training one epoch less than the stop gives them again
        SgdResult upToBest = SgdTraining.run(start, noise, null,
                settings(10, res.bestEpoch(), 0.3, 1, 0.3, 0, 1, SgdSettings.Precision.DOUBLE), EpochListener.NONE);
        assertThat(res.trained().params()).containsExactly(upToBest.trained().params());
    }

    /**
     * A float run's outputs for the confusion matrix are the trained network's as the float kernels compute them:
     * each image's outputs against the double network's at the kept parameters (an independent computation: float
     * rounding only), its predictions where the largest output leads clearly; after a whole last epoch on a test
     * set their accuracy is that epoch's test accuracy; with the best epoch's parameters kept (early stop) they are
     * those parameters'; without a test set they are the training images'. The double path leaves them to its
     * network (null), as does a diverged run.
     */
    @Test
    void a_float_runs_outputs_are_the_trained_networks_by_the_float_kernels() {
        Dataset train = stripes(400, 21);
        Dataset test = stripes(150, 22);
        Network start = Network.initialFanIn(new ParamLayout(24, 6, 3), train, Output.SOFTMAX, 5);
        SgdResult onTest = SgdTraining.run(start, train, test, settings(25, 3, 0.3, 3, 0, 0, 2, SgdSettings.Precision.FLOAT),
                EpochListener.NONE);
        Confusion c = Confusion.of(test, onTest.outputs());
        assertThat(c.size()).isEqualTo(test.size());
        assertThat(c.accuracy()).isEqualTo(onTest.epochs().get(2).testAccuracy());
        matchesTheDoubleNetwork(c, onTest.trained(), test);

        SgdResult onTrain = SgdTraining.run(start, train, null, settings(25, 2, 0.3, 3, 0, 0, 2, SgdSettings.Precision.FLOAT),
                EpochListener.NONE);
        matchesTheDoubleNetwork(Confusion.of(train, onTrain.outputs()), onTrain.trained(), train);

        // a rate this large makes later epochs worse: the kept parameters are an earlier epoch's
        SgdResult best = SgdTraining.run(start, train, test, settings(5, 12, 8.0, 3, 0.3, 0, 2, SgdSettings.Precision.FLOAT),
                EpochListener.NONE);
        assertThat(best.bestEpoch()).isLessThan(best.epochs().size());
        matchesTheDoubleNetwork(Confusion.of(test, best.outputs()), best.trained(), test);

        assertThat(SgdTraining.run(start, train, test, settings(25, 1, 0.3, 3, 0, 0, 2, SgdSettings.Precision.DOUBLE),
                EpochListener.NONE).outputs()).isNull();
    }

    private static void matchesTheDoubleNetwork(Confusion c, Network trained, Dataset d) {
        int decided = 0;
        for (int n = 0; n < d.size(); n++) {
            double[] z = trained.outputs(d.image(n));
            double[] got = c.outputs(n);
            for (int k = 0; k < z.length; k++) {
                assertThat(got[k]).as("image %d output %d", n, k).isCloseTo(z[k], org.assertj.core.data.Offset.offset(1e-5));
            }
            assertThat(c.actual(n)).isEqualTo(d.target(n));
            double[] sorted = z.clone();
            java.util.Arrays.sort(sorted);
            if (sorted[z.length - 1] - sorted[z.length - 2] > 1e-4) {
                assertThat(c.predicted(n)).as("image %d", n).isEqualTo(Network.argmax(z));
                decided++;
            }
        }
        assertThat(decided).isGreaterThan(d.size() / 2);
    }

    @Test
    void a_listener_can_cancel() {
        Dataset train = stripes(100, 3);
        Network start = Network.initialFanIn(new ParamLayout(24, 4, 3), train, Output.SOFTMAX, 1);
        SgdResult r = SgdTraining.run(start, train, null, settings(10, 3, 0.1, 1, 0, 0, 1, SgdSettings.Precision.FLOAT),
                (epoch, epochs, batch, batches, loss) -> batch < 4);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.epochs()).isEmpty();
    }

    @Test
    void bad_settings_are_rejected_with_the_option_named() {
        assertThat(error(() -> settings(0, 1, 0.1, 1, 0, 0, 1, SgdSettings.Precision.FLOAT))).isEqualTo("batch: the batch size must be 1 or more, got 0");
        assertThat(error(() -> settings(10, 0, 0.1, 1, 0, 0, 1, SgdSettings.Precision.FLOAT))).isEqualTo("epochs: epochs must be 1 or more, got 0");
        assertThat(error(() -> settings(10, 1, -1, 1, 0, 0, 1, SgdSettings.Precision.FLOAT))).startsWith("eta: ");
        assertThat(error(() -> settings(10, 1, 0.1, 1, 1.0, 0, 1, SgdSettings.Precision.FLOAT))).isEqualTo("validation: the validation share must be from 0 to below 1, got 1.0");
        assertThat(error(() -> settings(10, 1, 0.1, 1, 0, 0, 0, SgdSettings.Precision.FLOAT))).isEqualTo("threads: threads must be 1 or more, got 0");
    }

    static String error(Runnable r) {
        try {
            r.run();
        } catch (ShikumiException e) {
            return e.message(Locale.ENGLISH);
        }
        throw new AssertionError("expected a ShikumiException");
    }

    /** 24 pixels, 3 labels: label k lights mostly pixels p with p mod 3 = k. */
    static Dataset stripes(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] images = new double[n][24];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            targets[i] = r.nextInt(3);
            for (int p = 0; p < 24; p++) {
                boolean on = p % 3 == targets[i] ? r.nextInt(5) > 0 : r.nextInt(5) == 0;
                images[i][p] = on ? 0.5 + 0.5 * r.nextDouble() : 0.0;
            }
        }
        return new Dataset("stripes", List.of("a", "b", "c"), 4, 6, images, targets);
    }
}
