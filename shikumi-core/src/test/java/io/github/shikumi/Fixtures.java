package io.github.shikumi;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.BitmapText;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.ShikumiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Test fixtures shared with the other modules through shikumi-core's test-jar
 * ({@code <type>test-jar</type>}): small datasets, seeded random networks, and E and its numerical
 * gradient computed the plain way from {@link Network#outputs}, independently of {@code Backprop}.
 */
public final class Fixtures {
    private Fixtures() {
    }

    /** Lines joined with "\n", with a final "\n": for bitmap text, CSV and JSON written in tests. */
    public static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** A dataset from bitmap text. */
    public static Dataset bitmap(String name, String text) {
        return BitmapText.parse(name, text);
    }

    /**
     * The two 1×2 images of the hand-derived example (HandDerivedNetworkTest): image 1 is {@code #.}
     * (x = (1, 0)) labelled A, image 2 is {@code ##} (x = (1, 1)) labelled B.
     */
    public static Dataset tinyData() {
        return bitmap("tiny.txt", lines("A", "#.", "", "B", "##"));
    }

    /**
     * The hand-derived 2-2-2 network (HandDerivedNetworkTest, and the golden file golden-2-2-2.json):
     * wH = [[0.5, −0.25], [−0.5, 0.75]], θH = [0.25, −0.5], wO = [[1.0, −0.75], [−0.5, 0.25]],
     * θO = [0.5, −0.25], labels A B, input shape 1×2. E on {@link #tinyData()} is 0.47896401132990494.
     */
    public static Network tinyNetwork() {
        double[] p = {
            0.5, -0.25, -0.5, 0.75, // wH[1][1], wH[1][2], wH[2][1], wH[2][2]
            0.25, -0.5, // θH[1], θH[2]
            1.0, -0.75, -0.5, 0.25, // wO[1][1], wO[1][2], wO[2][1], wO[2][2]
            0.5, -0.25, // θO[1], θO[2]
        };
        return new Network(new ParamLayout(2, 2, 2), List.of("A", "B"), 1, 2, p);
    }

    /** Four 5×4 images, one each of A, P, L, E: the book's shape without the bundled data. */
    public static Dataset aple4() {
        return bitmap("aple4.txt", lines(
                "# labels: A P L E",
                "A", ".##.", "#..#", "####", "#..#", "#..#", "",
                "P", "###.", "#..#", "###.", "#...", "#...", "",
                "L", "#...", "#...", "#...", "#...", "####", "",
                "E", "####", "#...", "###.", "#...", "####"));
    }

    /** Labels "c1" … "cK". */
    public static List<String> labels(int count) {
        List<String> labels = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            labels.add("c" + k);
        }
        return labels;
    }

    /**
     * {@code images} random black/white images of {@code height × width} with labels c1 … cK; image n has
     * label n mod K, so every label occurs when images ≥ K.
     */
    public static Dataset randomData(long seed, int height, int width, int labelCount, int images) {
        return random(seed, height, width, labelCount, images, false);
    }

    /** Like {@link #randomData} with grey pixels uniform in [0, 1). */
    public static Dataset randomGreyData(long seed, int height, int width, int labelCount, int images) {
        return random(seed, height, width, labelCount, images, true);
    }

    private static Dataset random(long seed, int height, int width, int labelCount, int images, boolean grey) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[images][height * width];
        int[] t = new int[images];
        for (int n = 0; n < images; n++) {
            for (int i = 0; i < x[n].length; i++) {
                x[n][i] = grey ? random.nextDouble() : random.nextInt(2);
            }
            t[n] = n % labelCount;
        }
        return new Dataset("random-" + seed, labels(labelCount), height, width, x, t);
    }

    /** A network for {@code data} with the given hidden layers, every parameter uniform in [−1, 1) from {@code seed}. */
    public static Network randomNetwork(long seed, Dataset data, int... hidden) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = data.pixels();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = data.labels().size();
        return randomNetwork(seed, new ParamLayout(sizes), data.labels(), data.height(), data.width());
    }

    /** A network of the given layout, every parameter uniform in [−1, 1) from {@code seed}. */
    public static Network randomNetwork(long seed, ParamLayout layout, List<String> labels, int height, int width) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[layout.count()];
        for (int k = 0; k < p.length; k++) {
            p[k] = random.nextDouble(-1.0, 1.0);
        }
        return new Network(layout, labels, height, width, p);
    }

    /** Image n's one-hot target t. */
    public static double[] target(Dataset data, int n) {
        double[] t = new double[data.labels().size()];
        t[data.target(n)] = 1.0;
        return t;
    }

    /** E = Σ_images ½ Σ_k (t_k − z_k)², from {@link Network#outputs} (no backpropagation code involved). */
    public static double error(Network net, Dataset data) {
        double e = 0;
        for (int n = 0; n < data.size(); n++) {
            double[] z = net.outputs(data.image(n));
            double[] t = target(data, n);
            for (int k = 0; k < z.length; k++) {
                e += 0.5 * (t[k] - z[k]) * (t[k] - z[k]);
            }
        }
        return e;
    }

    /** ∂E/∂p for every parameter by central differences, (E(p + h) − E(p − h)) / 2h, using {@link #error}. */
    public static double[] centralDifferences(Network net, Dataset data, double h) {
        double[] p = net.params();
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            double up = saved + h;
            double down = saved - h;
            p[i] = up;
            double plus = error(net.withParams(p), data);
            p[i] = down;
            double minus = error(net.withParams(p), data);
            p[i] = saved;
            g[i] = (plus - minus) / (up - down); // the step actually taken, free of the rounding in p ± h
        }
        return g;
    }

    /** Code that should reject bad input. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action}, which must throw a {@link ShikumiException}, and returns its English message
     * ({@code where: text}); fails when nothing or something else is thrown, or the message is not one line.
     */
    public static String englishMessage(Action action) {
        try {
            action.run();
        } catch (ShikumiException e) {
            String m = e.message(Locale.ENGLISH);
            if (m.contains("\n") || m.contains("\r")) {
                throw new AssertionError("message is not one line: " + m);
            }
            return m;
        } catch (Exception e) {
            throw new AssertionError("expected a ShikumiException, got " + e, e);
        }
        throw new AssertionError("expected a ShikumiException, but nothing was thrown");
    }

    /** Like {@link #englishMessage}, in Japanese. */
    public static String japaneseMessage(Action action) {
        try {
            action.run();
        } catch (ShikumiException e) {
            return e.message(Locale.JAPANESE);
        } catch (Exception e) {
            throw new AssertionError("expected a ShikumiException, got " + e, e);
        }
        throw new AssertionError("expected a ShikumiException, but nothing was thrown");
    }
}
