package io.github.shikumi.bench;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import java.util.List;
import java.util.SplittableRandom;

/** The data the benchmarks run on. */
final class BenchData {
    private BenchData() {
    }

    /**
     * The book's 128 images: the bundled {@code aple} set, or {@code random}: 128 seeded random black/white
     * 5×4 images, 32 per label A, P, L, E (the same size and shape, so the same amount of work).
     */
    static Dataset book(String name) {
        if ("random".equals(name)) {
            return random(128, 5, 4, List.of("A", "P", "L", "E"), 42);
        }
        return Datasets.bundled(name);
    }

    static Dataset random(int n, int height, int width, List<String> labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] images = new double[n][height * width];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < height * width; p++) {
                images[i][p] = r.nextBoolean() ? 1.0 : 0.0;
            }
            targets[i] = i % labels.size();
        }
        return new Dataset("random", labels, height, width, images, targets);
    }
}
