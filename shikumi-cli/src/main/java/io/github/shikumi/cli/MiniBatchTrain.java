package io.github.shikumi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.format.Idx;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.EpochListener;
import io.github.shikumi.train.EpochResult;
import io.github.shikumi.train.SgdResult;
import io.github.shikumi.train.SgdSettings;
import io.github.shikumi.train.SgdTraining;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code shikumi train} with mini-batches (perf, issue 6): {@code --data idx:DIR --layers 784,128,10
 * --output softmax --batch 100 --epochs 5}. A progress bar with epoch, batch, loss and ETA on stderr; a line
 * per epoch (seconds, loss, accuracies); the confusion matrix on the test set (else the training set); the
 * model written with {@code --out}. {@code --json}: {@code {"epochs": [{"epoch", "seconds", "loss",
 * "trainAccuracy", "testAccuracy", …}, …], …}}.
 */
final class MiniBatchTrain {
    private final TrainCommand c;

    MiniBatchTrain(TrainCommand c) {
        this.c = c;
    }

    /** The output layer named on the command line (default: the book's sigmoid). */
    static Output output(String name) {
        if (name == null) {
            return Output.SIGMOID;
        }
        Output o = Output.of(name.toLowerCase(Locale.ROOT));
        if (o == null) {
            throw new ShikumiException("--output", Msg.MODEL_OUTPUT, name, Output.SIGMOID.id() + ", " + Output.SOFTMAX.id());
        }
        return o;
    }

    /** The hidden sizes of {@code --layers}, which must start with the data's pixels and end with its labels. */
    static int[] hiddenOf(int[] layers, Dataset d) {
        boolean ok = layers.length >= 2 && Arrays.stream(layers).allMatch(n -> n >= 1);
        if (!ok) {
            throw new ShikumiException("--layers", Msg.LAYERS_INVALID, Arrays.toString(layers));
        }
        if (layers[0] != d.pixels()) {
            throw new ShikumiException("--layers", Msg.MISMATCH_INPUTS, layers[0], "--layers", d.pixels(), d.shapeText());
        }
        if (layers[layers.length - 1] != d.labels().size()) {
            throw new ShikumiException("--layers", Msg.MODEL_LABELS, layers[layers.length - 1], d.labels().size());
        }
        return Arrays.copyOfRange(layers, 1, layers.length - 1);
    }

