package io.github.shikumi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.update.UpdateRule;
import io.github.shikumi.update.UpdateRules;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shikumi train}: the book's experiment (defaults) or any other run of gradient descent; with
 * {@code --epochs}, {@code --batch} or IDX data ({@code --data idx:DIR}) mini-batch gradient descent with
 * momentum on large data ({@link MiniBatchTrain}).
 */
@Command(name = "train", mixinStandardHelpOptions = true)
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Mixin
    RandomStart random;

    @Mixin
    EtaOption etaOption;

    /** η: as given, else the book's 0.05 (full batch) or 0.1 (mini-batches). */
    double eta;

    /** The full-batch run's update rule (set in {@link #call()}). */
    UpdateRule rule;

    @Mixin
    CommonOptions.Iterations iterations;

    @Mixin
    CommonOptions.Init init;

    @Option(names = "--out", paramLabel = "MODEL.json", descriptionKey = "out")
    Path out;

    @Mixin
    CommonOptions.Force force;

    @Mixin
    CommonOptions.JsonOutput json;

    @Mixin
    CommonOptions.Ascii ascii;

    // perf (issue 6): larger networks, another output layer, mini-batches
    @Option(names = "--layers", paramLabel = "N,N,...", hideParamSyntax = true, split = ",", descriptionKey = "layers")
    int[] layers;

    @Option(names = "--output", paramLabel = "KIND", descriptionKey = "output")
    String output;

    @Option(names = "--epochs", paramLabel = "N", descriptionKey = "epochs")
    Integer epochs;

    @Option(names = "--batch", paramLabel = "N", descriptionKey = "batch")
    Integer batch;

    // issue 12: roles, not flags
    @Option(names = "--activation", paramLabel = "F,...", hideParamSyntax = true, split = ",",
            descriptionKey = "activation", completionCandidates = Roles.ActivationNames.class)
    java.util.List<String> activation;

    @Option(names = "--optimizer", paramLabel = "NAME", descriptionKey = "optimizer",
            completionCandidates = Roles.RuleNames.class)
    String optimizer;

    // the settings of the update rules besides η (UpdateRules.settings): each applies only to its rule
    @Option(names = "--momentum", paramLabel = "μ", descriptionKey = "momentum")
    Double momentum;

    @Option(names = "--beta1", paramLabel = "β1", descriptionKey = "beta1")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "β2", descriptionKey = "beta2")
    Double beta2;

    @Option(names = "--epsilon", paramLabel = "ε", descriptionKey = "epsilon")
    Double epsilon;

    @Option(names = "--validation", paramLabel = "SHARE", descriptionKey = "validation")
    Double validation;

    @Option(names = "--patience", paramLabel = "N", descriptionKey = "patience")
    Integer patience;

    @Mixin
    CommonOptions.BatchThreads threads;

    @Option(names = "--precision", paramLabel = "TYPE", descriptionKey = "precision")
    String precision;

    /** Mini-batch training: asked for with --epochs or --batch, or implied by IDX data. */
    boolean miniBatch() {
        return epochs != null || batch != null || data.data.startsWith(io.github.shikumi.format.Idx.PREFIX);
    }

    /**
     * Every option given applies, else a usage error before any work: the mini-batch options need mini-batch
     * training, --iterations and --ascii need full-batch training, a model file (--init) fixes the shape, the
     * output layer and (full batch) every initial parameter, the seed included.
     */
    void checkOptions(Text t) {
        boolean mini = miniBatch();
        boolean fromFile = init.file != null;
        OptionRules rules = OptionRules.of(spec, t);
        rules.ruleSettings(ruleName()) // --momentum only with momentum, --beta1 … only with adam
                .needs("--activation", !fromFile, "usage.initFixes")
                .needs("--validation", mini, "usage.needsMiniBatch")
                .needs("--patience", mini, "usage.needsMiniBatch")
                .needs("--threads", mini, "usage.needsMiniBatch")
                .needs("--precision", mini, "usage.needsMiniBatch")
                .needs("--patience", validation != null && validation > 0, "usage.patience")
                .needs("--iterations", !mini, "usage.fullBatchOnly")
                .needs("--ascii", !mini, "usage.fullBatchOnly")
                .notWith("--ascii", "--json")
                .notWith("--hidden", "--layers")
                .needs("--hidden", !fromFile, "usage.initFixes")
                .needs("--layers", !fromFile, "usage.initFixes")
                .needs("--output", !fromFile, "usage.initFixes")
                .needs("--seed", mini || !fromFile, "usage.seedUnused", "--init") // mini-batches: the seed also shuffles
                .needsOneOf("--force", "--out")
                .shapeFor(data.data);
    }

    /** The update rule asked for: --optimizer, else gd (the book's) with full batches and momentum with mini-batches. */
    String ruleName() {
        return optimizer != null ? optimizer.toLowerCase(Locale.ROOT) : miniBatch() ? MINI_BATCH_RULE : FULL_BATCH_RULE;
    }

    /** The book's p ← p − η·∂E/∂p. */
    static final String FULL_BATCH_RULE = "gd";

    /** Mini-batches: v ← μ·v − η·g, p ← p + v (as before issue 12). */
    static final String MINI_BATCH_RULE = "momentum";

    /** The rule of {@link #ruleName()} with η and the settings given on the command line (the others take their defaults). */
    UpdateRule rule(double eta) {
        return UpdateRules.create(ruleName(), eta, OptionRules.of(spec, null).ruleValues(ruleName()));
    }

    @Override
    public Integer call() {
        Text text = Text.of(Locale.getDefault());
        checkOptions(text);
        if (miniBatch()) {
            eta = etaOption.or(0.1);
            return new MiniBatchTrain(this).call();
        }
        eta = etaOption.or(GradientDescent.BOOK_ETA);
        rule = rule(eta); // validates η and the rule's settings before any work
        GradientDescent gd = new GradientDescent(rule);
        Dataset d = data.load();
        Output kind = MiniBatchTrain.output(this.output);
        int[] hid = layers != null ? MiniBatchTrain.hiddenOf(layers, d) : random.hidden;
        List<Activation> acts = Roles.activations(activation, hid.length, spec, text);
        Sizes.checkRun(spec, text, d, hid, iterations.value, 1, layers != null ? "--layers" : "--hidden");
        Network start = init.file != null ? Models.load(init.file, d)
                : Network.initial(d, random.seed, hid).withOutput(kind).withActivations(acts);
        if (out != null) {
            AtomicFiles.checkWritable(out, force.on);
        }
        ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), text);
        History h = Training.run(start, d, gd, iterations.value, (k, n, e, a, p) -> {
            bar.update(k, n);
            return true;
        });
        bar.finish();
        if (h.hasDiverged()) {
            return diverged(text, d, h);
        }
        Network trained = h.trained(); // its provenance (seed included) is built by core's Provenance
        if (out != null) {
            AtomicFiles.write(out, ModelJson.write(trained));
        }
        Confusion before = Confusion.of(h.initial(), d);
        Confusion after = Confusion.of(trained, d);
        PrintWriter w = spec.commandLine().getOut();
        if (json.on) {
            w.println(Json.text(json(d, h, before, after)));
        } else {
            printHuman(w, text, d, h, before, after);
        }
        return 0;
    }

    private ObjectNode json(Dataset d, History h, Confusion before, Confusion after) {
        ObjectNode root = Json.object();
        Json.putNetwork(root, h.initial());
        Json.putData(root, d);
        root.put("eta", eta);
        Roles.putRule(root, rule);
        root.put("iterations", h.iterations());
        root.putNull("diverged");
        if (init.file == null) {
            root.put("seed", random.seed);
        } else {
            root.put("init", init.file.toString());
        }
        ObjectNode b = root.putObject("before");
        b.put("E", h.e(0));
        b.put("accuracy", before.accuracy());
        ObjectNode a = root.putObject("after");
        a.put("E", h.e(h.iterations()));
        a.put("accuracy", after.accuracy());
        ObjectNode curve = root.putObject("curve");
        curve.set("E", Json.numbers(h.eCurve()));
        curve.set("accuracy", Json.numbers(h.accuracyCurve()));
        ArrayNode images = root.putArray("images");
        for (int n = 0; n < d.size(); n++) {
            ObjectNode img = images.addObject();
            img.put("label", d.labelOf(n));
            img.set("before", prediction(before, n));
            img.set("after", prediction(after, n));
        }
        if (out != null) {
            root.put("model", out.toString());
        }
        return root;
    }

    /**
     * A run whose E or parameters became NaN or infinite: the settings and E before on stdout (--json: with
     * {@code "diverged": k} and nulls for what has no value), one line on stderr naming the iteration, exit 1;
     * no prediction, accuracy or model file from NaN parameters.
     */
    private int diverged(Text t, Dataset d, History h) {
        PrintWriter w = spec.commandLine().getOut();
        int k = h.diverged();
        if (json.on) {
            ObjectNode root = Json.object();
            Json.putNetwork(root, h.initial());
            Json.putData(root, d);
            root.put("eta", eta);
            Roles.putRule(root, rule);
            root.put("iterations", h.iterations());
            root.put("diverged", k);
            if (init.file == null) {
                root.put("seed", random.seed);
            } else {
                root.put("init", init.file.toString());
            }
            ObjectNode b = root.putObject("before");
            finite(b, "E", h.e(0));
            finite(b, "accuracy", h.accuracy(0));
            ObjectNode a = root.putObject("after");
            a.putNull("E");
            a.putNull("accuracy");
            ObjectNode curve = root.putObject("curve");
            ArrayNode e = curve.putArray("E");
            ArrayNode acc = curve.putArray("accuracy");
            for (int i = 0; i <= h.iterations(); i++) {
                finite(e, h.e(i));
                finite(acc, h.accuracy(i));
            }
            w.println(Json.text(root));
        } else {
            Network net = h.initial();
            w.println(t.get("train.title"));
            w.println(t.get("train.data", d.name(), d.size(), d.shapeText(), String.join(" ", d.labels())));
            w.println(t.get("train.network", net.layout().shapeText(), net.layout().count()));
            w.println(init.file == null ? t.get("train.settings", Fmt.sig(eta), iterations.value, random.seed)
                    : t.get("train.settingsInit", Fmt.sig(eta), iterations.value, init.file.toString()));
            roleLines(w, t, net);
            w.println();
            w.println(Fmt.pad("", 12) + Fmt.padLeft(t.get("train.before"), 14) + Fmt.padLeft(t.get("train.after"), 14));
            w.println(Fmt.pad("E", 12) + Fmt.padLeft(k > 0 ? Fmt.sig(h.e(0)) : "–", 14) + Fmt.padLeft("–", 14));
            w.println(Fmt.pad(t.get("train.accuracy"), 12) + Fmt.padLeft(k > 0 ? Fmt.percent(h.accuracy(0)) : "–", 14)
                    + Fmt.padLeft("–", 14));
        }
        w.flush();
        spec.commandLine().getErr().println("shikumi: " + t.get("train.diverged", k, Fmt.sig(eta)));
        return 1;
    }

    /** A number, or null when it is NaN or infinite (JSON has neither). */
    static void finite(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    static void finite(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    static ObjectNode prediction(Confusion c, int n) {
        ObjectNode p = Json.object();
        p.put("predicted", c.labels().get(c.predicted(n)));
        p.put("correct", c.correct(n));
        p.set("outputs", Json.numbers(c.outputs(n)));
        return p;
    }

    /**
     * The roles beyond the book's: the hidden layers' activations unless all are σ, the update rule unless it is
     * the book's gd (the book's run prints what it always printed).
     */
    private void roleLines(PrintWriter w, Text t, Network net) {
        Roles.activationLine(w, t, net);
        if (!rule.name().equals(FULL_BATCH_RULE)) {
            w.println(t.get("train.rule", rule.name(), Roles.settingsText(t, rule)));
        }
    }

    private void printHuman(PrintWriter w, Text t, Dataset d, History h, Confusion before, Confusion after) {
        Network net = h.initial();
        w.println(t.get("train.title"));
        w.println(t.get("train.data", d.name(), d.size(), d.shapeText(), String.join(" ", d.labels())));
        w.println(t.get("train.network", net.layout().shapeText(), net.layout().count()));
        w.println(init.file == null ? t.get("train.settings", Fmt.sig(eta), h.iterations(), random.seed)
                : t.get("train.settingsInit", Fmt.sig(eta), h.iterations(), init.file.toString()));
        roleLines(w, t, net);
        w.println();
        w.println(Fmt.pad("", 12) + Fmt.padLeft(t.get("train.before"), 14) + Fmt.padLeft(t.get("train.after"), 14));
        w.println(Fmt.pad("E", 12) + Fmt.padLeft(Fmt.sig(h.e(0)), 14) + Fmt.padLeft(Fmt.sig(h.e(h.iterations())), 14));
        w.println(Fmt.pad(t.get("train.accuracy"), 12) + Fmt.padLeft(Fmt.percent(before.accuracy()), 14)
                + Fmt.padLeft(Fmt.percent(after.accuracy()), 14));
        w.println();
        ResultTable.print(w, t, d, before, after, ascii.on);
        if (h.cancelled()) {
            w.println(t.get("train.cancelled", h.iterations()));
        }
        if (out != null) {
            w.println(t.get("train.saved", out.toString()));
        }
    }
}
