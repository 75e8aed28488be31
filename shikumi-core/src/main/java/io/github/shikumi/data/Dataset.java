package io.github.shikumi.data;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled images of one shape: {@code size()} images of {@code height × width} pixels in [0, 1]
 * (1 = black), each with a label index into {@code labels()}. Immutable.
 */
public final class Dataset {
    private final String name;
    private final List<String> labels;
    private final int height;
    private final int width;
    private final double[][] images;
    private final int[] targets;
    private volatile String hash;

    /**
     * @param name    where the data came from (a bundled name or a file), used in messages
     * @param labels  the label names, in output order
     * @param images  one row-major array of {@code height*width} pixels per image (copied)
     * @param targets the label index of each image
     */
    public Dataset(String name, List<String> labels, int height, int width, double[][] images, int[] targets) {
        if (images.length != targets.length) {
            throw new IllegalArgumentException("images and targets differ in length");
        }
        this.name = name;
        this.labels = List.copyOf(labels);
        this.height = height;
        this.width = width;
        this.images = new double[images.length][];
        for (int n = 0; n < images.length; n++) {
            if (images[n].length != height * width) {
                throw new IllegalArgumentException("image " + n + " has " + images[n].length + " pixels");
            }
            if (targets[n] < 0 || targets[n] >= labels.size()) {
                throw new IllegalArgumentException("image " + n + " has label index " + targets[n]);
            }
            this.images[n] = images[n].clone();
        }
        this.targets = targets.clone();
    }

    public String name() {
        return name;
    }

    public List<String> labels() {
        return labels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Pixels per image: the network's input count. */
    public int pixels() {
        return height * width;
    }

    public int size() {
        return images.length;
    }

    /** Image {@code n} (0-based), row-major; a copy. */
    public double[] image(int n) {
        return images[n].clone();
    }

    /** Pixel {@code i} (row-major index) of image {@code n}, without copying. */
    public double pixel(int n, int i) {
        return images[n][i];
    }

    /** The label index of image {@code n}. */
    public int target(int n) {
        return targets[n];
    }

    public String labelOf(int n) {
        return labels.get(targets[n]);
    }

    /** Images per label, in label order. */
    public int[] countsPerLabel() {
        int[] counts = new int[labels.size()];
        for (int t : targets) {
            counts[t]++;
        }
        return counts;
    }

    /** True when every pixel is exactly 0 or 1 (a black/white bitmap). */
    public boolean isBinary() {
        for (double[] img : images) {
            for (double v : img) {
                if (v != 0.0 && v != 1.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Shape as the book writes it: "5×4". */
    public String shapeText() {
        return height + "×" + width;
    }

    /**
     * "sha256:" and the SHA-256 of the content in hex: the labels, the shape, and every image's label index
     * and pixels (as the bits of their doubles), in order. The same data give the same hash wherever they were
     * read from; the name is not part of it. Computed once.
     */
    public String contentHash() {
        String h = hash;
        if (h == null) {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                md.update(String.join("\n", labels).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 * (pixels() + 2));
                buf.putInt(height).putInt(width).flip();
                md.update(buf);
                for (int n = 0; n < images.length; n++) {
                    buf.clear();
                    buf.putLong(targets[n]);
                    for (double v : images[n]) {
                        buf.putLong(Double.doubleToLongBits(v));
                    }
                    buf.flip();
                    md.update(buf);
                }
                h = "sha256:" + java.util.HexFormat.of().formatHex(md.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java platform", e);
            }
            hash = h;
        }
        return h;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Dataset)) {
            return false;
        }
        Dataset d = (Dataset) o;
        return labels.equals(d.labels) && height == d.height && width == d.width
                && Arrays.deepEquals(images, d.images) && Arrays.equals(targets, d.targets);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(images) * 31 + Arrays.hashCode(targets);
    }
}
