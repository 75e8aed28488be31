package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --data NAME|FILE [--shape HxW]}: a bundled dataset or a bitmap text / CSV file. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "NAME|FILE", descriptionKey = "data", defaultValue = "aple")
    String data;

    @Mixin
    ShapeOption shape;

    Dataset load() {
        return shape.load(data);
    }
}
