package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --shape HxW}: the image shape of a CSV dataset (bitmap text files carry their own). */
public final class ShapeOption {
    @Option(names = "--shape", paramLabel = "HxW", descriptionKey = "shape")
    String shape;

    /** Whether {@code --shape} means anything for the data {@code nameOrFile}: only CSV files take a shape. */
    static boolean appliesTo(String nameOrFile) {
        return nameOrFile.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** A bundled dataset or a file, read with the shape of {@code --shape} if given. */
    Dataset load(String nameOrFile) {
        return Datasets.load(nameOrFile, shape == null ? null : Datasets.parseShape(shape));
    }
}
