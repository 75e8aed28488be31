package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shikumi data show NAME|FILE}: the images drawn in the terminal, and counts per label. */
@Command(name = "data", mixinStandardHelpOptions = true, subcommands = DataCommand.Show.class)
public final class DataCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code shikumi data show}. */
    @Command(name = "show", mixinStandardHelpOptions = true)
    public static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME|FILE", descriptionKey = "dataName")
        String name;

        @Mixin
        ShapeOption shape;

        @Option(names = "--per-row", paramLabel = "N", defaultValue = "8", descriptionKey = "perRow")
        int perRow;

        @Mixin
        CommonOptions.Ascii ascii;

        @Override
        public Integer call() {
            Text t = Text.of(Locale.getDefault());
            OptionRules.of(spec, t)
                    .value("--per-row", perRow >= 1, "usage.atLeastOne")
                    .shapeFor(name);
            Dataset d = shape.load(name);
            PrintWriter w = spec.commandLine().getOut();
            w.println(t.get("data.title", d.name(), d.size(), d.shapeText()));
            int[] counts = d.countsPerLabel();
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < counts.length; k++) {
                parts.add(d.labels().get(k) + ": " + counts[k]);
            }
            w.println(t.get("data.counts", String.join(", ", parts)));
            w.println();
            int per = perRow;
            int cell = Math.max(d.width(), 4) + 3;
            for (int start = 0; start < d.size(); start += per) {
                int end = Math.min(d.size(), start + per);
                StringBuilder head = new StringBuilder();
                for (int n = start; n < end; n++) {
                    head.append(Fmt.pad((n + 1) + " " + d.labelOf(n), cell));
                }
                w.println(head.toString().stripTrailing());
                List<List<String>> arts = new ArrayList<>();
                for (int n = start; n < end; n++) {
                    arts.add(BitmapArt.lines(d, n, ascii.on));
                }
                for (int line = 0; line < arts.get(0).size(); line++) {
                    StringBuilder row = new StringBuilder();
                    for (List<String> art : arts) {
                        row.append(Fmt.pad(art.get(line), cell));
                    }
                    w.println(row.toString().stripTrailing());
                }
                w.println();
            }
            return 0;
        }
    }
}
