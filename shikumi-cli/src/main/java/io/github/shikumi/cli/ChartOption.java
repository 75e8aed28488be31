package io.github.shikumi.cli;

import io.github.shikumi.format.AtomicFiles;
import io.github.shikumi.optim.Charts;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of a {@code --chart FILE.png|svg} option, made before any work is done. */
final class ChartOption {
    private ChartOption() {
    }

    /** Fails (exit 2) unless the file ends in .png or .svg, its folder exists, and it is new or {@code force}. */
    static void check(CommandSpec spec, Text t, Path chart, boolean force) {
        if (chart == null) {
            return;
        }
        if (!Charts.EXTENSIONS.contains(Charts.extension(chart))) {
            throw new ParameterException(spec.commandLine(), t.get("chart.extension", chart.toString()));
        }
        AtomicFiles.checkWritable(chart, force);
    }
}
