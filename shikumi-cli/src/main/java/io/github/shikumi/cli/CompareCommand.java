package io.github.shikumi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.optim.Charts;
import io.github.shikumi.optim.ChartText;
import io.github.shikumi.optim.Comparison;
import io.github.shikumi.optim.Optimizers;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shikumi compare}: several optimisers from the same start (the book's gradient descent, momentum,
 * Hipparchus's conjugate gradient standing in for Excel's Solver, and the derivative-free Nelder–Mead):
 * final E, accuracy, iterations, evaluations, time, and an E-vs-iteration chart.
 */
@Command(name = "compare", mixinStandardHelpOptions = true)
public final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(names = "--optimizers", paramLabel = "LIST", hideParamSyntax = true, split = ",",
            defaultValue = "gd,momentum,cg,derivative-free", descriptionKey = "optimizers")
    List<String> optimizers;

    @Mixin
    RandomStart random;

    @Mixin
    EtaOption etaOption;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "500", descriptionKey = "compareIterations")
    int iterations;

    @Mixin
    CommonOptions.Init init;

    @Option(names = "--zero-init", descriptionKey = "zeroInit")
    boolean zeroInit;

    @Mixin
    ChartOption chart;

    @Mixin
    CommonOptions.Force force;

    @Mixin
    CommonOptions.JsonOutput json;

    @Override
    public Integer call() {
        Text t = Text.of(Locale.getDefault());
        for (String name : optimizers) {
            if (!Optimizers.NAMES.contains(name)) {
                throw new UsageError(spec.commandLine(),
                        t.get("compare.unknownOptimizer", name, String.join(", ", Optimizers.NAMES)));
            }
        }
        boolean fromFile = init.file != null;
        OptionRules.of(spec, t)
                .needs("--zero-init", !fromFile, "compare.initTwice")
                .needs("--hidden", !fromFile, "usage.initFixes")
                .needs("--seed", !fromFile && !zeroInit, "usage.seedUnused", fromFile ? "--init" : "--zero-init")
                .needs("--eta", optimizers.contains("gd") || optimizers.contains("momentum"), "usage.etaUnused")
                .needsOneOf("--force", "--chart")
                .shapeFor(data.data);
        double eta = etaOption.checked();
        chart.check(spec, t, force.on);
        Dataset d = data.load();
        Sizes.checkRun(spec, t, d, random.hidden, iterations, io.github.shikumi.optim.Optimizers.NAMES.size(), "--hidden");
        Network start = random.startFrom(init.file, d);
        if (zeroInit) {
            start = start.withParams(new double[start.layout().count()]);
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), t);
        long total = (long) iterations * optimizers.size();
        List<Comparison.Entry> entries = Comparison.run(start, d, Optimizers.byNames(optimizers, eta), iterations,
                (name, index, k, e) -> {
                    bar.update((long) index * iterations + k, total);
                    return true;
                });
        bar.finish();
        String subject = subject(d, start);
        if (chart.file != null) {
            Charts.write(Charts.comparison(entries, subject, t.locale()), chart.file);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json.on) {
            w.println(Json.text(json(entries)));
        } else {
            printHuman(w, t, d, start, entries, eta);
        }
        return 0;
    }

    private String subject(Dataset d, Network start) {
        String from = zeroInit ? "w = θ = 0" : init.file != null ? init.file.getFileName().toString() : "seed " + random.seed;
        return Path.of(d.name()).getFileName() + ", " + start.layout().shapeText() + ", " + from;
    }

    /** {@code {"results": [{"optimizer", "E", "accuracy", "iterations", "evaluations": {...}, "seconds"}], "startE"}}. */
    static ObjectNode json(List<Comparison.Entry> entries) {
        ObjectNode root = Json.object();
        ArrayNode results = root.putArray("results");
        for (Comparison.Entry e : entries) {
            ObjectNode r = results.addObject();
            r.put("optimizer", e.optimizer());
            TrainCommand.finite(r, "E", e.e()); // null when the run diverged
            TrainCommand.finite(r, "accuracy", e.accuracy());
            if (e.hasDiverged()) {
                r.put("diverged", e.diverged()); // absent when the run did not diverge
            }
            r.put("iterations", e.iterations());
            ObjectNode ev = r.putObject("evaluations");
            ev.put("objective", e.objectiveEvaluations());
            ev.put("gradient", e.gradientEvaluations());
            r.put("seconds", e.seconds());
        }
        root.put("startE", entries.isEmpty() ? Double.NaN : entries.get(0).startE());
        return root;
    }

    private void printHuman(PrintWriter w, Text t, Dataset d, Network start, List<Comparison.Entry> entries, double eta) {
        ChartText names = ChartText.of(t.locale());
        w.println(t.get("compare.title"));
        w.println(t.get("train.data", d.name(), d.size(), d.shapeText(), String.join(" ", d.labels())));
        w.println(t.get("train.network", start.layout().shapeText(), start.layout().count()));
        String from = zeroInit ? t.get("compare.fromZero") : init.file != null ? t.get("compare.fromFile", init.file.toString())
                : t.get("compare.fromSeed", random.seed);
        w.println(t.get("compare.start", from, Fmt.sig(entries.get(0).startE())));
        w.println(t.get("compare.settings", iterations, Fmt.sig(eta), Fmt.sig(Optimizers.MOMENTUM)));
        w.println();
        w.println(Fmt.pad(t.get("compare.optimizer"), 17) + Fmt.padLeft("E", 13) + Fmt.padLeft(t.get("train.accuracy"), 10)
                + Fmt.padLeft(t.get("compare.iterations"), 12) + Fmt.padLeft(t.get("compare.evalE"), 10)
                + Fmt.padLeft(t.get("compare.evalGrad"), 10));
        for (Comparison.Entry e : entries) {
            String eText = e.hasDiverged() ? t.get("compare.diverged") : Fmt.sig(e.e());
            String accText = e.hasDiverged() ? "–" : Fmt.percent(e.accuracy());
            w.println(Fmt.pad(e.optimizer(), 17) + Fmt.padLeft(eText, 13) + Fmt.padLeft(accText, 10)
                    + Fmt.padLeft(String.valueOf(e.iterations()), 12) + Fmt.padLeft(String.valueOf(e.objectiveEvaluations()), 10)
                    + Fmt.padLeft(String.valueOf(e.gradientEvaluations()), 10));
        }
        List<String> times = new ArrayList<>();
        for (Comparison.Entry e : entries) {
            times.add(e.optimizer() + " " + Fmt.fixed(e.seconds(), 3));
        }
        w.println(t.get("compare.seconds", String.join(", ", times)));
        for (Comparison.Entry e : entries) {
            if (e.hasDiverged()) {
                w.println(t.get("compare.divergedAt", e.optimizer(), e.diverged()));
            }
        }
        w.println();
        for (Comparison.Entry e : entries) {
            w.println(e.optimizer() + ": " + names.optimizer(e.optimizer()) + ". " + (t.has("compare.iteration." + e.optimizer())
                    ? t.get("compare.iteration." + e.optimizer()) : t.get("compare.iteration.rule"))); // a rule without its own text
        }
        if (chart.file != null) {
            w.println(t.get("compare.chart", chart.file.toString()));
        }
    }
}
