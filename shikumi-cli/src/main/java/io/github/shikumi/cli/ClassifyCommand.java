package io.github.shikumi.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shikumi classify}: outputs and predicted label per image, accuracy, confusion matrix. */
@Command(name = "classify", mixinStandardHelpOptions = true)
public final class ClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInput input;

    @Mixin
    CommonOptions.JsonOutput json;

    @Mixin
    CommonOptions.Ascii ascii;

    @Override
    public Integer call() {
        Text t = Text.of(Locale.getDefault());
        OptionRules.of(spec, t)
                .notWith("--ascii", "--json")
                .shapeFor(input.data.data);
        Dataset d = input.dataset();
        Network net = input.network(d);
        Confusion c = Confusion.of(net, d);
        PrintWriter w = spec.commandLine().getOut();
        if (json.on) {
            ObjectNode root = Json.object();
            root.put("accuracy", c.accuracy());
            ArrayNode preds = root.putArray("predictions");
            for (int n = 0; n < c.size(); n++) {
                ObjectNode p = preds.addObject();
                p.put("label", d.labelOf(n));
                p.put("predicted", c.labels().get(c.predicted(n)));
                p.set("outputs", Json.numbers(c.outputs(n)));
            }
            root.set("confusion", Json.confusion(c));
            w.println(Json.text(root));
            return 0;
        }
        w.println(t.get("classify.title", input.model.toString(), d.name(), d.size()));
        w.println();
        if (d.size() > 1000 || d.pixels() > 100) {
            w.println(t.get("classify.tableSkipped", d.size(), d.pixels())); // 28×28 Fashion-MNIST and the like
        } else {
            ResultTable.print(w, t, d, c, null, ascii.on);
        }
        w.println();
        w.println(t.get("classify.accuracy", Fmt.percent(c.accuracy()), c.correctCount(), c.size()));
        w.println();
        printConfusion(w, t, c);
        return 0;
    }

    static void printConfusion(PrintWriter w, Text t, Confusion c) {
        w.println(t.get("classify.confusion"));
        StringBuilder head = new StringBuilder(Fmt.pad("", 10));
        for (String l : c.labels()) {
            head.append(Fmt.padLeft(l, 6));
        }
        w.println(head);
        for (int a = 0; a < c.labels().size(); a++) {
            StringBuilder row = new StringBuilder(Fmt.pad(c.labels().get(a), 10));
            for (int p = 0; p < c.labels().size(); p++) {
                row.append(Fmt.padLeft(String.valueOf(c.count(a, p)), 6));
            }
            w.println(row);
        }
    }
}
