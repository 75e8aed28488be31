package io.github.shikumi.cli;

import io.github.shikumi.export.OnnxExport;
import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shikumi export-onnx --model M.json --out m.onnx}: the model as an ONNX file (shikumi-export). */
@Command(name = "export-onnx", mixinStandardHelpOptions = true)
public final class ExportOnnxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "MODEL.json", required = true, descriptionKey = "onnxModel")
    Path model;

    @Option(names = "--out", paramLabel = "FILE.onnx", required = true, descriptionKey = "onnxOut")
    Path out;

    @Mixin
    CommonOptions.Force force;

    @Override
    public Integer call() {
        Text text = Text.of(Locale.getDefault());
        checkTarget(out, force.on);
        Network net = ModelJson.read(model);
        var onnx = OnnxExport.model(net);
        byte[] bytes = onnx.toByteArray();
        AtomicFiles.write(out, bytes);
        String ops = onnx.getGraph().getNodeList().stream().map(n -> n.getOpType()).distinct().collect(Collectors.joining(", "));
        spec.commandLine().getOut().println(text.get("onnx.written", out.toString(), String.valueOf(bytes.length), net.layout().inputs(),
                net.layout().outputs(), ops, String.join(" ", net.labels())));
        return 0;
    }

    /** A folder is refused as such (not as "file exists"), then the folder must exist and the file be new or forced. */
    static void checkTarget(Path out, boolean force) {
        if (Files.isDirectory(out)) {
            throw new ShikumiException(out.toString(), Msg.FILE_IS_DIRECTORY);
        }
        AtomicFiles.checkWritable(out, force);
    }
}
