package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Idx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one large image dataset the server offers: Debian's Fashion-MNIST (package dataset-fashion-mnist) at
 * a fixed path. The page never names a path; the server only looks here. The IDX files are read once, on
 * first use, and shared read-only by every session (60,000 + 10,000 images of 28×28 grey levels).
 */
final class FashionMnist {
    static final String NAME = "fashion-mnist";
    static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** The server's instance: one per process, so the data are loaded at most once. */
    static final FashionMnist SHARED = new FashionMnist(DEBIAN_DIR);
    static final int TRAIN_SIZE = 60_000;
    static final int TEST_SIZE = 10_000;
    private static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    private final Path dir;
    private volatile Loaded loaded;

    /** The training and test sets, and for each the indices of the images of each label in file order. */
    record Loaded(Dataset train, Dataset test, List<int[]> trainByLabel, List<int[]> testByLabel) {
        Dataset set(boolean test) {
            return test ? this.test : train;
        }

        List<int[]> byLabel(boolean test) {
            return test ? testByLabel : trainByLabel;
        }
    }

    FashionMnist(Path dir) {
        this.dir = dir;
    }

    /** True when the four IDX files (plain or .gz) are there. */
    boolean available() {
        for (String f : FILES) {
            if (!Files.isRegularFile(dir.resolve(f)) && !Files.isRegularFile(dir.resolve(f + ".gz"))) {
                return false;
            }
        }
        return true;
    }

    /** The data, read on first call (a few seconds), then shared. */
    Loaded data() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    if (!available()) {
                        throw new ApiException(404, WebMsg.IMAGES_UNAVAILABLE, NAME);
                    }
                    Idx.Split split = Idx.open(dir.toString());
                    l = new Loaded(split.train(), split.test(), byLabel(split.train()), byLabel(split.test()));
                    loaded = l;
                }
            }
        }
        return l;
    }

    private static List<int[]> byLabel(Dataset d) {
        int[] counts = d.countsPerLabel();
        List<int[]> out = new ArrayList<>();
        int[] fill = new int[counts.length];
        for (int count : counts) {
            out.add(new int[count]);
        }
        for (int n = 0; n < d.size(); n++) {
            int k = d.target(n);
            out.get(k)[fill[k]++] = n;
        }
        return out;
    }
}
