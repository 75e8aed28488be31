package io.github.shikumi.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: {@code shikumi <command> [options]}. Subcommands are registered here, in one place. */
@Command(name = "shikumi", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {
            TrainCommand.class,
            GradientCommand.class,
            GradcheckCommand.class,
            ClassifyCommand.class,
            TraceCommand.class,
            DataCommand.class,
            BenchCommand.class,
            ExportXlsxCommand.class,
            ExportOnnxCommand.class,
            ExportPytorchCommand.class,
            ImportPytorchCommand.class,
            CompareCommand.class,
            SweepCommand.class,
            ServeCommand.class,
            WorksheetCommand.class,
            CheckXlsxCommand.class,
        })
public final class ShikumiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    Lang lang;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
