package io.github.shikumi.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root command: {@code shikumi <command> [options]}. Subcommands are listed here, in one place ({@link #COMMANDS});
 * {@link Cli} registers them.
 */
@Command(name = "shikumi", mixinStandardHelpOptions = true, versionProvider = Version.class)
public final class ShikumiCommand implements Runnable {
    /**
     * The subcommands by name, in the order of the help: each class's {@code @Command(name)} is its key. Cli builds the command line of only the one a command line names, when it names one: picocli
     * reads every registered command's options by reflection (about 0.15 s for all of them when the JVM starts,
     * its classes being too old for class data sharing), and a job needs only its own.
     */
    static final java.util.Map<String, Class<?>> COMMANDS = commands(
            TrainCommand.class, GradientCommand.class, GradcheckCommand.class, ClassifyCommand.class,
            TraceCommand.class, DataCommand.class, BenchCommand.class, ExportXlsxCommand.class,
            ExportOnnxCommand.class, ExportPytorchCommand.class, ImportPytorchCommand.class, CompareCommand.class,
            SweepCommand.class, ServeCommand.class, WorksheetCommand.class, CheckXlsxCommand.class);

    private static java.util.Map<String, Class<?>> commands(Class<?>... classes) {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        for (Class<?> c : classes) {
            m.put(c.getAnnotation(Command.class).name(), c);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    Lang lang;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
