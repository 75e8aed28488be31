package io.github.shikumi.cli;

import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.optim.Charts;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --chart FILE.png|svg} ({@code compare}, {@code sweep}) and its checks, made before any work is done. */
public final class ChartOption {
    @Option(names = "--chart", paramLabel = "FILE.png|svg", descriptionKey = "chart")
    Path file;

    /** Fails (exit 2) unless the file ends in .png or .svg, its folder exists, and it is new or {@code force}. */
    void check(CommandSpec spec, Text t, boolean force) {
        if (file == null) {
            return;
        }
        if (!Charts.EXTENSIONS.contains(Charts.extension(file))) {
            throw new UsageError(spec.commandLine(), t.get("chart.extension", file.toString()));
        }
        AtomicFiles.checkWritable(file, force);
    }
}
