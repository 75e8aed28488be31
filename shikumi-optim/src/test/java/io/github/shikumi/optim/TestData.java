package io.github.shikumi.optim;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.BitmapText;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Small datasets built here, for tests that run many trainings (sweeps, charts) and need them quick:
 * each letter's (digit's) plain form, then variants with one pixel flipped at fixed positions (all
 * distinct images). The behaviour the issue names is tested on the bundled {@code aple} and {@code zero-one}.
 */
final class TestData {
    private static final String[] APLE = {
        "A", ".##.", "#..#", "####", "#..#", "#..#",
        "P", "###.", "#..#", "###.", "#...", "#...",
        "L", "#...", "#...", "#...", "#...", "####",
        "E", "####", "#...", "###.", "#...", "####",
    };
    private static final String[] ZERO_ONE = {
        "0", "###", "#.#", "#.#", "###",
        "1", ".#.", "##.", ".#.", ".#.",
    };

    private TestData() {
    }

    /** A, P, L, E in 5×4 pixels, {@code perLabel} images each (at most 21). */
    static Dataset aple(int perLabel) {
        return build("aple-fixture", APLE, 4, 5, perLabel);
    }

    /** 0 and 1 in 4×3 pixels, {@code perLabel} images each (at most 13). */
    static Dataset zeroOne(int perLabel) {
        return build("zero-one-fixture", ZERO_ONE, 2, 4, perLabel);
    }

    private static Dataset build(String name, String[] forms, int labels, int height, int perLabel) {
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < labels; l++) {
            int at = l * (height + 1);
            String label = forms[at];
            char[][] base = new char[height][];
            for (int r = 0; r < height; r++) {
                base[r] = forms[at + 1 + r].toCharArray();
            }
            int width = base[0].length;
            int pixels = height * width;
            Set<String> seen = new LinkedHashSet<>();
            // variant v flips pixel v−1 (v ≤ pixels), so every variant differs from the plain form and the others
            for (int v = 0; seen.size() < perLabel; v++) {
                if (v > pixels) {
                    throw new IllegalArgumentException("too many images per label: " + perLabel);
                }
                char[][] img = new char[height][];
                for (int r = 0; r < height; r++) {
                    img[r] = base[r].clone();
                }
                if (v > 0) {
                    int p = ((v - 1) * 7) % pixels; // a fixed walk over the pixels
                    img[p / width][p % width] = img[p / width][p % width] == '#' ? '.' : '#';
                }
                StringBuilder one = new StringBuilder(label).append('\n');
                for (char[] row : img) {
                    one.append(row).append('\n');
                }
                if (seen.add(one.toString())) {
                    text.append(one).append('\n');
                }
            }
        }
        return BitmapText.parse(name, text.toString());
    }
}
