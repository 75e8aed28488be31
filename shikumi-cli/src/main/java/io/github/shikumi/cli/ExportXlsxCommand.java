package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.History;
import io.github.shikumi.xlsx.Block;
import io.github.shikumi.xlsx.WorkbookExport;
import io.github.shikumi.xlsx.XlsxException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shikumi export-xlsx}: the book's spreadsheet, generated as a live .xlsx workbook (shikumi-xlsx). */
@Command(name = "export-xlsx", mixinStandardHelpOptions = true)
public final class ExportXlsxCommand implements Callable<Integer> {
    static final String BLOCK_WORDS = "s, z, e, delta, terms, gradient, updated, total, forward, backward, update, all";

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(names = "--model", paramLabel = "MODEL.json", descriptionKey = "xlsxModel")
    Path model;

    @Mixin
    RandomStart random;

    @Mixin
    EtaOption etaOption;

    @Mixin
    CommonOptions.Iterations iterations;

    @Option(names = "--out", paramLabel = "FILE.xlsx", required = true, descriptionKey = "xlsxOut")
    Path out;

    @Mixin
    CommonOptions.Force force;

    @Option(names = "--exercise", descriptionKey = "xlsxExercise")
    boolean exercise;

    @Option(names = "--blank", paramLabel = "BLOCKS", descriptionKey = "xlsxBlank")
    String blank;

    @Option(names = "--macro", descriptionKey = "xlsxMacro")
    boolean macro;

    @Override
    public Integer call() throws Exception {
        Locale locale = Locale.getDefault();
        Text text = Text.of(locale);
        OptionRules.of(spec, text)
                .needs("--seed", model == null, "xlsx.modelOrSeed") // a model file gives the shape and every parameter
                .needs("--hidden", model == null, "xlsx.modelOrSeed")
                .needs("--blank", exercise, "usage.needsOption", "--exercise")
                .notWith("--macro", "--exercise")
                .needs("--macro", out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsm"), "xlsx.macroExtension")
                .shapeFor(data.data);
        Set<Block> blocks = EnumSet.allOf(Block.class);
        if (blank != null) {
            try {
                blocks = Block.parse(blank);
            } catch (IllegalArgumentException e) {
                throw new UsageError(spec.commandLine(), text.get("usage.invalidValue", "--blank", e.getMessage(),
                        text.get("usage.type.oneOf", BLOCK_WORDS)));
            }
        }
        double eta = etaOption.checked();
        Dataset d = data.load();
        Sizes.checkRun(spec, Text.of(locale), d, random.hidden, iterations.value, 1, "--hidden");
        Network start = random.startFrom(model, d);
        AtomicFiles.checkWritable(out, force.on);
        PrintWriter err = spec.commandLine().getErr();
        if (exercise) {
            try {
                WorkbookExport.exportExercise(start, d, eta, iterations.value, blocks, locale, out, force.on);
            } catch (XlsxException e) {
                err.println("shikumi: " + e.message(locale));
                return 2;
            }
            List<String> words = new ArrayList<>();
            blocks.forEach(b -> words.add(b.word()));
            spec.commandLine().getOut().println(text.get("xlsx.exerciseWritten", out.toString(), String.join(", ", words),
                    WorkbookExport.formulaImages(start, d), out.getFileName().toString()));
            return 0;
        }
        History h;
        try {
            WorkbookExport.check(start, d, eta, iterations.value);
            ProgressBar bar = new ProgressBar(err, text);
            h = WorkbookExport.export(start, d, eta, iterations.value, locale, out, force.on, (k, n, e, a, p) -> {
                bar.update(k, n);
                return true;
            }, macro);
            bar.finish();
        } catch (XlsxException e) {
            err.println("shikumi: " + e.message(locale));
            return 2;
        }
        int images = WorkbookExport.formulaImages(start, d);
        PrintWriter w = spec.commandLine().getOut();
        w.println(text.get("xlsx.written", out.toString(), Files.size(out) / 1024));
        w.println(text.get("xlsx.summary", start.layout().shapeText(), d.name(), images, d.size(),
                Fmt.sig(h.e(0)), Fmt.sig(h.e(h.iterations())), h.iterations()));
        return 0;
    }
}
