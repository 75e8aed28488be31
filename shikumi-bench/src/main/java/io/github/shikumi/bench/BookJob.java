package io.github.shikumi.bench;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The book's job (issue 2): 500 iterations of full-batch gradient descent (η = 0.05) of the 20-3-4 sigmoid
 * network on 128 images of 5×4 pixels, in double, on one thread; and one evaluation of E and ∂E.
 *
 * <p>Each benchmark runs twice: {@code vector} forks the JVM with {@code --add-modules jdk.incubator.vector}
 * (core then uses its Vector API kernels), {@code plain} without it (core's plain-Java kernels).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class BookJob {
    /** "aple" (the bundled set) or "random" (128 random 5×4 black/white images, 4 labels). */
    @Param({"aple"})
    public String data;

    private Backprop backprop;
    private Network start;
    private Dataset dataset;
    private double[] startParams;
    private double[] params;
    private double[] grad;

    @Setup
    public void setUp() {
        dataset = BenchData.book(data);
        start = Network.initial(dataset, 1, 3);
        ParamLayout layout = start.layout();
        backprop = new Backprop(layout, dataset);
        startParams = start.params();
        params = new double[layout.count()];
        grad = new double[layout.count()];
    }

    /** 500 iterations of p ← p − η·∂E/∂p over the whole batch: the loop itself. Returns the last E. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
    public double train500_vector() {
        return train500();
    }

    @Benchmark
    @Fork(1)
    public double train500_plain() {
        return train500();
    }

    /** The same job through the library's public run loop (records E and accuracy per iteration). */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
    public History training500_vector() {
        return Training.gradientDescent(start, dataset, GradientDescent.BOOK_ETA, GradientDescent.BOOK_ITERATIONS,
                TrainingListener.NONE);
    }

    @Benchmark
    @Fork(1)
    public History training500_plain() {
        return Training.gradientDescent(start, dataset, GradientDescent.BOOK_ETA, GradientDescent.BOOK_ITERATIONS,
                TrainingListener.NONE);
    }

    /** One evaluation of E and ∂E (all 79 partial derivatives) over the 128 images. */
    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
    public double gradient_vector() {
        return backprop.gradient(startParams, grad);
    }

    @Benchmark
    @Fork(1)
    public double gradient_plain() {
        return backprop.gradient(startParams, grad);
    }

    private double train500() {
        double[] p = params;
        System.arraycopy(startParams, 0, p, 0, p.length);
        double e = 0;
        for (int k = 0; k < GradientDescent.BOOK_ITERATIONS; k++) {
            e = backprop.gradient(p, grad);
            for (int i = 0; i < p.length; i++) {
                p[i] -= GradientDescent.BOOK_ETA * grad[i]; // p ← p − η·∂E/∂p
            }
        }
        return e;
    }
}
