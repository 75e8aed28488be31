package io.github.shikumi;

import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained (or loaded) network, ready to classify images: {@link #predict(double[])} gives the label and
 * every output, {@link #save(Path)} writes the model file ({@code shikumi-model/1}, the file the CLI writes and
 * reads) and {@link #load(Path)} reads one back. The numbers behind it are the {@link #network()}'s.
 * Immutable and safe to share between threads.
 */
public final class Model {
    private final Network network;
    private final double[] eCurve;

    Model(Network network, double[] eCurve) {
        this.network = network;
        this.eCurve = eCurve.clone();
    }

    /**
     * A model of a network (for example one made with {@link Network} and {@link io.github.shikumi.train.Training}).
     *
     * @param network the network
     * @return the model
     */
    public static Model of(Network network) {
        return new Model(network, new double[0]);
    }

    /**
     * Reads a model file ({@code shikumi-model/1}) written by {@link #save(Path)} or {@code shikumi train --out}.
     *
     * @param path the file
     * @return the model
     * @throws ShikumiException when the file is missing, unreadable or not a valid model (its message names
     *         the file and the field, e.g. {@code model.json: layers[1].weights[2]})
     */
    public static Model load(Path path) {
        return of(ModelJson.read(path));
    }

    /**
     * Writes this model's file, completely or not at all (an existing file is replaced).
     *
     * @param path the file to write; its folder must exist
     * @throws ShikumiException when the folder is missing or the file cannot be written
     */
    public void save(Path path) {
        ModelJson.write(network, path);
    }

    /**
     * Classifies one image.
     *
     * @param image the pixels row by row, {@link #height()} × {@link #width()} values (0 white … 1 black)
     * @return the predicted label and every output
     * @throws ShikumiException (an {@link IllegalArgumentException}) for {@code "image"} when the image has
     *         another number of pixels
     */
    public Prediction predict(double[] image) {
        double[] z = network.outputs(image);
        int k = Network.argmax(z);
        return new Prediction(network.labels().get(k), k, network.labels(), z);
    }

    /**
     * Classifies an image drawn as text, as in the bitmap files: one line per row, {@code #} black and
     * {@code .} white; blank lines and spaces around a row are ignored.
     *
     * @param rows the image, e.g. {@code ".##.\n#..#\n####\n#..#\n#..#"}
     * @return the predicted label and every output
     * @throws ShikumiException for {@code "image"} when the rows or their lengths differ from the model's
     *         image shape, or a pixel is neither {@code #} nor {@code .}
     */
    public Prediction predict(String rows) {
        List<String> lines = rows.strip().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        int h = network.height();
        int w = network.width();
        if (lines.size() != h || lines.stream().anyMatch(s -> s.length() != w)) {
            int width = lines.isEmpty() ? 0 : lines.get(0).length();
            throw new ShikumiException("image", Msg.IMAGE_ROWS, lines.size(), width, h, w);
        }
        double[] x = new double[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                char ch = lines.get(r).charAt(c);
                if (ch != '#' && ch != '.') {
                    throw new ShikumiException("image", Msg.IMAGE_CHAR, String.valueOf(ch), r + 1);
                }
                x[r * w + c] = ch == '#' ? 1 : 0;
            }
        }
        return predict(x);
    }

    /**
     * The share of images of {@code data} whose predicted label is their own.
     *
     * @param data images with the model's shape and labels
     * @return the accuracy, 0 … 1
     * @throws ShikumiException when the data's image shape or labels differ from the model's
     */
    public double accuracy(Dataset data) {
        network.checkFits(data, "data");
        return Confusion.of(network, data).accuracy();
    }

    /**
     * The error E = Σ_images ½Σ_k (t_k − z_k)² on {@code data} (cross-entropy for a softmax model).
     *
     * @param data images with the model's shape and labels
     * @return E
     * @throws ShikumiException when the data's image shape or labels differ from the model's
     */
    public double error(Dataset data) {
        network.checkFits(data, "data");
        return new Backprop(network, data).value(network.params());
    }

    /**
     * E at every iteration of the training that made this model (iteration 0 is the initial network).
     *
     * @return a copy of the curve; empty for a model that was loaded or made with {@link #of(Network)}
     */
    public double[] errorCurve() {
        return eCurve.clone();
    }

    /**
     * The labels, in the order of the outputs.
     *
     * @return the labels
     */
    public List<String> labels() {
        return network.labels();
    }

    /**
     * The image height the model reads.
     *
     * @return rows
     */
    public int height() {
        return network.height();
    }

    /**
     * The image width the model reads.
     *
     * @return columns
     */
    public int width() {
        return network.width();
    }

    /**
     * The network: its layout, every weight w_ji and threshold θ_j, and how it was made.
     *
     * @return the network
     */
    public Network network() {
        return network;
    }
}
