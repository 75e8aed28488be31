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

    /**
     * The float path's view of {@code data}.
     *
     * @param data the dataset; its pixels are read batch by batch, never copied as a whole
     * @return the view, with the images' label numbers
     */
    public static FloatImages of(Dataset data) {
        return new FloatImages(data);
    }

    /** Image {@code n}'s pixels as floats into {@code dst}. */
    void row(int n, float[] dst) {
        data.pixels(n, dst);
    }

    /**
     * Number of images.
     *
     * @return the dataset's image count
     */
    public int size() {
        return labels.length;
    }

    /**
     * Pixels per image.
     *
     * @return the dataset's pixels per image (height × width)
     */
    public int pixels() {
        return pixels;
    }
}
