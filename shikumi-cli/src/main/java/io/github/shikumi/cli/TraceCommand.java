package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.model.Trace;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.xlsx.Worksheet;
import java.io.PrintWriter;
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
 * {@code shikumi trace}: every number of the forward and backward pass for one image, each formula
 * written out with its values substituted, in the book's symbols.
 */
@Command(name = "trace", mixinStandardHelpOptions = true)
public final class TraceCommand implements Callable<Integer> {
    private static final int WRAP = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelInput input;

    @Option(names = "--image", paramLabel = "N", required = true, descriptionKey = "image")
    int image;

    @Mixin
    CommonOptions.JsonOutput json;

    @Override
    public Integer call() {
        Text t = Text.of(Locale.getDefault());
        OptionRules.of(spec, t).shapeFor(input.data.data);
        Dataset d = input.dataset();
        Network net = input.network(d);
        if (net.output() != io.github.shikumi.model.Output.SIGMOID) {
            // the trace writes out the book's formulas of the sigmoid output layer
            throw new ShikumiException(input.model.toString(), Msg.TRACE_OUTPUT, net.output().id());
        }
        if (image < 1 || image > d.size()) {
            throw new ShikumiException("--image", Msg.IMAGE_INDEX, image, d.size());
        }
        int n = image - 1;
        Trace tr = Trace.of(net, d.image(n), d.target(n));
        PrintWriter w = spec.commandLine().getOut();
        ParamLayout lay = net.layout();
        if (json.on) {
            w.println(Json.text(json(d, n, net, tr)));
            return 0;
        }
        w.println(t.get("trace.title", image, d.labelOf(n), d.name(), lay.shapeText()));
        for (String line : BitmapArt.lines(d, n, true)) {
            w.println("  " + line);
        }
        w.println();
        w.println(t.get("trace.forward"));
        int last = lay.layers() - 1;
        for (int l = 0; l <= last; l++) {
            String L = lay.layerName(l);
            String in = inputSymbol(lay, l);
            String out = outputSymbol(lay, l);
            w.println();
            w.println("  " + t.get(l == last ? "trace.outputLayer" : "trace.hiddenLayer", L, lay.units(l)));
            String u = unitLetter(lay, l);
            String v = inputLetter(lay, l);
            Activation f = net.unitFunction(l); // the layer's role: z = f(s)
            String sU = "s" + L + "[" + u + "]";
            // the book's σ keeps the book's notation; another activation shows its own definition
            String def = f == Activation.SIGMOID ? " = 1/(1 + e^(−" + sU + "))" : ",   " + f.formula();
            w.println("  " + sU + " = Σ_" + v + " w" + L + "[" + u + "][" + v + "]·" + in + "[" + v + "] − θ" + L + "[" + u + "],   "
                    + out + "[" + u + "] = " + f.symbol() + "(" + sU + ")" + def);
            for (int j = 0; j < lay.units(l); j++) {
                List<String> terms = new ArrayList<>();
                for (int i = 0; i < lay.fanIn(l); i++) {
                    terms.add(Fmt.term(net.weight(l, j, i)) + "·" + Fmt.sig(tr.input(l, i)));
                }
                String lhs = "  s" + L + "[" + (j + 1) + "] = ";
                print(w, lhs, String.join(" + ", terms) + " − " + Fmt.term(net.threshold(l, j)) + " = " + Fmt.sig(tr.s(l, j)));
                // z = f(s)
                w.println("  " + out + "[" + (j + 1) + "] = " + f.symbol() + "(" + Fmt.sig(tr.s(l, j)) + ") = " + Fmt.sig(tr.z(l, j)));
            }
        }
        w.println();
        double[] target = tr.targets();
        List<String> sq = new ArrayList<>();
        for (int k = 0; k < target.length; k++) {
            sq.add("(" + Fmt.sig(target[k]) + " − " + Fmt.sig(tr.z(last, k)) + ")²");
        }
        w.println("  " + t.get("trace.targets", d.labelOf(n), fmtVector(target)));
        print(w, "  e = ½ Σ_k (t[k] − z[k])² = ", "½·[" + String.join(" + ", sq) + "] = " + Fmt.sig(tr.e()));
        w.println();
        w.println(t.get("trace.backward"));
        String lo = lay.layerName(last);
        w.println();
        Activation fo = net.unitFunction(last); // the book's output layer: σ, f'(z) = z(1 − z)
        w.println("  δ" + lo + "[k] = −(t[k] − z[k])·" + derivative(fo, "z[k]", "s" + lo + "[k]"));
        for (int k = 0; k < lay.units(last); k++) {
            double z = tr.z(last, k);
            // δ_k = −(t_k − z_k)·f'(z_k)
            w.println("  δ" + lo + "[" + (k + 1) + "] = −(" + Fmt.sig(target[k]) + " − " + Fmt.sig(z) + ")·" + derivativeValue(fo, z)
                    + " = " + Fmt.sig(tr.delta(last, k)));
        }
        for (int l = last - 1; l >= 0; l--) {
            String L = lay.layerName(l);
            String A = lay.layerName(l + 1);
            String out = outputSymbol(lay, l);
            w.println();
            Activation f = net.unitFunction(l);
            w.println("  δ" + L + "[j] = (Σ_k δ" + A + "[k]·w" + A + "[k][j])·" + derivative(f, out + "[j]", "s" + L + "[j]"));
            for (int j = 0; j < lay.units(l); j++) {
                List<String> terms = new ArrayList<>();
                for (int k = 0; k < lay.units(l + 1); k++) {
                    terms.add(Fmt.term(tr.delta(l + 1, k)) + "·" + Fmt.term(net.weight(l + 1, k, j)));
                }
                double h = tr.z(l, j);
                // δ_j = (Σ_k δ_k·w_kj)·f'(h_j)
                print(w, "  δ" + L + "[" + (j + 1) + "] = ", "(" + String.join(" + ", terms) + ")·" + derivativeValue(f, h)
                        + " = " + Fmt.sig(tr.backSum(l, j)) + "·" + Fmt.sig(f.derivativeFromOutput(h)) + " = " + Fmt.sig(tr.delta(l, j)));
            }
        }
        w.println();
        w.println(t.get("trace.gradient"));
        for (int l = 0; l <= last; l++) {
            String L = lay.layerName(l);
            String in = inputSymbol(lay, l);
            w.println();
            String u = unitLetter(lay, l);
            String v = inputLetter(lay, l);
            w.println("  ∂e/∂w" + L + "[" + u + "][" + v + "] = δ" + L + "[" + u + "]·" + in + "[" + v + "],   ∂e/∂θ" + L + "["
                    + u + "] = −δ" + L + "[" + u + "]");
            for (int j = 0; j < lay.units(l); j++) {
                for (int i = 0; i < lay.fanIn(l); i++) {
                    w.println("  ∂e/∂w" + L + "[" + (j + 1) + "][" + (i + 1) + "] = " + Fmt.term(tr.delta(l, j)) + "·"
                            + Fmt.sig(tr.input(l, i)) + " = " + Fmt.sig(tr.gradWeight(l, j, i)));
                }
                w.println("  ∂e/∂θ" + L + "[" + (j + 1) + "] = −" + Fmt.term(tr.delta(l, j)) + " = " + Fmt.sig(tr.gradThreshold(l, j)));
            }
        }
        w.println();
        w.println(t.get("trace.sumNote"));
        return 0;
    }

