package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.data.Datasets;
import picocli.CommandLine.Option;

/** {@code --data NAME|FILE [--shape HxW]}: a bundled dataset or a bitmap text / CSV file. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "NAME|FILE", descriptionKey = "data", defaultValue = "aple")
    String data;

    @Option(names = "--shape", paramLabel = "HxW", descriptionKey = "shape")
    String shape;

    Dataset load() {
        return Datasets.load(data, shape == null ? null : Datasets.parseShape(shape));
    }
}
