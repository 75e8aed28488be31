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
     */
    public static Confusion of(Network net, Dataset data) {
        double[][] out = new double[data.size()][];
        int[] pred = new int[data.size()];
        int[] act = new int[data.size()];
        for (int n = 0; n < data.size(); n++) {
            out[n] = net.outputs(data.image(n));
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

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return actual.length;
    }

    /** Outputs z_1 … z_K of image n (a copy). */
    public double[] outputs(int n) {
        return outputs[n].clone();
    }

    public int predicted(int n) {
        return predicted[n];
    }

    public int actual(int n) {
        return actual[n];
    }

    public boolean correct(int n) {
        return predicted[n] == actual[n];
    }

    public int correctCount() {
        int c = 0;
        for (int n = 0; n < actual.length; n++) {
            if (correct(n)) {
                c++;
            }
        }
        return c;
    }

    /** Share of images predicted correctly, 0…1. */
    public double accuracy() {
        return correctCount() / (double) actual.length;
    }

    /** Images of actual label a predicted as label p. */
    public int count(int a, int p) {
        return matrix[a][p];
    }
}
