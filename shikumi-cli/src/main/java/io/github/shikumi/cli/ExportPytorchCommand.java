package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.export.PyTorchScript;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.model.Network;
import io.github.shikumi.update.UpdateRule;
import io.github.shikumi.update.UpdateRules;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shikumi export-pytorch --out run.py [--model M.json | --seed N --hidden N]}: the run as a PyTorch script
 * with the same data, initial parameters, η and iterations (shikumi-export), trained by the same update rule
 * ({@code --optimizer}: gd, momentum or adam, as PyTorch's SGD, SGD with momentum or Adam).
 */
@Command(name = "export-pytorch", mixinStandardHelpOptions = true)
public final class ExportPytorchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOption data;

    @Option(names = "--model", paramLabel = "MODEL.json", descriptionKey = "pytorchModel")
    Path model;

    @Mixin
    RandomStart random;

    @Mixin
    EtaOption etaOption;

    @Mixin
    CommonOptions.Iterations iterations;

    @Option(names = "--optimizer", paramLabel = "NAME", descriptionKey = "pytorchOptimizer",
            completionCandidates = Roles.RuleNames.class)
    String optimizer;

    @Option(names = "--out", paramLabel = "FILE.py", required = true, descriptionKey = "pytorchOut")
    Path out;

    @Mixin
    CommonOptions.Force force;

    @Override
    public Integer call() {
        Locale locale = Locale.getDefault();
        Text text = Text.of(locale);
        OptionRules.of(spec, text)
                .needs("--seed", model == null, "xlsx.modelOrSeed") // a model file gives the shape and every parameter
                .needs("--hidden", model == null, "xlsx.modelOrSeed")
                .shapeFor(data.data);
        double eta = etaOption.checked();
        // the rule and its PyTorch optimiser (SGD, SGD with momentum, Adam), with its defaults besides η
        UpdateRule rule = UpdateRules.create(optimizer == null ? "gd" : optimizer.toLowerCase(Locale.ROOT), eta, Map.of());
        ExportOnnxCommand.checkTarget(out, force.on);
        Dataset d = data.load();
        Network start = random.startFrom(model, d);
        AtomicFiles.write(out, PyTorchScript.script(start, d, rule, iterations.value, locale));
        String sizes = start.layout().shapeText();
        spec.commandLine().getOut().println(text.get("pytorch.written", out.toString(), sizes, d.name(), Fmt.sig(eta),
                iterations.value));
        return 0;
    }
}
