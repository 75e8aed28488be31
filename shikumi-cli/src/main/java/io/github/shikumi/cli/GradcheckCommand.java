package io.github.shikumi.cli;

import io.github.shikumi.check.GradientCheck;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.train.NetworkObjective;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shikumi gradcheck}: backpropagation against central differences; exit 1 when over tolerance. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true)
public final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInput input;

    @Option(names = "--step", paramLabel = "h", defaultValue = "1e-5", descriptionKey = "step")
    double step;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-6", descriptionKey = "tolerance")
    double tolerance;

    @Option(names = "--all", descriptionKey = "gradcheckAll")
    boolean all;

    @Option(names = "--limit", paramLabel = "N", descriptionKey = "gradcheckLimit")
    Integer limit;

    @Option(names = "--sample", paramLabel = "N", descriptionKey = "gradcheckSample")
    Integer sample;

    @Override
    public Integer call() {
        Text t = Text.of(Locale.getDefault());
        OptionRules.of(spec, t)
                .value("--step", step > 0 && Double.isFinite(step), "usage.positive")
                .value("--tolerance", tolerance >= 0 && Double.isFinite(tolerance), "usage.nonNegative")
                .value("--limit", limit == null || limit >= 1, "usage.atLeastOne")
                .value("--sample", sample == null || sample >= 1, "usage.atLeastOne")
                .notWith("--limit", "--sample")
                .shapeFor(input.data.data);
        Dataset d = input.dataset();
        Network net = input.network(d);
        ParamLayout lay = net.layout();
        int[] indices = indices(lay.count());
        // 2 evaluations of E over every image per parameter: a progress bar on stderr (784-32-10: 25,450 of them)
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), t);
        GradientCheck.Result r = GradientCheck.check(new NetworkObjective(net, d), net.params(), step,
                indices, done -> {
                    bar.update(done, indices.length);
                    return true;
                });
        bar.finish();
        PrintWriter w = spec.commandLine().getOut();
        w.println(t.get("gradcheck.title", lay.count(), Fmt.sig(step)));
        if (indices.length < lay.count()) {
            w.println(t.get(sample != null ? "gradcheck.sampled" : "gradcheck.limited", indices.length, lay.count()));
        }
        if (all) {
            w.println(Fmt.pad(t.get("gradient.param"), 14) + Fmt.padLeft(t.get("gradcheck.backprop"), 18)
                    + Fmt.padLeft(t.get("gradcheck.numeric"), 18) + Fmt.padLeft(t.get("gradcheck.rel"), 12));
            for (int k = 0; k < r.size(); k++) {
                w.println(Fmt.pad(lay.name(indices[k]), 14) + Fmt.padLeft(Fmt.sig(r.analytic(k)), 18)
                        + Fmt.padLeft(Fmt.sig(r.numeric(k)), 18) + Fmt.padLeft(Fmt.sig(r.relative(k)), 12));
            }
        }
        int a = r.worstAbsoluteIndex();
        int rel = r.worstRelativeIndex();
        w.println(t.get("gradcheck.maxAbs", Fmt.sig(r.maxAbsolute()), lay.name(indices[a]), Fmt.sig(r.analytic(a)), Fmt.sig(r.numeric(a))));
        w.println(t.get("gradcheck.maxRel", Fmt.sig(r.maxRelative()), lay.name(indices[rel]), Fmt.sig(r.analytic(rel)), Fmt.sig(r.numeric(rel))));
        boolean ok = r.passes(tolerance);
        w.println(t.get(ok ? "gradcheck.pass" : "gradcheck.fail", Fmt.sig(tolerance)));
        return ok ? 0 : 1;
    }

    /**
     * The parameters to check, in the parameter order: all of them; the first N ({@code --limit N}); or N drawn
     * at random from all of them, the same N on every run ({@code --sample N}, seed 1).
     */
    private int[] indices(int p) {
        if (limit != null) {
            return java.util.stream.IntStream.range(0, Math.min(limit, p)).toArray();
        }
        if (sample != null && sample < p) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(1);
            int[] all = java.util.stream.IntStream.range(0, p).toArray();
            for (int i = 0; i < sample; i++) { // a partial Fisher–Yates shuffle: the first N of a random order
                int j = i + random.nextInt(p - i);
                int x = all[i];
                all[i] = all[j];
                all[j] = x;
            }
            int[] chosen = java.util.Arrays.copyOf(all, sample);
            java.util.Arrays.sort(chosen);
            return chosen;
        }
        return java.util.stream.IntStream.range(0, p).toArray();
    }
}
