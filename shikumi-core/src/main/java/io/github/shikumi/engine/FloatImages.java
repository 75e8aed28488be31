package io.github.shikumi.engine;

import io.github.shikumi.data.Dataset;

/**
 * A dataset as the float path reads it: each batch's images are copied into the engine's own rows, rounded to
 * floats ({@link Dataset#pixels(int, float[])}), so that no float copy of a whole dataset is ever made (60,000
 * images of 28×28 would take 188 MB). Made once per dataset; cheap.
 */
public final class FloatImages {
    final Dataset data;
    final int[] labels;
    final int pixels;
    final int classes;

    private FloatImages(Dataset data) {
        this.data = data;
        this.labels = new int[data.size()];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = data.target(n);
        }
        this.pixels = data.pixels();
        this.classes = data.labels().size();
    }

    public static FloatImages of(Dataset data) {
        return new FloatImages(data);
    }

    /** Image {@code n}'s pixels as floats into {@code dst}. */
    void row(int n, float[] dst) {
        data.pixels(n, dst);
    }

    public int size() {
        return labels.length;
    }

    public int pixels() {
        return pixels;
    }
}
