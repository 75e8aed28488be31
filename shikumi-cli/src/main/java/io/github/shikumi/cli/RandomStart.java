package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --hidden N[,N...] --seed N}: a new network with random parameters, by default the book's 20-3-4 drawn
 * from seed 1 ({@code train}, {@code compare}, {@code export-xlsx}).
 */
public final class RandomStart {
    @Option(names = "--hidden", paramLabel = "N[,N...]", hideParamSyntax = true, split = ",", defaultValue = "3", descriptionKey = "hidden")
    int[] hidden;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", descriptionKey = "seed")
    long seed;

    /** The network of the model file {@code model} (checked to fit {@code d}) if given, else a random one. */
    Network startFrom(Path model, Dataset d) {
        return model != null ? Models.load(model, d) : Network.initial(d, seed, hidden);
    }
}
