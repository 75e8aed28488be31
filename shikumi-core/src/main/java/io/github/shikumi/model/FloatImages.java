package io.github.shikumi.model;

import io.github.shikumi.data.Dataset;

/**
 * A dataset's pixels as floats, one array per image (the float path's input rows), with the label indices.
 * Made once per dataset; batches refer to its rows without copying them.
 */
public final class FloatImages {
    final float[][] rows;
    final int[] labels;
    final int pixels;
    final int classes;

    private FloatImages(float[][] rows, int[] labels, int pixels, int classes) {
        this.rows = rows;
        this.labels = labels;
        this.pixels = pixels;
        this.classes = classes;
    }

    public static FloatImages of(Dataset data) {
        float[][] rows = new float[data.size()][data.pixels()];
        int[] labels = new int[data.size()];
        for (int n = 0; n < data.size(); n++) {
            float[] row = rows[n];
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) data.pixel(n, i);
            }
            labels[n] = data.target(n);
        }
        return new FloatImages(rows, labels, data.pixels(), data.labels().size());
    }

    public int size() {
        return rows.length;
    }

    public int pixels() {
        return pixels;
    }
}
