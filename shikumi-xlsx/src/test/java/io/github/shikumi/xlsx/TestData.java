package io.github.shikumi.xlsx;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Datasets for the tests: the bundled ones, and larger sets made here (letters as 5×4 bitmaps, a clean
 * form with a few pixels flipped, seeded, all distinct).
 */
final class TestData {
    /** Clean forms of A, P, L, E (5×4). */
    static final String[][] APLE = {
            {".##.", "#..#", "####", "#..#", "#..#"},
            {"###.", "#..#", "###.", "#...", "#..."},
            {"#...", "#...", "#...", "#...", "####"},
            {"####", "#...", "###.", "#...", "####"}};

    private TestData() {
    }

    /** The book's 128 images (32 each of A, P, L, E), 5×4: the bundled set. */
    static Dataset aple() {
        return Datasets.bundled("aple");
    }

    /** The bundled digits 0 and 1, 4×3. */
    static Dataset zeroOne() {
        return Datasets.bundled("zero-one");
    }

    /** {@code perLabel} distinct images of each label: the clean form, then forms with up to {@code flips} pixels flipped. */
    static Dataset make(String name, List<String> labels, String[][] forms, int perLabel, int flips, long seed) {
        int h = forms[0].length;
        int w = forms[0][0].length();
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> images = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < labels.size(); k++) {
            double[] clean = new double[h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    clean[y * w + x] = forms[k][y].charAt(x) == '#' ? 1 : 0;
                }
            }
            int made = 0;
            for (int tries = 0; made < perLabel; tries++) {
                if (tries > 100 * perLabel) {
                    throw new IllegalArgumentException("cannot make " + perLabel + " distinct images of " + labels.get(k));
                }
                double[] img = clean.clone();
                int n = made == 0 ? 0 : 1 + random.nextInt(flips);
                for (int f = 0; f < n; f++) {
                    int i = random.nextInt(h * w);
                    img[i] = 1 - img[i];
                }
                if (seen.add(java.util.Arrays.toString(img))) {
                    images.add(img);
                    targets.add(k);
                    made++;
                }
            }
        }
        int[] t = targets.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(name, labels, h, w, images.toArray(new double[0][]), t);
    }

    /** The first {@code n} images of {@code data}. */
    static Dataset first(Dataset data, int n) {
        double[][] images = new double[n][];
        int[] targets = new int[n];
        for (int i = 0; i < n; i++) {
            images[i] = data.image(i);
            targets[i] = data.target(i);
        }
        return new Dataset(data.name(), data.labels(), data.height(), data.width(), images, targets);
    }

    /** {@code data} with pixel {@code i} of image {@code n} set to {@code value}. */
    static Dataset withPixel(Dataset data, int n, int i, double value) {
        double[][] images = new double[data.size()][];
        int[] targets = new int[data.size()];
        for (int m = 0; m < data.size(); m++) {
            images[m] = data.image(m);
            targets[m] = data.target(m);
        }
        images[n][i] = value;
        return new Dataset(data.name(), data.labels(), data.height(), data.width(), images, targets);
    }
}
