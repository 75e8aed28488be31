package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import io.github.shikumi.xlsx.Worksheet;
import io.github.shikumi.xlsx.Worksheet.Kind;
import io.github.shikumi.xlsx.WorksheetHtml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shikumi worksheet}: printable worksheets for the book's computation by hand (forward pass, backward pass,
 * update), blank or as the answer key; {@code --count N} a class set of N different sheets and one key file.
 */
@Command(name = "worksheet", mixinStandardHelpOptions = true)
public final class WorksheetCommand implements Callable<Integer> {
    static final int MAX_COUNT = 500;
    static final int MAX_ITERATION = 1_000_000;

    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(names = "--model", paramLabel = "MODEL.json", descriptionKey = "wsModel")
    Path model;

    @Mixin
    RandomStart random;

    @Mixin
    EtaOption etaOption;

    @Option(names = "--image", paramLabel = "N", descriptionKey = "wsImage")
    Integer image;

    @Option(names = "--iteration", paramLabel = "K", defaultValue = "0", descriptionKey = "wsIteration")
    int iteration;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "all", descriptionKey = "wsKind")
    String kind;

    @Option(names = "--answers", descriptionKey = "wsAnswers")
    boolean answers;

    @Option(names = "--count", paramLabel = "N", descriptionKey = "wsCount")
    Integer count;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, descriptionKey = "wsOut")
    Path out;

    @Option(names = "--pdf", descriptionKey = "wsPdf")
    boolean pdf;

    @Mixin
    CommonOptions.Force force;

    @Override
    public Integer call() throws Exception {
        Locale locale = Locale.getDefault();
        Text text = Text.of(locale);
        OptionRules.of(spec, text)
                .needs("--seed", model == null || count != null, "xlsx.modelOrSeed")
                .needs("--hidden", model == null, "xlsx.modelOrSeed")
                .needs("--answers", count == null, "ws.answersWithCount")
                .shapeFor(data.data);
        Kind k = kind(text);
        if (count != null && (count < 1 || count > MAX_COUNT)) {
            throw new UsageError(spec.commandLine(), text.get("ws.countRange", count, MAX_COUNT));
        }
        if (iteration < 0 || iteration > MAX_ITERATION) {
            throw new ShikumiException("--iteration", Msg.ITERATIONS_INVALID, iteration);
        }
        double eta = etaOption.checked();
        Dataset d = data.load();
        if (image != null && (image < 1 || image > d.size())) {
            throw new ShikumiException("--image", Msg.IMAGE_INDEX, image, d.size());
        }
        Path key = count == null ? null : keyPath(out);
        AtomicFiles.checkWritable(out, force.on);
        if (key != null) {
            AtomicFiles.checkWritable(key, force.on);
        }
        List<Worksheet> sheets = sheets(d, eta, text);
        if (sheets == null) {
            return 1;
        }
        Path written = out;
        AtomicFiles.write(out, WorksheetHtml.render(sheets, k, answers, locale));
        if (key != null) {
            AtomicFiles.write(key, WorksheetHtml.render(sheets, k, true, locale));
        }
        PrintWriter w = spec.commandLine().getOut();
        String what = text.get(answers ? "ws.keyWord" : "ws.blankWord");
        w.println(text.get("ws.written", written.toString(), sheets.size(), kind.toLowerCase(Locale.ROOT), what));
        if (key != null) {
            w.println(text.get("ws.keyWritten", key.toString()));
        }
        if (pdf) {
            return printPdf(text, w, key);
        }
        return 0;
    }

    private Kind kind(Text text) {
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(kind)) {
                return k;
            }
        }
        throw new UsageError(spec.commandLine(), text.get("usage.invalidValue", "--kind", kind,
                text.get("usage.type.oneOf", "forward, backward, update, all")));
    }

    /** The sheets: one, or a class set whose sheet i starts from seed S + i − 1 and takes a different image. */
    private List<Worksheet> sheets(Dataset d, double eta, Text text) {
        int n = count == null ? 1 : count;
        int[] order = imageOrder(d.size(), random.seed);
        List<Worksheet> sheets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long seed = random.seed + (count == null ? 0 : i);
            Network start = model != null ? Models.load(model, d) : Network.initial(d, seed, random.hidden);
            if (i == 0) {
                checkShape(start, text);
            }
            int img = image != null ? image - 1 : count == null ? 0 : order[i % d.size()];
            Network at = start;
            if (iteration > 0) {
                History h = Training.gradientDescent(start, d, eta, iteration, TrainingListener.NONE);
                if (h.hasDiverged()) {
                    spec.commandLine().getErr().println("shikumi: " + text.get("train.diverged", h.diverged(), eta));
                    return null;
                }
                at = h.trained();
            }
            sheets.add(Worksheet.of(i + 1, model != null ? null : seed, d, img, iteration, eta, at));
        }
        return sheets;
    }

    /** Images of a class set: a shuffle of all images by seed S (java.util.Random: the same on every JVM). */
    static int[] imageOrder(int size, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random r = new Random(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    private void checkShape(Network net, Text text) {
        ParamLayout lay = net.layout();
        boolean small = Worksheet.fits(lay);
        if (net.output() != Output.SIGMOID) {
            throw new UsageError(spec.commandLine(), text.get("ws.sigmoidOnly", net.output().id()));
        }
        for (io.github.shikumi.model.Activation a : net.activations()) {
            if (a != io.github.shikumi.model.Activation.SIGMOID) { // the sheet's formulas are the book's σ
                throw new UsageError(spec.commandLine(), text.get("ws.sigmoidUnitsOnly", a.id()));
            }
        }
        if (!small) {
            throw new UsageError(spec.commandLine(), text.get("ws.tooLarge", lay.shapeText(), Worksheet.MAX_INPUTS,
                    Worksheet.MAX_UNITS, Worksheet.MAX_LAYERS - 1));
        }
    }

    /** The key file of a class set: "sheets.html" → "sheets-key.html". */
    static Path keyPath(Path out) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String key = dot > 0 ? name.substring(0, dot) + "-key" + name.substring(dot) : name + "-key";
        return out.resolveSibling(key);
    }

    static Path pdfPath(Path html) {
        String name = html.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return html.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".pdf");
    }

    private int printPdf(Text text, PrintWriter w, Path key) throws InterruptedException {
        Optional<Path> browser = Chromium.find();
        PrintWriter err = spec.commandLine().getErr();
        if (browser.isEmpty()) {
            err.println("shikumi: " + text.get("ws.noChromium", Chromium.ENV, out.toString()));
            return 1;
        }
        List<Path> files = new ArrayList<>(List.of(out));
        if (key != null) {
            files.add(key);
        }
        for (Path html : files) {
            Path pdfFile = pdfPath(html);
            try {
                Chromium.print(browser.get(), html, pdfFile);
            } catch (IOException e) {
                err.println("shikumi: " + text.get("ws.pdfFailed", pdfFile.toString(), e.getMessage()));
                return 1;
            }
            w.println(text.get("ws.pdfWritten", pdfFile.toString()));
        }
        return 0;
    }
}