    Integer call() {
        Text t = Text.of(Locale.getDefault());
        SgdSettings.Precision precision = precision(c.precision);
        SgdSettings s = new SgdSettings(c.batch != null ? c.batch : 100, c.epochs != null ? c.epochs : 5, c.rule(c.eta),
                c.random.seed, c.validation != null ? c.validation : 0,
                c.patience != null ? c.patience : 0,
                c.threads.value != null ? c.threads.value : Runtime.getRuntime().availableProcessors(), precision);
        Output out = output(c.output);
        if (precision == SgdSettings.Precision.FLOAT) {
            warmUp(s, out, t); // the JIT compiles the run's code while the data load
        }
        Dataset train;
        Dataset test;
        if (c.data.data.startsWith(Idx.PREFIX)) {
            Idx.Split split = Idx.open(c.data.data);
            train = split.train();
            test = split.test();
        } else {
            train = c.data.load();
            test = null;
        }
        Network start;
        if (c.init.file != null) {
            start = Models.load(c.init.file, train);
        } else {
            int[] hidden = c.layers != null ? hiddenOf(c.layers, train) : c.random.hidden;
            int[] sizes = new int[hidden.length + 2];
            sizes[0] = train.pixels();
            System.arraycopy(hidden, 0, sizes, 1, hidden.length);
            sizes[sizes.length - 1] = train.labels().size();
            for (int h : hidden) {
                if (h < 1) {
                    throw new ShikumiException("--hidden", Msg.HIDDEN_INVALID, h);
                }
            }
            Sizes.checkParameters(c.spec, t, sizes[0], hidden, sizes[sizes.length - 1], c.layers != null ? "--layers" : "--hidden");
            start = Network.initialFanIn(new ParamLayout(sizes), train, out, c.random.seed)
                    .withActivations(Roles.activations(c.activation, hidden.length, c.spec, t));
        }
        if (c.out != null) {
            AtomicFiles.checkWritable(c.out, c.force.on);
        }
        PrintWriter w = c.spec.commandLine().getOut();
        if (!c.json.on) {
            header(w, t, train, test, start, s);
        }
        ProgressBar bar = new ProgressBar(c.spec.commandLine().getErr(), t);
        long totalBatches = (long) s.epochs() * ((Math.round(train.size() * (1 - s.validation())) + s.batch() - 1) / s.batch());
        long[] done = {0};
        EpochListener listener = new EpochListener() {
            @Override
            public boolean onBatch(int epoch, int epochs, int b, int batches, double loss) {
                done[0]++;
                bar.update(done[0], totalBatches, () -> t.get("sgd.progress", epoch, epochs, b, batches, Fmt.fixed(loss, 4)));
                return true;
            }

            @Override
            public void onEpoch(EpochResult r) {
                if (!c.json.on) {
                    bar.finish();
                    w.println(row(t, r));
                    w.flush();
                }
            }
        };
        SgdResult r = SgdTraining.run(start, train, test, s, listener);
        bar.finish();
        if (r.hasDiverged()) {
            // no confusion matrix and no model file from NaN parameters: one line naming the step, exit 1
            if (c.json.on) {
                ObjectNode root = json(train, test, start, s, r, null);
                ObjectNode at = root.putObject("diverged");
                at.put("epoch", r.divergedEpoch());
                at.put("batch", r.divergedBatch());
                w.println(Json.text(root));
            }
            w.flush();
            int batches = (int) ((Math.round(train.size() * (1 - s.validation())) + s.batch() - 1) / s.batch());
            c.spec.commandLine().getErr().println("shikumi: " + t.get("sgd.diverged", r.divergedEpoch(), r.divergedBatch(),
                    batches, Fmt.sig(s.eta())));
            return 1;
        }
        Network trained = r.trained();
        if (c.out != null) {
            AtomicFiles.write(c.out, ModelJson.write(trained));
        }
        Dataset shown = test != null ? test : train;
        float[] outputs = r.outputs(); // the float kernels' (after the last epoch: its test accuracy), or null
        Confusion confusion = outputs != null ? Confusion.of(shown, outputs) : Confusion.of(trained, shown);
        if (c.json.on) {
            w.println(Json.text(json(train, test, start, s, r, confusion)));
            return 0;
        }
        if (r.stoppedEarly()) {
            w.println(t.get("sgd.stopped", r.epochs().size(), r.bestEpoch()));
        }
        w.println();
        w.println(t.get(test != null ? "sgd.confusionTest" : "sgd.confusionTrain",
                Fmt.percent(confusion.accuracy()), confusion.correctCount(), confusion.size()));
        ClassifyCommand.printConfusion(w, t, confusion);
        w.println();
        w.println(c.out != null ? t.get("train.saved", c.out.toString()) : t.get("sgd.saveHint"));
        return 0;
    }

    /**
     * Starts the float path's warm-up: for the network of {@code --layers} when it is given (all of a step's
     * code, on synthetic images of that shape), else for the kernels alone. A bad option is reported later,
     * where it is checked against the data.
     */
    private void warmUp(SgdSettings s, Output out, Text t) {
        try {
            if (c.layers != null && c.init.file == null && c.layers.length >= 2 && Arrays.stream(c.layers).allMatch(n -> n >= 1)
                    && Sizes.parameters(c.layers[0], Arrays.copyOfRange(c.layers, 1, c.layers.length - 1),
                            c.layers[c.layers.length - 1]) <= io.github.shikumi.engine.FloatBackprop.WARM_UP_MAX_PARAMS) {
                ParamLayout layout = new ParamLayout(c.layers);
                java.util.List<String> labels = new java.util.ArrayList<>();
                for (int k = 0; k < layout.outputs(); k++) {
                    labels.add(Integer.toString(k));
                }
                Network like = new Network(layout, labels, 1, layout.inputs(), new double[layout.count()],
                        java.util.Map.of(), out, Roles.activations(c.activation, c.layers.length - 2, c.spec, t));
                io.github.shikumi.engine.FloatBackprop.warmUp(like, s.rule(), s.batch());
                return;
            }
        } catch (RuntimeException e) {
            // reported where the options are checked against the data
        }
        io.github.shikumi.engine.FloatBackprop.warmUp();
    }

    static SgdSettings.Precision precision(String name) {
        if (name == null || name.equalsIgnoreCase("float")) {
            return SgdSettings.Precision.FLOAT;
        }
        if (name.equalsIgnoreCase("double")) {
            return SgdSettings.Precision.DOUBLE;
        }
        throw new ShikumiException("--precision", Msg.PRECISION_INVALID, name);
    }

