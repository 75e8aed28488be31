package io.github.shikumi.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.format.Idx;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.engine.FloatBackprop;
import io.github.shikumi.engine.FloatImages;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shikumi bench}: times the book's job (500 iterations of full-batch gradient descent of 20-3-4 on the
 * 128 aple images, double, through the library's {@link Training}) and one epoch of Fashion-MNIST
 * (784-128-10, sigmoid hidden layer, softmax + cross-entropy, batch 100, float, momentum 0.9, η = 0.1), and
 * prints the medians. Warm-up runs come first and are not counted (the JIT compiles the hot loops during
 * them). The launcher gives this command the Vector API. JMH benchmarks with the same jobs are in
 * shikumi-bench.
 */
@Command(name = "bench", mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", descriptionKey = "runs")
    int runs;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "/usr/share/datasets/fashion-mnist", descriptionKey = "fashionDir")
    Path dir;

    @Mixin
    CommonOptions.BatchThreads threads;

    @Mixin
    CommonOptions.JsonOutput json;

    @Override
    public Integer call() {
        Text t = Text.of(Locale.getDefault());
        boolean fashion = Files.isRegularFile(dir.resolve("train-images-idx3-ubyte.gz"))
                || Files.isRegularFile(dir.resolve("train-images-idx3-ubyte"));
        OptionRules.of(spec, t)
                .value("--runs", runs >= 1, "usage.atLeastOne")
                .value("--threads", threads.value == null || threads.value >= 1, "usage.atLeastOne")
                .needs("--threads", fashion, "usage.benchThreads", dir.toString()); // only the epoch is split over threads
        PrintWriter w = spec.commandLine().getOut();
        FloatBackprop.warmUp();
        Dataset aple;
        boolean bundled = true;
        try {
            aple = Datasets.bundled("aple");
        } catch (IllegalStateException e) {
            aple = random128();
            bundled = false;
        }
        Network start = Network.initial(aple, 1, 3);
        // warm-up: at least 50 runs and 4 seconds, time for the JIT to compile the kernels (the Vector API's
        // take seconds), then the measured runs
        long warmEnd = System.nanoTime() + 4_000_000_000L;
        int warmBook = 0;
        while (warmBook < 50 || System.nanoTime() < warmEnd) {
            Training.gradientDescent(start, aple, GradientDescent.BOOK_ETA, GradientDescent.BOOK_ITERATIONS, TrainingListener.NONE);
            warmBook++;
        }
        double[] book = new double[Math.max(runs, 10)];
        for (int r = 0; r < book.length; r++) {
            long s = System.nanoTime();
            Training.gradientDescent(start, aple, GradientDescent.BOOK_ETA, GradientDescent.BOOK_ITERATIONS, TrainingListener.NONE);
            book[r] = (System.nanoTime() - s) / 1e6;
        }
        double bookMedian = median(book);

        double[] epoch = new double[runs];
        double accuracy = Double.NaN;
        int n = 0;
        int th = threads.value != null ? threads.value : Runtime.getRuntime().availableProcessors();
        String kernels = FloatBackprop.kernels();
        if (fashion) {
            Idx.Split split = Idx.open(Idx.PREFIX + dir);
            FloatImages train = FloatImages.of(split.train());
            FloatImages test = FloatImages.of(split.test());
            n = train.size();
            Network net = Network.initialFanIn(new ParamLayout(784, 128, 10), split.train(), Output.SOFTMAX, 1);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            SplittableRandom random = new SplittableRandom(1);
            try (FloatBackprop fb = new FloatBackprop(net, 1000, th, new io.github.shikumi.update.MomentumUpdate(0.1, 0.9))) {
                // warm-up: until the Vector API kernels are compiled (at most a few epochs), then one more epoch
                for (int warm = 0; warm < 4 && !fb.kernelsNow().equals(FloatBackprop.kernels()); warm++) {
                    oneEpoch(fb, train, order, random);
                }
                oneEpoch(fb, train, order, random);
                for (int r = 0; r < runs; r++) {
                    epoch[r] = oneEpoch(fb, train, order, random);
                }
                fb.evaluate(test, null, 0, test.size());
                accuracy = fb.correct() / (double) test.size();
                kernels = fb.kernelsNow();
            }
        }
        if (json.on) {
            ObjectNode root = Json.object();
            root.put("runs", runs);
            root.put("bookWarmUpRuns", warmBook);
            root.put("doubleKernels", Backprop.kernels());
            root.put("floatKernels", kernels);
            root.put("floatTile", FloatBackprop.kernelsDescription());
            ObjectNode b = root.putObject("bookJob");
            b.put("data", bundled ? "aple" : "random");
            b.put("medianMillis", bookMedian);
            b.set("millis", Json.numbers(book));
            if (fashion) {
                ObjectNode e = root.putObject("fashionEpoch");
                e.put("threads", th);
                e.put("images", n);
                e.put("medianSeconds", median(epoch));
                e.set("seconds", Json.numbers(epoch));
                e.put("testAccuracy", accuracy);
            }
            w.println(Json.text(root));
            return 0;
        }
        w.println(t.get("bench.title", book.length, warmBook, Backprop.kernels() + "/" + kernels, runs));
        w.println(t.get("bench.tile", FloatBackprop.kernelsDescription()));
        w.println(t.get("bench.book", bundled ? "aple" : "random", Fmt.fixed(bookMedian, 3)));
        if (!bundled) {
            w.println(t.get("bench.bookMissing"));
        }
        if (fashion) {
            w.println(t.get("bench.epoch", "Fashion-MNIST", "784-128-10 softmax", 100, n, "float", th,
                    Fmt.fixed(median(epoch), 3), Fmt.percent(accuracy)));
        } else {
            w.println(t.get("bench.noData", dir.toString()));
        }
        return 0;
    }

    /** One epoch: a new order, then steps of 100 images (η = 0.1, μ = 0.9); returns its seconds. */
    static double oneEpoch(FloatBackprop fb, FloatImages train, int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        long s = System.nanoTime();
        for (int b = 0; b < order.length; b += 100) {
            fb.step(train, order, b, Math.min(100, order.length - b)); // η = 0.1, μ = 0.9
        }
        return (System.nanoTime() - s) / 1e9;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** 128 seeded random black/white 5×4 images, 32 per label A, P, L, E (when aple is not bundled yet). */
    static Dataset random128() {
        SplittableRandom r = new SplittableRandom(42);
        double[][] images = new double[128][20];
        int[] targets = new int[128];
        for (int i = 0; i < 128; i++) {
            for (int p = 0; p < 20; p++) {
                images[i][p] = r.nextBoolean() ? 1.0 : 0.0;
            }
            targets[i] = i % 4;
        }
        return new Dataset("random", List.of("A", "P", "L", "E"), 5, 4, images, targets);
    }
}
