package io.github.shikumi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.optim.Charts;
import io.github.shikumi.optim.Sweep;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shikumi sweep}: the book's gradient descent for every η × hidden units × seed, in parallel on all
 * cores. For each setting: the share of seeds reaching 100 % training accuracy, the median final E and
 * the median iterations to 100 %. The CSV is rewritten (atomically) each time a setting finishes, so
 * Ctrl-C, which cancels the runs in progress, leaves the finished rows written.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true)
public final class SweepCommand implements Callable<Integer> {
    /** How long a Ctrl-C waits for the finished rows to be written and printed. */
    private static final long SHUTDOWN_WAIT_SECONDS = 20;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(names = "--eta", paramLabel = "η[,η...]", hideParamSyntax = true, split = ",", defaultValue = "0.01,0.05,0.2,1",
            descriptionKey = "etaList")
    double[] etas;

    @Option(names = "--hidden", paramLabel = "N[,N...]", hideParamSyntax = true, split = ",", defaultValue = "1,2,3,5",
            descriptionKey = "hiddenList")
    int[] hidden;

    @Option(names = "--seeds", paramLabel = "COUNT", defaultValue = "100", descriptionKey = "seeds")
    int seeds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", descriptionKey = "firstSeed")
    long firstSeed;

    @Mixin
    CommonOptions.Iterations iterations;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "threads")
    Integer threads;

    @Option(names = "--csv", paramLabel = "FILE.csv", descriptionKey = "csv")
    Path csv;

    @Mixin
    ChartOption chart;

    @Mixin
    CommonOptions.Force force;

    @Mixin
    CommonOptions.JsonOutput json;

    @Override
    public Integer call() {
        Text t = Text.of(Locale.getDefault());
        int n = threads == null ? Sweep.allCores() : threads;
        OptionRules.of(spec, t)
                .value("--seeds", seeds >= 1, "usage.atLeastOne")
                .value("--threads", n >= 1, "usage.atLeastOne")
                .needsOneOf("--force", "--csv", "--chart")
                .shapeFor(data.data);
        chart.check(spec, t, force.on);
        if (csv != null) {
            AtomicFiles.checkWritable(csv, force.on);
        }
        Dataset d = data.load();
        for (int h : hidden) { // n runs at once, and every seed's results of every setting
            Sizes.checkRun(spec, t, d, new int[] {h}, iterations.value, n, 40.0 * seeds * etas.length * hidden.length,
                    seeds > 1_000_000 ? "--seeds" : "--hidden");
        }
        long[] seedList = new long[seeds];
        for (int s = 0; s < seeds; s++) {
            seedList[s] = firstSeed + s;
        }
        Sweep sweep = new Sweep(d, etas, hidden, seedList, iterations.value, n);
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), t);
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            // Ctrl-C (or a TERM signal): stop the runs, then let the main thread write and print the finished rows
            sweep.cancel();
            try {
                written.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shikumi-sweep-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            long t0 = System.nanoTime();
            Sweep.Result result = sweep.run(new Sweep.Listener() {
                @Override
                public void onRunDone(int done, int total) {
                    bar.update(done, total);
                }

                @Override
                public void onRow(Sweep.Row row) {
                    if (csv != null) {
                        AtomicFiles.write(csv, csv(sweep.finishedRows()));
                    }
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            bar.finish();
            List<Sweep.Row> rows = result.rows();
            if (csv != null) {
                AtomicFiles.write(csv, csv(rows));
            }
            if (chart.file != null) {
                Charts.write(Charts.sweep(rows, Path.of(d.name()).getFileName() + ", " + seeds + " seeds", t.locale()), chart.file);
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json.on) {
                w.println(Json.text(json(result)));
            } else {
                printHuman(w, t, d, result, n, seconds);
            }
            w.flush();
            return result.cancelled() ? 1 : 0;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the rows are written
            }
        }
    }

    /** The rows as CSV: a header, then one line per setting; an empty field where no seed reached 100 %. */
    static String csv(List<Sweep.Row> rows) {
        StringBuilder sb = new StringBuilder("eta,hidden,seeds,reached,share,median_E,median_iterations_to_100\n");
        for (Sweep.Row r : rows) {
            sb.append(r.eta()).append(',').append(r.hidden()).append(',').append(r.seeds()).append(',')
                    .append(r.reached()).append(',').append(r.share()).append(',').append(r.medianE()).append(',')
                    .append(Double.isNaN(r.medianIterationsTo100()) ? "" : String.valueOf(r.medianIterationsTo100()))
                    .append('\n');
        }
        return sb.toString();
    }

    private ObjectNode json(Sweep.Result result) {
        ObjectNode root = Json.object();
        root.put("iterations", iterations.value);
        root.put("seeds", seeds);
        root.put("firstSeed", firstSeed);
        ArrayNode rows = root.putArray("rows");
        for (Sweep.Row r : result.rows()) {
            ObjectNode o = rows.addObject();
            o.put("eta", r.eta());
            o.put("hidden", r.hidden());
            o.put("seeds", r.seeds());
            o.put("reached", r.reached());
            o.put("share", r.share());
            TrainCommand.finite(o, "medianE", r.medianE()); // null when every run diverged
            o.put("diverged", r.diverged());
            if (Double.isNaN(r.medianIterationsTo100())) {
                o.putNull("medianIterationsTo100");
            } else {
                o.put("medianIterationsTo100", r.medianIterationsTo100());
            }
        }
        root.put("cancelled", result.cancelled());
        return root;
    }

    private void printHuman(PrintWriter w, Text t, Dataset d, Sweep.Result result, int n, double seconds) {
        w.println(t.get("sweep.title"));
        w.println(t.get("train.data", d.name(), d.size(), d.shapeText(), String.join(" ", d.labels())));
        w.println(t.get("sweep.settings", iterations.value, firstSeed, firstSeed + seeds - 1, result.runsTotal(), n));
        w.println();
        w.println(Fmt.padLeft(t.get("sweep.eta"), 8) + Fmt.padLeft(t.get("sweep.hidden"), 8)
                + Fmt.padLeft(t.get("sweep.reached"), 22) + Fmt.padLeft(t.get("sweep.medianE"), 12)
                + Fmt.padLeft(t.get("sweep.medianIterations"), 26));
        for (Sweep.Row r : result.rows()) {
            String reached = r.reached() + "/" + r.seeds() + " (" + Fmt.fixed(100 * r.share(), 0) + " %)";
            String its = Double.isNaN(r.medianIterationsTo100()) ? "–" : Fmt.sig(r.medianIterationsTo100());
            String medianE = Double.isNaN(r.medianE()) ? t.get("compare.diverged") : Fmt.fixed(r.medianE(), 4);
            w.println(Fmt.padLeft(Fmt.sig(r.eta()), 8) + Fmt.padLeft(String.valueOf(r.hidden()), 8)
                    + Fmt.padLeft(reached, 22) + Fmt.padLeft(medianE, 12) + Fmt.padLeft(its, 26));
        }
        for (Sweep.Row r : result.rows()) {
            if (r.diverged() > 0) {
                w.println(t.get("sweep.diverged", Fmt.sig(r.eta()), r.hidden(), r.diverged(), r.seeds()));
            }
        }
        w.println(t.get("sweep.seconds", Fmt.fixed(seconds, 1)));
        if (result.cancelled()) {
            w.println(t.get("sweep.cancelled", result.rows().size(), etas.length * hidden.length));
        }
        if (csv != null) {
            w.println(t.get("sweep.csv", csv.toString()));
        }
        if (chart.file != null) {
            w.println(t.get("sweep.chart", chart.file.toString()));
        }
    }
}
