package io.github.shikumi;

import java.util.Arrays;
import java.util.List;

/**
 * What a model says about one image: the label of its largest output and every output.
 *
 * @param label  the predicted label (the first of the largest outputs on a tie)
 * @param index  the predicted label's position in {@code labels}
 * @param labels the model's labels, in the order of {@code scores}
 * @param scores the output z of every output unit (σ(s) for the book's sigmoid outputs, probabilities for softmax)
 */
public record Prediction(String label, int index, List<String> labels, double[] scores) {
    /**
     * A prediction (the arrays and lists are copied).
     *
     * @param label  the predicted label
     * @param index  its position
     * @param labels the model's labels
     * @param scores the outputs
     */
    public Prediction {
        labels = List.copyOf(labels);
        scores = scores.clone();
    }

    /**
     * The outputs, one per label.
     *
     * @return a copy of the outputs
     */
    @Override
    public double[] scores() {
        return scores.clone();
    }

    /**
     * The output of one label.
     *
     * @param label one of {@link #labels()}
     * @return its output z
     * @throws IllegalArgumentException when the model has no such label
     */
    public double score(String label) {
        int k = labels.indexOf(label);
        if (k < 0) {
            throw new IllegalArgumentException("no label " + label + " among " + labels);
        }
        return scores[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prediction p && p.index == index && p.label.equals(label) && p.labels.equals(labels)
                && Arrays.equals(p.scores, scores);
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return label + " " + Arrays.toString(scores);
    }
}
