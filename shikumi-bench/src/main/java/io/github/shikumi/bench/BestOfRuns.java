package io.github.shikumi.bench;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.GradientDescent;

/**
 * The book's job (as {@link BookJob#train500_vector}) run back to back for 15 s in one JVM, printing the fastest
 * run and the median: the fastest run is the time when nothing else took the core. Not a JMH benchmark: a
 * complement to it on a shared machine.
 * {@code java --add-modules jdk.incubator.vector -cp shikumi-bench/target/benchmarks.jar io.github.shikumi.bench.BestOfRuns}
 */
public final class BestOfRuns {
    private BestOfRuns() {
    }

    public static void main(String[] args) {
        Dataset data = Datasets.bundled("aple");
        Network start = Network.initial(data, 1, 3);
        Backprop bp = new Backprop(start.layout(), data);
        double[] p0 = start.params();
        double[] p = new double[p0.length];
        double[] g = new double[p0.length];
        java.util.List<Long> times = new java.util.ArrayList<>();
        long end = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            System.arraycopy(p0, 0, p, 0, p.length);
            for (int k = 0; k < GradientDescent.BOOK_ITERATIONS; k++) {
                bp.gradient(p, g);
                for (int i = 0; i < p.length; i++) {
                    p[i] -= GradientDescent.BOOK_ETA * g[i]; // p ← p − η·∂E/∂p
                }
            }
            times.add(System.nanoTime() - t);
        }
        java.util.Collections.sort(times);
        System.out.printf("%s kernels, %d runs of 500 iterations: fastest %.3f ms, median %.3f ms%n", Backprop.kernels(),
                times.size(), times.get(0) / 1e6, times.get(times.size() / 2) / 1e6);
    }
}
