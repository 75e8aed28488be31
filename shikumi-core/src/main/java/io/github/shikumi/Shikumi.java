package io.github.shikumi;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.History;
import io.github.shikumi.train.TrainingListener;
import java.nio.file.Path;

/**
 * The library's entry point: the book's experiment in one call, training with other {@link Settings}, and
 * models to load. The conventions are the book's: a unit's input is {@code s_j = Σ_i w_ji·x_i − θ_j} (the
 * threshold subtracted), its output {@code z_j = σ(s_j)}, the error {@code E = Σ_images ½Σ_k (t_k − z_k)²}, and
 * gradient descent {@code p ← p − η·∂E/∂p}. Every number is the same on every CPU.
 *
 * <pre>{@code
 * Model model = Shikumi.trainBook();
 * Prediction p = model.predict(".##.\n#..#\n####\n#..#\n#..#");   // p.label() is "A"
 * }</pre>
 *
 * <p>Bad arguments throw {@link ShikumiException}, an {@link IllegalArgumentException} whose
 * {@link ShikumiException#where()} names the setting that is wrong ({@code "eta"}, {@code "hidden"}, …).
 * The network, data, training and format classes beneath ({@link Network}, {@link Dataset},
 * {@link io.github.shikumi.train.Training}, {@link io.github.shikumi.format.ModelJson}) stay available for
 * everything this class does not cover.
 */
public final class Shikumi {
    private Shikumi() {
    }

    /**
     * The book's data: 128 images of 5 × 4 pixels of the letters A, P, L and E.
     *
     * @return the bundled {@code aple} set
     */
    public static Dataset bookData() {
        return Datasets.bundled("aple");
    }

    /**
     * Data by name or file: a bundled set ({@code aple}, {@code aple-test}, {@code zero-one}), a bitmap text
     * file, a CSV file or {@code idx:FOLDER} (see the README).
     *
     * @param spec the name or path
     * @return the data
     * @throws ShikumiException when the file is missing or malformed (the message names file and line)
     */
    public static Dataset data(String spec) {
        return Datasets.load(spec, null);
    }

    /**
     * The book's experiment: the 20-3-4 network from seed 1 trained on {@link #bookData()} by 500 iterations
     * of gradient descent with η = 0.05.
     *
     * @return the trained model
     */
    public static Model trainBook() {
        return train(bookData(), Settings.book());
    }

    /**
     * Trains a new network on {@code data} by gradient descent on E over all images.
     *
     * @param data     the training images (every label with at least one image)
     * @param settings seed, hidden layers, η and iterations
     * @return the trained model, with E at every iteration ({@link Model#errorCurve()}); a run that diverges
     *         (η too large: E or a parameter NaN or infinite) stops at that iteration, and its curve ends there
     * @throws ShikumiException when a label of the data has no images
     */
    public static Model train(Dataset data, Settings settings) {
        Network start = Network.initial(data, settings.seed(), settings.hidden());
        start = start.withActivations(java.util.Collections.nCopies(settings.hidden().length, settings.activation()));
        return train(start, data, settings); // provenance: the initial network's seed, then the run's (core's Provenance)
    }

    /**
     * Trains a given network (for example one read from a file) on {@code data}; the settings' seed, hidden
     * layers and activation are not used (the network's are).
     *
     * @param start    the initial network
     * @param data     images with the network's shape and labels
     * @param settings η, iterations and update rule
     * @return the trained model
     * @throws ShikumiException when the data do not fit the network
     */
    public static Model train(Network start, Dataset data, Settings settings) {
        History h = io.github.shikumi.train.Training.run(start, data, new GradientDescent(settings.rule()),
                settings.iterations(), TrainingListener.NONE);
        return new Model(h.trained(), h.eCurve());
    }

    /**
     * Reads a model file; the same as {@link Model#load(Path)}.
     *
     * @param path the file
     * @return the model
     * @throws ShikumiException when the file is missing or not a valid model
     */
    public static Model load(Path path) {
        return Model.load(path);
    }
}
