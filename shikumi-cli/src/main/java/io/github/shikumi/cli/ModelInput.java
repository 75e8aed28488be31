package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --model MODEL.json} (required) with {@code --data NAME|FILE [--shape HxW]}: a trained model and the
 * dataset it must fit, the input of {@code gradient}, {@code gradcheck}, {@code classify} and {@code trace}.
 */
public final class ModelInput {
    @Mixin
    DataOption data;

    @Option(names = "--model", paramLabel = "MODEL.json", required = true, descriptionKey = "model")
    Path model;

    /** The dataset of {@code --data}; load it before {@link #network}, so its errors come first. */
    Dataset dataset() {
        return data.load();
    }

    /** The model of {@code --model}, checked to fit {@code d}. */
    Network network(Dataset d) {
        return Models.load(model, d);
    }
}
