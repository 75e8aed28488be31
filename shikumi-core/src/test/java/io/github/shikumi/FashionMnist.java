package io.github.shikumi;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Idx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Fashion-MNIST from Debian's package {@code dataset-fashion-mnist} (installed by {@code .ci/run}), for the
 * tests on real images; a test that needs it is skipped, with a message saying why, when it is absent.
 */
public final class FashionMnist {
    public static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");
    private static Idx.Split split;

    private FashionMnist() {
    }

    /** Skips the calling test, visibly, when the data are not installed. */
    public static void assume() {
        boolean present = Files.isRegularFile(DIR.resolve("train-images-idx3-ubyte.gz"));
        if (!present) {
            System.err.println("SKIPPED: Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        }
        Assumptions.assumeTrue(present, "Fashion-MNIST is not installed in " + DIR
                + " (apt-get install dataset-fashion-mnist)");
    }

    /** The whole set (loaded once per test JVM). */
    public static synchronized Idx.Split split() {
        assume();
        if (split == null) {
            split = Idx.open(Idx.PREFIX + DIR);
        }
        return split;
    }

    /** The first {@code n} training images. */
    public static Dataset firstTrain(int n) {
        return first(split().train(), n);
    }

    /** The first {@code n} test images. */
    public static Dataset firstTest(int n) {
        return first(split().test(), n);
    }

    static Dataset first(Dataset d, int n) {
        double[][] images = new double[n][];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            images[i] = d.image(i);
            targets[i] = d.target(i);
        }
        return new Dataset(d.name() + "[0.." + n + ")", d.labels(), d.height(), d.width(), images, targets);
    }

    /** Labels "0" … "9". */
    public static List<String> digits() {
        return Arrays.asList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    }
}
