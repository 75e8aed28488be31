package io.github.shikumi.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options that several commands take with the same name, default and help text, each declared once here as a
 * picocli mixin ({@code @Mixin CommonOptions.Json json;}). Options that only look alike (another default or
 * meaning, e.g. sweep's {@code --threads} or compare's {@code --iterations}) stay in their commands.
 */
final class CommonOptions {
    private CommonOptions() {
    }

    /** {@code --json}: machine-readable JSON on stdout. */
    public static final class JsonOutput {
        @Option(names = "--json", descriptionKey = "json")
        boolean on;
    }

    /** {@code --force}: overwrite an existing output file. */
    public static final class Force {
        @Option(names = "--force", descriptionKey = "force")
        boolean on;
    }

    /** {@code --ascii}: images drawn with # and . instead of block characters. */
    public static final class Ascii {
        @Option(names = "--ascii", descriptionKey = "ascii")
        boolean on;
    }

    /** {@code --iterations N}: iterations of gradient descent, the book's 500 by default. */
    public static final class Iterations {
        @Option(names = "--iterations", paramLabel = "N", defaultValue = "500", descriptionKey = "iterations")
        int value;
    }

    /** {@code --init MODEL.json}: start from the parameters of a model file instead of random ones. */
    public static final class Init {
        @Option(names = "--init", paramLabel = "MODEL.json", descriptionKey = "init")
        Path file;
    }

    /** {@code --threads N}: threads each mini-batch is split over (default: one per core). */
    public static final class BatchThreads {
        @Option(names = "--threads", paramLabel = "N", descriptionKey = "batchThreads")
        Integer value;
    }
}
