package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.train.NetworkObjective;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shikumi gradient}: E and ∂E/∂p of every parameter, by backpropagation. */
@Command(name = "gradient", mixinStandardHelpOptions = true)
public final class GradientCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelInput input;

    @Mixin
    CommonOptions.JsonOutput json;

    @Override
    public Integer call() {
        Text t = Text.of(Locale.getDefault());
        OptionRules.of(spec, t).shapeFor(input.data.data);
        Dataset d = input.dataset();
        Network net = input.network(d);
        double[] p = net.params();
        double[] g = new double[p.length];
        double e = new NetworkObjective(net, d).valueAndGradient(p, g);
        PrintWriter w = spec.commandLine().getOut();
        if (json.on) {
            w.print(ModelJson.writeGradient(net, e, g));
            w.flush();
            return 0;
        }
        ParamLayout lay = net.layout();
        w.println(t.get("gradient.title", d.name(), d.size()));
        w.println("E = " + Fmt.sig(e));
        w.println();
        w.println(Fmt.pad(t.get("gradient.param"), 14) + Fmt.padLeft(t.get("gradient.value"), 16) + Fmt.padLeft("∂E/∂p", 16));
        for (int k = 0; k < p.length; k++) {
            w.println(Fmt.pad(lay.name(k), 14) + Fmt.padLeft(Fmt.sig(p[k]), 16) + Fmt.padLeft(Fmt.sig(g[k]), 16));
        }
        return 0;
    }
}
