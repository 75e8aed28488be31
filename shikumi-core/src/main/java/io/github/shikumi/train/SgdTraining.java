package io.github.shikumi.train;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.engine.FloatBackprop;
import io.github.shikumi.engine.FloatImages;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mini-batch stochastic gradient descent (by the settings' {@link io.github.shikumi.update.UpdateRule}, momentum by
 * default), for data too large for the book's full-batch
 * gradient descent: each epoch visits the training images in a new order (drawn from the seed), a step per
 * batch; after each epoch the network is evaluated on the held-out validation images and on the test set.
 * With a validation share and a patience the run stops early when the validation loss has not fallen for
 * that many epochs, and the parameters of the best epoch are kept. The same settings and data give the
 * same run. A run stops at the first step whose loss, or whose update of the parameters, is NaN or infinite
 * ({@link SgdResult#divergedEpoch()}). The double path ({@link Backprop}) is the reference; the float path ({@link FloatBackprop}) is
 * the fast one.
 */
public final class SgdTraining {
    private static final int EVAL_BLOCK = 1000;
    /**
     * The longest wait for the warm-up before the first step; a JVM whose Vector API code is never ready trains
     * on the plain kernels after it.
     */
    private static final long WARM_UP_WAIT_MILLIS = 3000;

    private SgdTraining() {
    }

    /**
     * Runs mini-batch training: {@code s.epochs()} epochs of steps by {@code s.rule()}, each step on the mean
     * gradient ∂E/∂p of one batch of images.
     *
     * @param start    the initial network (it must fit the data)
     * @param train    the training images (a validation share of them is held out when asked for)
     * @param test     the test images, or null
     * @param s        the batch size, epochs, update rule, seed, validation share, patience, threads and precision
     * @param listener told after every step and every epoch; may cancel the run
     * @return the trained network, every epoch's evaluation, and how the run ended
     * @throws io.github.shikumi.text.ShikumiException naming {@code model} when {@code start} does not fit
     *         {@code train} or {@code test}
     */
    public static SgdResult run(Network start, Dataset train, Dataset test, SgdSettings s, EpochListener listener) {
        if (s.precision() == SgdSettings.Precision.FLOAT) {
            FloatBackprop.warmUp(start, s.rule(), s.batch());
        }
        start.checkFits(train, "model");
        if (test != null) {
            start.checkFits(test, "model");
        }
        SplittableRandom random = new SplittableRandom(s.seed());
        int[][] split = split(train.size(), s.validation(), random);
        int[] validation = split[0];
        int[] order = split[1];
        int held = validation.length;
        Engine engine = s.precision() == SgdSettings.Precision.FLOAT
                ? new FloatEngine(start, train, test, s) : new DoubleEngine(start, train, test, s);
        try {
            long warmStart = System.nanoTime();
            if (s.precision() == SgdSettings.Precision.FLOAT) {
                // the first batch runs on compiled code (the JIT has compiled the warm-up's steps of this shape);
                // meanwhile this thread hashes the data for the trained model's provenance (the hash is kept)
                train.contentHash();
                FloatBackprop.awaitWarm(WARM_UP_WAIT_MILLIS);
            }
            double warmUpSeconds = (System.nanoTime() - warmStart) / 1e9;
            List<EpochResult> epochs = new ArrayList<>();
            double[] best = start.params();
            double bestLoss = Double.POSITIVE_INFINITY;
            int bestEpoch = 0;
            boolean stoppedEarly = false;
            boolean cancelled = false;
            int batches = (order.length + s.batch() - 1) / s.batch();
            int[] diverged = {Divergence.NONE, Divergence.NONE}; // epoch, batch
            for (int epoch = 1; epoch <= s.epochs() && !cancelled && diverged[0] == Divergence.NONE; epoch++) {
                shuffle(order, random);
                double loss = 0;
                long correct = 0;
                long begin = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    int from = b * s.batch();
                    int count = Math.min(s.batch(), order.length - from);
                    double e = engine.step(order, from, count); // the rule's step, e.g. v ← μ·v − η·g, p ← p + v
                    if (!Double.isFinite(e)) {
                        diverged[0] = epoch;
                        diverged[1] = b + 1;
                        break; // no accuracy from NaN outputs, no further step from NaN parameters
                    }
                    loss += e;
                    correct += engine.correct();
                    if (!listener.onBatch(epoch, s.epochs(), b + 1, batches, loss / (from + count))) {
                        cancelled = true;
                        break;
                    }
                }
                double seconds = (System.nanoTime() - begin) / 1e9;
                if (diverged[0] == Divergence.NONE && Divergence.at(0, engine.params())) {
                    diverged[0] = epoch; // the epoch's last step made the parameters NaN or infinite
                    diverged[1] = batches;
                }
                if (cancelled || diverged[0] != Divergence.NONE) {
                    break;
                }
                double[] val = held > 0 ? engine.evaluate(false, validation) : new double[] {Double.NaN, Double.NaN};
                double[] tst = test != null ? engine.evaluate(true, null) : new double[] {Double.NaN, Double.NaN};
                EpochResult r = new EpochResult(epoch, seconds, loss / order.length, correct / (double) order.length,
                        val[0], val[1], tst[0], tst[1]);
                epochs.add(r);
                listener.onEpoch(r);
                if (held == 0) {
                    bestEpoch = epoch;
                    continue;
                }
                if (val[0] < bestLoss) {
                    bestLoss = val[0];
                    bestEpoch = epoch;
                    best = engine.params();
                } else if (s.patience() > 0 && epoch - bestEpoch >= s.patience()) {
                    stoppedEarly = true;
                    break;
                }
            }
            double[] params = held > 0 ? best : engine.params();
            Map<String, Object> settings = new LinkedHashMap<>(s.rule().settings());
            settings.put("batch", s.batch());
            settings.put("shuffleSeed", s.seed());
            if (held > 0) {
                settings.put("validation", s.validation());
                settings.put("patience", s.patience());
            }
            settings.put("precision", s.precision().name().toLowerCase(java.util.Locale.ROOT));
            Network trained = start.withParams(params).withProvenance(
                    Provenance.trained(start, train, "sgd-" + s.rule().name(), settings, "epochs", epochs.size()));
            // the test set's (else the training set's) predictions, by the engine that trained: after a whole last
            // epoch whose parameters are kept, those of its test evaluation
            boolean lastEvaluated = !cancelled && !epochs.isEmpty() && (held == 0 || bestEpoch == epochs.size());
            float[] outputs = diverged[0] != Divergence.NONE ? null
                    : engine.outputs(trained, test != null, lastEvaluated && test != null);
            return new SgdResult(trained, List.copyOf(epochs), bestEpoch, stoppedEarly, cancelled, engine.kernels(),
                    diverged[0], diverged[1], warmUpSeconds, outputs);
        } finally {
            engine.close();
        }
    }

    /** Fisher–Yates with the run's generator. */
    /**
     * The run's split of {@code n} images: {validation, training}. The validation images are the first share of a
     * shuffle of all images (at least one image stays for training); the training images, where the epochs' shuffles
     * start from, are the others by index: what sorting them would give, without a sort (the JIT compiled one for
     * 0.2 s of a core while the run waited for its warm-up).
     */
    static int[][] split(int n, double share, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        shuffle(all, random);
        int held = Math.min((int) Math.round(n * share), n - 1);
        int[] validation = java.util.Arrays.copyOfRange(all, 0, held);
        boolean[] heldOut = new boolean[n];
        for (int v : validation) {
            heldOut[v] = true;
        }
        int[] order = new int[n - held];
        for (int i = 0, k = 0; i < n; i++) {
            if (!heldOut[i]) {
                order[k++] = i;
            }
        }
        return new int[][] {validation, order};
    }

    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** One precision's steps and evaluations. */
    private interface Engine extends AutoCloseable {
        /** One step on images order[from … from+count); returns e summed over them. */
        double step(int[] order, int from, int count);

        /** Images the last step classified correctly. */
        int correct();

        /** {mean e, accuracy} on the test set or on the given training images. */
        double[] evaluate(boolean test, int[] index);

        /**
         * The outputs of {@code trained} (this engine's parameters or the best epoch's) on the test set or on all
         * training images, K per image, or null when the network's own outputs are this engine's (the double
         * path); {@code evaluated}: those of the last test evaluation, which was at these parameters.
         */
        float[] outputs(Network trained, boolean onTest, boolean evaluated);

        double[] params();

        String kernels();

        @Override
        void close();
    }

    private static final class FloatEngine implements Engine {
        private final FloatBackprop fb;
        private final FloatImages train;
        private final FloatImages test;
        /** The outputs of the last test evaluation, image by image (the final confusion matrix's, at the end). */
        private final float[] testOutputs;
        private final SgdSettings s;

        FloatEngine(Network start, Dataset train, Dataset test, SgdSettings s) {
            this.fb = new FloatBackprop(start, Math.max(s.batch(), EVAL_BLOCK), s.threads(), s.rule());
            this.train = FloatImages.of(train);
            this.test = test == null ? null : FloatImages.of(test);
            this.testOutputs = test == null ? null : new float[test.size() * test.labels().size()];
            this.s = s;
        }

        @Override
        public double step(int[] order, int from, int count) {
            return fb.step(train, order, from, count);
        }

        @Override
        public int correct() {
            return fb.correct();
        }

        @Override
        public double[] evaluate(boolean onTest, int[] index) {
            FloatImages d = onTest ? test : train;
            int n = onTest ? test.size() : index.length;
            double e = fb.evaluate(d, onTest ? null : index, 0, n, onTest ? testOutputs : null);
            return new double[] {e / n, fb.correct() / (double) n};
        }

        @Override
        public float[] outputs(Network trained, boolean onTest, boolean evaluated) {
            if (onTest && evaluated) {
                return testOutputs;
            }
            FloatImages shown = onTest ? test : train;
            float[] out = new float[shown.size() * trained.layout().outputs()];
            fb.setParams(trained.params());
            fb.evaluate(shown, null, 0, shown.size(), out);
            return out;
        }

        @Override
        public double[] params() {
            return fb.params();
        }

        @Override
        public String kernels() {
            return fb.kernelsNow();
        }

        @Override
        public void close() {
            fb.close();
        }
    }

    private static final class DoubleEngine implements Engine {
        private final Backprop bp;
        private final Backprop eval;
        private final Dataset train;
        private final Dataset test;
        private final SgdSettings s;
        private final double[] p;
        private final double[] g;
        private final io.github.shikumi.update.UpdateState state;

        DoubleEngine(Network start, Dataset train, Dataset test, SgdSettings s) {
            this.bp = Backprop.forBatches(start, s.batch());
            this.eval = Backprop.forBatches(start, EVAL_BLOCK);
            this.train = train;
            this.test = test;
            this.s = s;
            this.p = start.params();
            this.g = new double[p.length];
            this.state = io.github.shikumi.update.UpdateState.fresh(s.rule(), p.length);
        }

        @Override
        public double step(int[] order, int from, int count) {
            bp.load(train, order, from, count);
            double e = bp.gradient(p, g);
            state.step(s.rule(), p, g, count); // e.g. v ← μ·v − η·g, p ← p + v (g: the batch's mean gradient)
            return e;
        }

        @Override
        public int correct() {
            return bp.correct();
        }

        @Override
        public double[] evaluate(boolean onTest, int[] index) {
            Dataset d = onTest ? test : train;
            int n = onTest ? test.size() : index.length;
            double e = 0;
            long c = 0;
            for (int from = 0; from < n; from += EVAL_BLOCK) {
                int count = Math.min(EVAL_BLOCK, n - from);
                eval.load(d, onTest ? null : index, from, count);
                e += eval.value(p);
                c += eval.correct();
            }
            return new double[] {e / n, c / (double) n};
        }

        @Override
        public float[] outputs(Network trained, boolean onTest, boolean evaluated) {
            return null; // the double network's own outputs are this engine's sums
        }

        @Override
        public double[] params() {
            return p.clone();
        }

        @Override
        public String kernels() {
            return "double";
        }

        @Override
        public void close() {
        }
    }
}