    private void header(PrintWriter w, Text t, Dataset train, Dataset test, Network start, SgdSettings s) {
        // the rule mini-batches always ran (momentum) keeps its title; another rule is named in it
        w.println(s.rule().name().equals(TrainCommand.MINI_BATCH_RULE) ? t.get("sgd.title") : t.get("sgd.titleRule", s.rule().name()));
        w.println(t.get("train.data", train.name(), train.size(), train.shapeText(), labels(train)));
        if (test != null) {
            w.println(t.get("sgd.test", test.name(), test.size()));
        }
        w.println(t.get("sgd.network", start.layout().shapeText(), start.layout().count(),
                t.get(start.output() == Output.SOFTMAX ? "sgd.softmax" : "sgd.sigmoid")));
        Roles.activationLine(w, t, start);
        w.println(t.get("sgd.settings", s.batch(), s.epochs(), Roles.settingsText(t, s.rule()), s.seed(),
                s.precision().name().toLowerCase(Locale.ROOT), s.threads()));
        if (s.validation() > 0) {
            w.println(t.get("sgd.validation", Fmt.percent(s.validation()), s.patience()));
        }
        w.println();
        w.println(Fmt.padLeft(t.get("sgd.epoch"), 6) + Fmt.padLeft(t.get("sgd.seconds"), 10) + Fmt.padLeft(t.get("sgd.loss"), 10)
                + Fmt.padLeft(t.get("sgd.trainAccuracy"), 12)
                + (s.validation() > 0 ? Fmt.padLeft(t.get("sgd.validationLoss"), 12) : "")
                + Fmt.padLeft(t.get("sgd.testAccuracy"), 12));
    }

    private String row(Text t, EpochResult r) {
        return Fmt.padLeft(String.valueOf(r.epoch()), 6) + Fmt.padLeft(Fmt.fixed(r.seconds(), 2), 10)
                + Fmt.padLeft(Fmt.fixed(r.loss(), 4), 10) + Fmt.padLeft(Fmt.percent(r.trainAccuracy()), 12)
                + (Double.isNaN(r.validationLoss()) ? "" : Fmt.padLeft(Fmt.fixed(r.validationLoss(), 4), 12))
                + Fmt.padLeft(Double.isNaN(r.testAccuracy()) ? "-" : Fmt.percent(r.testAccuracy()), 12);
    }

    private static String labels(Dataset d) {
        return d.labels().size() <= 12 ? String.join(" ", d.labels())
                : String.join(" ", d.labels().subList(0, 5)) + " … " + d.labels().get(d.labels().size() - 1);
    }

    private ObjectNode json(Dataset train, Dataset test, Network start, SgdSettings s, SgdResult r, Confusion conf) {
        ObjectNode root = Json.object();
        Json.putNetwork(root, start).put("output", start.output().id());
        ObjectNode data = Json.putData(root, train);
        if (test != null) {
            data.put("test", test.name());
            data.put("testImages", test.size());
        }
        ObjectNode set = root.putObject("settings");
        set.put("batch", s.batch());
        set.put("epochs", s.epochs());
        set.put("optimizer", s.rule().name());
        Roles.putSettings(set, s.rule()); // η and the rule's own settings (momentum: μ; adam: β1, β2, ε)
        set.put("seed", s.seed());
        set.put("validation", s.validation());
        set.put("patience", s.patience());
        set.put("threads", s.threads());
        set.put("precision", s.precision().name().toLowerCase(Locale.ROOT));
        set.put("kernels", r.kernels());
        root.put("warmUpSeconds", r.warmUpSeconds());
        set.put("tile", io.github.shikumi.engine.FloatBackprop.kernelsDescription());
        ArrayNode epochs = root.putArray("epochs");
        for (EpochResult e : r.epochs()) {
            ObjectNode o = epochs.addObject();
            o.put("epoch", e.epoch());
            o.put("seconds", e.seconds());
            o.put("loss", e.loss());
            o.put("trainAccuracy", e.trainAccuracy());
            if (!Double.isNaN(e.validationLoss())) {
                o.put("validationLoss", e.validationLoss());
                o.put("validationAccuracy", e.validationAccuracy());
            }
            if (!Double.isNaN(e.testAccuracy())) {
                o.put("testLoss", e.testLoss());
                o.put("testAccuracy", e.testAccuracy());
            }
        }
        root.put("bestEpoch", r.bestEpoch());
        root.put("stoppedEarly", r.stoppedEarly());
        if (conf == null) {
            return root; // diverged: no evaluation
        }
        root.putNull("diverged");
        ObjectNode ev = root.putObject(test != null ? "test" : "train");
        ev.put("accuracy", conf.accuracy());
        ev.set("confusion", Json.confusion(conf));
        if (c.out != null) {
            root.put("model", c.out.toString());
        }
        return root;
    }
}
