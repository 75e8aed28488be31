package io.github.shikumi.check;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.util.List;

/** A network's predictions on a dataset: outputs and predicted label per image, accuracy, confusion matrix. */
public final class Confusion {
    private final List<String> labels;
    private final double[][] outputs;
    private final int[] predicted;
    private final int[] actual;
    private final int[][] matrix;

    private Confusion(List<String> labels, double[][] outputs, int[] predicted, int[] actual) {
        this.labels = labels;
        this.outputs = outputs;
        this.predicted = predicted;
        this.actual = actual;
        matrix = new int[labels.size()][labels.size()];
        for (int n = 0; n < actual.length; n++) {
            matrix[actual[n]][predicted[n]]++;
        }
    }

    /**
     * Classifies every image of {@code data} with {@code net} (which must fit the data). Refuses (a
     * {@link ShikumiException} naming the image) when an output is NaN or infinite, as it is for a network whose
     * training diverged: no label is predicted, and no accuracy counted, from outputs that are not numbers.
     *
     * @param net  the network; the predicted label of an image is its largest output
     * @param data the images, with their actual labels
     * @return every image's outputs, predicted and actual label, and the confusion matrix
     * @throws ShikumiException {@link Msg#CHECK_NOT_FINITE}, naming the data (by {@link Dataset#name()}), when an
     *                          image's outputs are NaN or infinite (the message gives the image's number, from 1)
     */
    public static Confusion of(Network net, Dataset data) {
        double[][] out = new double[data.size()][];
        // every image on its own, so large data may run on all cores: the same bits in any order (the book's
        // 128 images stay on this thread: a pool's start would cost more than they take)
        java.util.stream.IntStream images = java.util.stream.IntStream.range(0, data.size());
        (data.size() >= 1000 ? images.parallel() : images).forEach(n -> out[n] = net.outputs(data.image(n)));
        return predict(data, out);
    }

    /**
     * The predictions of outputs computed elsewhere, e.g. by the float kernels that trained the network (as they
     * evaluated the test set after its last epoch: {@code SgdResult.outputs()}): image n's outputs are
     * {@code outputs[n·K … n·K+K)}, K the data's number of labels. Refuses NaN or infinite outputs as
     * {@link #of(Network, Dataset)} does.
     *
     * @param data    the images, with their actual labels
     * @param outputs K outputs per image, image by image, in the data's order
     * @return every image's outputs, predicted and actual label, and the confusion matrix
     * @throws IllegalArgumentException when {@code outputs} does not hold K outputs for every image
     * @throws ShikumiException {@link Msg#CHECK_NOT_FINITE}, naming the data, when an image's outputs are NaN or
     *                          infinite
     */
    public static Confusion of(Dataset data, float[] outputs) {
        int nk = data.labels().size();
        if (outputs.length != (long) data.size() * nk) {
            throw new IllegalArgumentException(outputs.length + " outputs for " + data.size() + " images of " + nk + " labels");
        }
        double[][] out = new double[data.size()][nk];
        for (int n = 0; n < data.size(); n++) {
            for (int k = 0; k < nk; k++) {
                out[n][k] = outputs[n * nk + k]; // a float widened to a double: the same value
            }
        }
        return predict(data, out);
    }

    /** Each image's predicted label (its largest output) from its outputs, refusing outputs that are not numbers. */
    private static Confusion predict(Dataset data, double[][] out) {
        int[] pred = new int[data.size()];
        int[] act = new int[data.size()];
        for (int n = 0; n < data.size(); n++) {
            for (double z : out[n]) {
                if (!Double.isFinite(z)) {
                    throw new ShikumiException(data.name(), Msg.CHECK_NOT_FINITE, n + 1, java.util.Arrays.toString(out[n]));
                }
            }
            pred[n] = Network.argmax(out[n]);
            act[n] = data.target(n);
        }
        return new Confusion(data.labels(), out, pred, act);
    }

    /**
     * The label names.
     *
     * @return the data's labels, in output order (the matrix's rows and columns)
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Number of images.
     *
     * @return the images classified
     */
    public int size() {
        return actual.length;
    }

    /**
     * Outputs z_1 … z_K of image n (a copy).
     *
     * @param n the image number, from 0
     * @return a copy of the output layer's outputs for that image
     */
    public double[] outputs(int n) {
        return outputs[n].clone();
    }

    /**
     * The predicted label of image {@code n}.
     *
     * @param n the image number, from 0
     * @return the index of its largest output
     */
    public int predicted(int n) {
        return predicted[n];
    }

    /**
     * The actual label of image {@code n}.
     *
     * @param n the image number, from 0
     * @return its label index in the data
     */
    public int actual(int n) {
        return actual[n];
    }

    /**
     * True when image {@code n} was classified correctly.
     *
     * @param n the image number, from 0
     * @return whether its predicted label is its actual label
     */
    public boolean correct(int n) {
        return predicted[n] == actual[n];
    }

    /**
     * Number of images classified correctly.
     *
     * @return the images whose predicted label is their actual label
     */
    public int correctCount() {
        int c = 0;
        for (int n = 0; n < actual.length; n++) {
            if (correct(n)) {
                c++;
            }
        }
        return c;
    }

    /**
     * Share of images predicted correctly, 0…1.
     *
     * @return {@link #correctCount()} / {@link #size()}
     */
    public double accuracy() {
        return correctCount() / (double) actual.length;
    }

    /**
     * Images of actual label a predicted as label p: the confusion matrix's row a, column p.
     *
     * @param a the actual label's index
     * @param p the predicted label's index
     * @return how many images of label a were predicted as p
     */
    public int count(int a, int p) {
        return matrix[a][p];
    }
}
