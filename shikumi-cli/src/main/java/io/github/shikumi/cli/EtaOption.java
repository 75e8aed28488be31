package io.github.shikumi.cli;

import io.github.shikumi.train.GradientDescent;
import picocli.CommandLine.Option;

/** {@code --eta η}: the learning rate of p ← p − η·∂E/∂p; the book's 0.05 unless given ({@code train}: 0.1 with mini-batches). */
public final class EtaOption {
    @Option(names = "--eta", paramLabel = "η", descriptionKey = "eta")
    Double eta;

    /** η as given, else {@code otherwise}. */
    double or(double otherwise) {
        return eta != null ? eta : otherwise;
    }

    /** η as given, else the book's 0.05, checked (a positive finite number) before any work is done. */
    double checked() {
        double value = or(GradientDescent.BOOK_ETA);
        new GradientDescent(value); // throws the one-line message naming --eta
        return value;
    }
}
