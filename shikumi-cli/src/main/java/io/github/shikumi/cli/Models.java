package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import java.nio.file.Path;

/** Loading a model that must fit a dataset. */
final class Models {
    private Models() {
    }

    static Network load(Path model, Dataset data) {
        Network net = ModelJson.read(model);
        net.checkFits(data, model.toString());
        return net;
    }
}
