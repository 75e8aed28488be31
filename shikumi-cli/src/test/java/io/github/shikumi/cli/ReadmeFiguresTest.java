package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.optim.Comparison;
import io.github.shikumi.optim.Optimizers;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures in the README's prose (outside the console blocks, which {@link ReadmeCommandsTest} runs) are
 * computed here from the current code and must appear in the README, in the English and in the Japanese
 * text, exactly as formatted here (apart from line breaks and spaces). When a change of the code moves a figure, this test names the sentence
 * to update.
 */
class ReadmeFiguresTest {
    private static String readme;
    private static Dataset aple;

    @BeforeAll
    static void read() throws Exception {
        readme = Files.readString(Path.of("..", "README.md"));
        aple = Datasets.bundled("aple");
    }

    /** The README contains {@code text}; line breaks and spaces are not compared (the text is wrapped). */
    private static void says(String text) {
        boolean found = readme.replaceAll("\\s+", "").contains(text.replaceAll("\\s+", ""));
        assertThat(found).as("README should say: " + text).isTrue();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Seeds 1…100 whose network, started from U[−a, a), has 100 % training accuracy after the book's run. */
    private static int seedsTrained(double a) {
        int n = 0;
        for (long seed = 1; seed <= 100; seed++) {
            Network start = Network.initial(aple, seed, 3);
            SplittableRandom r = new SplittableRandom(seed);
            double[] p = new double[start.layout().count()];
            for (int i = 0; i < p.length; i++) {
                p[i] = r.nextDouble(-a, a);
            }
            History h = Training.gradientDescent(start.withParams(p), aple, GradientDescent.BOOK_ETA,
                    GradientDescent.BOOK_ITERATIONS, TrainingListener.NONE);
            n += h.accuracyCurve()[h.iterations()] == 1.0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void initial_value_ranges() {
        int half = seedsTrained(0.5);
        int one = seedsTrained(1);
        int two = seedsTrained(2);
        says(f("%d of the seeds 1…100 train `aple` to 100 %%", half));
        says(f("with [−1, 1) it was %d, with [−2, 2) only %d", one, two));
        says(f("種 1…100 の %d 個%sが `aple` を 100 %% 学習します", half, half == 100 ? "すべて" : ""));
    }

    private static List<Comparison.Entry> compare(Network start, double eta) {
        return Comparison.run(start, aple, Optimizers.byNames(Optimizers.DEFAULT, eta), 500, Comparison.Listener.NONE);
    }

    private static String percent(double share) {
        return f("%.1f %%", 100 * share);
    }

    @Test
    void the_four_optimisers_from_seed_1() {
        List<Comparison.Entry> c = compare(Network.initial(aple, 1, 3), GradientDescent.BOOK_ETA);
        Comparison.Entry gd = c.get(0);
        Comparison.Entry cg = c.get(2);
        Comparison.Entry nm = c.get(3);
        int exponent = (int) Math.floor(Math.log10(cg.e()));
        String cgE = f("%d·10%s", Math.round(cg.e() / Math.pow(10, exponent)), superscript(exponent));
        says(f("drives E to %s in %d line\nsearches (%d gradients, %d E)", cgE, cg.iterations(), cg.gradientEvaluations(),
                cg.objectiveEvaluations()));
        says(f("%d 回の直線探索 (勾配 %d 回、E %d 回) で E を %s", cg.iterations(), cg.gradientEvaluations(),
                cg.objectiveEvaluations(), cgE));
        String cgMax = f("%.0f", largest(cg.params()));
        String gdMax = f("%.1f", largest(gd.params()));
        says(f("its largest weight is %s, against %s after\ngradient descent", cgMax, gdMax));
        says(f("最大の重みは %s、勾配降下法では %s", cgMax, gdMax));
        says(f("Nelder–Mead has lowered E only from\n%.0f to %.0f after %d evaluations", nm.startE(), nm.e(), nm.objectiveEvaluations()));
        says(f("E を %d 回計算しても %.0f から %.0f までしか下げられません", nm.objectiveEvaluations(), nm.startE(), nm.e()));
    }

    @Test
    void all_zero_start_and_a_real_20_1_4_network() {
        Network one = Network.initial(aple, 1, 1);
        Network zero = Network.initial(aple, 1, 3).withParams(new double[new ParamLayout(20, 3, 4).count()]);
        String zeroGd = percent(compare(zero, GradientDescent.BOOK_ETA).get(0).accuracy());
        String oneGd = percent(compare(one, GradientDescent.BOOK_ETA).get(0).accuracy());
        says(f("gradient descent reaches %s (a real 20-1-4 network from seed\n1: %s)", zeroGd, oneGd));
        says(f("勾配降下法は %s (本物の 20-1-4 は種 1 で\n%s)", zeroGd, oneGd));
    }

    @Test
    void one_hidden_unit_best_optimiser() {
        List<Comparison.Entry> c = compare(Network.initial(aple, 1, 1), GradientDescent.BOOK_ETA);
        Comparison.Entry best = c.get(0);
        for (Comparison.Entry e : c) {
            best = e.accuracy() > best.accuracy() ? e : best;
        }
        assertThat(best.optimizer()).isEqualTo("momentum"); // the sentence names it
        says(f("the best of the four\noptimisers, momentum, reaches %s", percent(best.accuracy())));
        says(f("4 つの最適化法の最良がモーメンタムの %s", percent(best.accuracy())));
    }

    @Test
    void too_large_eta_jumps() {
        History h = Training.gradientDescent(Network.initial(aple, 1, 3), aple, 1.0, 4, TrainingListener.NONE);
        double[] e = h.eCurve();
        String jumps = f("(%.1f, %.1f, %.1f, %.1f, %.1f, …)", e[0], e[1], e[2], e[3], e[4]);
        says("overshoots: E jumps up and down " + jumps);
        says("η = 1 の一歩 η·∂E は行き過ぎます: E は上下に跳ね " + jumps);
    }

    @Test
    void two_hidden_units_with_more_iterations() {
        int short500 = 0;
        int long5000 = 0;
        for (long seed = 1; seed <= 20; seed++) {
            History h = Training.gradientDescent(Network.initial(aple, seed, 2), aple, 0.2, 5000, TrainingListener.NONE);
            double[] acc = h.accuracyCurve();
            boolean by500 = false;
            boolean by5000 = false;
            for (int k = 0; k <= h.iterations(); k++) {
                by500 |= k <= 500 && acc[k] == 1.0;
                by5000 |= acc[k] == 1.0;
            }
            short500 += by500 ? 1 : 0;
            long5000 += by5000 ? 1 : 0;
        }
        says(f("(with 5000 iterations at η = 0.2, %d of the\nseeds 1…20 get there instead of %d)", long5000, short500));
        says(f("(η = 0.2 で 5000 回\nなら種 1…20 のうち %d 個ではなく %d 個が達します)", short500, long5000));
    }

    @Test
    void sweep_sentences() {
        long[] seeds = new long[100];
        for (int i = 0; i < seeds.length; i++) {
            seeds[i] = i + 1;
        }
        List<io.github.shikumi.optim.Sweep.Row> rows = new io.github.shikumi.optim.Sweep(aple,
                new double[] {0.01, 0.05, 0.2}, new int[] {2, 3}, seeds, 500, io.github.shikumi.optim.Sweep.allCores())
                .run(io.github.shikumi.optim.Sweep.Listener.NONE).rows();
        java.util.function.BiFunction<Double, Integer, Integer> reached = (eta, hidden) -> rows.stream()
                .filter(r -> r.eta() == eta && r.hidden() == hidden).findFirst().orElseThrow().reached();
        says(f("only %d of 100 seeds reach 100 %% with 3 hidden units (all %d at η = 0.05)",
                reached.apply(0.01, 3), reached.apply(0.05, 3)));
        says(f("100 個中 %d 個です (η = 0.05 なら %d 個)", reached.apply(0.01, 3), reached.apply(0.05, 3)));
        // "half of the seeds" with two hidden units, "all 100" with three, at η = 0.05 and 0.2
        assertThat(List.of(reached.apply(0.05, 2), reached.apply(0.2, 2))).containsOnly(50);
        assertThat(List.of(reached.apply(0.05, 3), reached.apply(0.2, 3))).containsOnly(100);
        says("half of the seeds separate all four letters within 500 iterations");
        says("種の半分は 500 回以内に 4 文字を分けられ");
        says("reach 100 % for all 100 seeds at\nη = 0.05 and 0.2");
    }

    @Test
    void the_plateau_of_eta_1() {
        List<Comparison.Entry> c = Comparison.run(Network.initial(aple, 1, 3), aple,
                Optimizers.byNames(List.of("gd", "momentum"), 1.0), 500, Comparison.Listener.NONE);
        String gd = Fmt.sig(c.get(0).e());
        String momentum = Fmt.sig(c.get(1).e());
        String accuracy = percent(c.get(0).accuracy());
        assertThat(percent(c.get(1).accuracy())).isEqualTo(accuracy); // "both with"
        says(f("momentum ends on the plateau at E = %s, gradient descent at E = %s", momentum, gd));
        says(f("both with %s accuracy", accuracy));
        says(f("モーメンタムは E = %s の平らな所で、勾配降下法は E = %s", momentum, gd));
        says(f("正解率はどちらも %s です", accuracy));
    }

    private static double largest(double[] p) {
        double m = 0;
        for (double v : p) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    private static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder(n < 0 ? "⁻" : "");
        for (char c : String.valueOf(Math.abs(n)).toCharArray()) {
            b.append(digits.charAt(c - '0'));
        }
        return b.toString();
    }
}