    /**
     * The trace as JSON, full doubles: per weight layer (the book's H, O) s, z and δ of every unit; e; the image's
     * gradient terms ∂e/∂p in the one parameter order, with their names.
     */
    static com.fasterxml.jackson.databind.node.ObjectNode json(Dataset d, int n, Network net, Trace tr) {
        ParamLayout lay = net.layout();
        var root = Json.object();
        root.put("image", n + 1);
        root.put("label", d.labelOf(n));
        Json.putNetwork(root, net);
        Json.putData(root, d);
        root.set("inputs", Json.numbers(tr.inputs()));
        root.set("targets", Json.numbers(tr.targets()));
        var layers = root.putArray("layers");
        for (int l = 0; l < lay.layers(); l++) {
            var layer = layers.addObject();
            layer.put("name", lay.layerName(l));
            layer.put("activation", net.unitFunction(l).id()); // trace needs the sigmoid output layer: never null
            double[] s = new double[lay.units(l)];
            double[] z = new double[lay.units(l)];
            double[] delta = new double[lay.units(l)];
            for (int j = 0; j < lay.units(l); j++) {
                s[j] = tr.s(l, j);
                z[j] = tr.z(l, j);
                delta[j] = tr.delta(l, j);
            }
            layer.set("s", Json.numbers(s));
            layer.set("z", Json.numbers(z));
            layer.set("delta", Json.numbers(delta));
        }
        root.put("e", tr.e());
        var names = root.putArray("names");
        for (int p = 0; p < lay.count(); p++) {
            names.add(lay.name(p));
        }
        root.set("gradient", Json.numbers(tr.gradient()));
        return root;
    }

    /**
     * f'(s) written with the unit's output {@code z}: the book's σ as z(1 − z) (its derivative formula with the
     * output substituted), another activation as {@code f'(s) (f' = …)} with its own derivative formula.
     */
    static String derivative(Activation f, String z, String s) {
        String withOutput = f.derivativeFormula().replace("z", z);
        return f == Activation.SIGMOID ? withOutput : f.symbol() + "'(" + s + "),   " + f.symbol() + "' = " + withOutput;
    }

    /** The value of f' for output {@code z} as the trace substitutes it: σ as z·(1 − z) (the book's), else f'(z) itself. */
    static String derivativeValue(Activation f, double z) {
        if (f == Activation.SIGMOID) {
            String v = Fmt.sig(z);
            return v + "·(1 − " + v + ")";
        }
        return Fmt.sig(f.derivativeFromOutput(z));
    }

    /** The book's index letters: i for inputs, j for hidden units, k for output units. */
    // the symbols of the book's formulas: one rule for trace and the worksheets (shikumi-xlsx's Worksheet)
    static String unitLetter(ParamLayout lay, int l) {
        return Worksheet.unitLetter(lay, l);
    }

    static String inputLetter(ParamLayout lay, int l) {
        return Worksheet.inputLetter(lay, l);
    }

    static String inputSymbol(ParamLayout lay, int l) {
        return Worksheet.inputSymbol(lay, l);
    }

    static String outputSymbol(ParamLayout lay, int l) {
        return Worksheet.outputSymbol(lay, l);
    }

    private static String fmtVector(double[] v) {
        List<String> parts = new ArrayList<>();
        for (double x : v) {
            parts.add(Fmt.sig(x));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** Prints {@code lhs + rhs}, wrapping the right-hand side at " + " to lines of about {@value #WRAP} columns. */
    private static void print(PrintWriter w, String lhs, String rhs) {
        String indent = " ".repeat(lhs.length());
        StringBuilder line = new StringBuilder(lhs);
        String[] parts = rhs.split("(?= \\+ )");
        for (String part : parts) {
            if (line.length() + part.length() > WRAP && line.length() > lhs.length()) {
                w.println(line);
                line = new StringBuilder(indent).append(part.strip());
            } else {
                line.append(part);
            }
        }
        w.println(line);
    }
}
