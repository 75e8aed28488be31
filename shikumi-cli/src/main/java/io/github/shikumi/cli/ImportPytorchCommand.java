package io.github.shikumi.cli;

import io.github.shikumi.export.PyTorchState;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shikumi import-pytorch --state STATE.json --out model.json}: PyTorch's trained state as a shikumi model. */
@Command(name = "import-pytorch", mixinStandardHelpOptions = true)
public final class ImportPytorchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--state", paramLabel = "STATE.json", required = true, descriptionKey = "pytorchState")
    Path state;

    @Option(names = "--out", paramLabel = "MODEL.json", required = true, descriptionKey = "importOut")
    Path out;

    @Mixin
    CommonOptions.Force force;

    @Override
    public Integer call() {
        Text text = Text.of(Locale.getDefault());
        ExportOnnxCommand.checkTarget(out, force.on);
        Network net = PyTorchState.read(state);
        AtomicFiles.write(out, ModelJson.write(net));
        String sizes = net.layout().shapeText();
        spec.commandLine().getOut().println(text.get("pytorch.imported", out.toString(), sizes, String.join(" ", net.labels()),
                state.toString()));
        return 0;
    }
}
