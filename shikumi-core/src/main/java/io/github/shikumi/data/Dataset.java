package io.github.shikumi.data;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled images of one shape: {@code size()} images of {@code height × width} pixels in [0, 1]
 * (1 = black), each with a label index into {@code labels()}. Immutable. The pixels are held in one flat
 * array: doubles, or for grey-level data (IDX files) one byte per pixel, read as v / 255 — 60,000 images
 * of 28×28 take 47 MB instead of 376 MB, with the same double values.
 */
public final class Dataset {
    /** (float) (v / 255.0) for every grey level v: the float path's pixels, the same as rounding {@link #pixel}. */
    private static final float[] GREY_FLOAT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            GREY_FLOAT[v] = (float) (v / 255.0);
        }
    }

    private final String name;
    private final List<String> labels;
    private final int height;
    private final int width;
    private final int pixels;
    /** Row-major pixels of all images, or null when {@link #grey} holds them. */
    private final double[] values;
    /** Grey levels 0…255 of all images (pixel = v / 255), or null. */
    private final byte[] grey;
    private final int[] targets;
    private volatile String hash;

    /**
     * Images given as doubles.
     *
     * @param name    where the data came from (a bundled name or a file), used in messages
     * @param labels  the label names, in output order
     * @param height  rows of pixels per image
     * @param width   pixels per row
     * @param images  one row-major array of {@code height*width} pixels per image (copied)
     * @param targets the label index of each image
     * @throws IllegalArgumentException when an image has not {@code height*width} pixels, {@code images} and
     *                                  {@code targets} differ in length, or a label index is out of range
     */
    public Dataset(String name, List<String> labels, int height, int width, double[][] images, int[] targets) {
        this(name, labels, height, width, flatten(images, height * width), null, images.length, targets);
    }

    private Dataset(String name, List<String> labels, int height, int width, double[] values, byte[] grey, int count,
                    int[] targets) {
        if (count != targets.length) {
            throw new IllegalArgumentException("images and targets differ in length");
        }
        this.name = name;
        this.labels = List.copyOf(labels);
        this.height = height;
        this.width = width;
        this.pixels = height * width;
        for (int n = 0; n < targets.length; n++) {
            if (targets[n] < 0 || targets[n] >= labels.size()) {
                throw new IllegalArgumentException("image " + n + " has label index " + targets[n]);
            }
        }
        this.values = values;
        this.grey = grey;
        this.targets = targets.clone();
    }

    /**
     * Grey-level images (as in IDX files): image n's pixel i is {@code (grey[offset + n·height·width + i] & 0xff) / 255}.
     * The bytes are copied.
     *
     * @param name    where the data came from (a bundled name or a file), used in messages
     * @param labels  the label names, in output order
     * @param height  rows of pixels per image
     * @param width   pixels per row
     * @param grey    grey levels 0…255 (as unsigned bytes), row-major, image after image
     * @param offset  where the first image's first pixel is in {@code grey}
     * @param targets the label index of each image; its length is the number of images
     * @return the dataset, holding one byte per pixel
     * @throws IllegalArgumentException when {@code grey} has too few bytes from {@code offset} on, or a label
     *                                  index is out of range
     */
    public static Dataset ofGreyLevels(String name, List<String> labels, int height, int width, byte[] grey, int offset,
                                       int[] targets) {
        long size = (long) targets.length * height * width;
        if (offset < 0 || offset + size > grey.length) {
            throw new IllegalArgumentException(targets.length + " images of " + height + "x" + width + " need " + size
                    + " bytes from " + offset + ", got " + grey.length);
        }
        byte[] copy = java.util.Arrays.copyOfRange(grey, offset, offset + (int) size);
        return new Dataset(name, labels, height, width, null, copy, targets.length, targets);
    }

    private static double[] flatten(double[][] images, int pixels) {
        double[] flat = new double[Math.multiplyExact(images.length, pixels)];
        for (int n = 0; n < images.length; n++) {
            if (images[n].length != pixels) {
                throw new IllegalArgumentException("image " + n + " has " + images[n].length + " pixels");
            }
            System.arraycopy(images[n], 0, flat, n * pixels, pixels);
        }
        return flat;
    }

    /**
     * Where the data came from.
     *
     * @return a bundled name or a file name, as used in messages and in a model's provenance
     */
    public String name() {
        return name;
    }

    /**
     * The label names.
     *
     * @return the labels in output order (unmodifiable)
     */
    public List<String> labels() {
        return labels;
    }

    /**
     * Rows of pixels per image.
     *
     * @return the images' height
     */
    public int height() {
        return height;
    }

    /**
     * Pixels per row.
     *
     * @return the images' width
     */
    public int width() {
        return width;
    }

    /**
     * Pixels per image: the network's input count.
     *
     * @return height × width
     */
    public int pixels() {
        return pixels;
    }

    /**
     * Number of images.
     *
     * @return the image count
     */
    public int size() {
        return targets.length;
    }

    /**
     * Image {@code n} (0-based), row-major; a copy.
     *
     * @param n the image number, 0 … size() − 1
     * @return a new array of its {@link #pixels()} pixels, each from 0 to 1 (1 = black)
     * @throws IndexOutOfBoundsException when there is no image {@code n}
     */
    public double[] image(int n) {
        double[] out = new double[pixels];
        for (int i = 0; i < pixels; i++) {
            out[i] = pixel(n, i);
        }
        return out;
    }

    /**
     * Pixel {@code i} (row-major index) of image {@code n}, without copying.
     *
     * @param n the image number, 0 … size() − 1
     * @param i the pixel's row-major index, row · width + column
     * @return the pixel's value x_i, from 0 to 1 (1 = black)
     * @throws IndexOutOfBoundsException when there is no image {@code n}
     */
    public double pixel(int n, int i) {
        checkImage(n);
        return grey != null ? (grey[n * pixels + i] & 0xff) / 255.0 : values[n * pixels + i];
    }

    /**
     * Image {@code n}'s pixels rounded to floats, written into {@code dst[0 … pixels())} (the float path's rows).
     *
     * @param n   the image number, 0 … size() − 1
     * @param dst receives the pixels; at least {@link #pixels()} long
     * @throws IndexOutOfBoundsException when there is no image {@code n}
     */
    public void pixels(int n, float[] dst) {
        checkImage(n);
        int base = n * pixels;
        if (grey != null) {
            for (int i = 0; i < pixels; i++) {
                dst[i] = GREY_FLOAT[grey[base + i] & 0xff];
            }
        } else {
            for (int i = 0; i < pixels; i++) {
                dst[i] = (float) values[base + i];
            }
        }
    }

    private void checkImage(int n) {
        if (n < 0 || n >= targets.length) {
            throw new IndexOutOfBoundsException("image " + n + " of " + targets.length);
        }
    }

    /**
     * The label index of image {@code n}.
     *
     * @param n the image number, 0 … size() − 1
     * @return the index into {@link #labels()} (and the output unit whose target t is 1)
     */
    public int target(int n) {
        return targets[n];
    }

    /**
     * The label name of image {@code n}.
     *
     * @param n the image number, 0 … size() − 1
     * @return its label, from {@link #labels()}
     */
    public String labelOf(int n) {
        return labels.get(targets[n]);
    }

    /**
     * Images per label, in label order.
     *
     * @return a new array: element k is the number of images labelled {@code labels().get(k)}
     */
    public int[] countsPerLabel() {
        int[] counts = new int[labels.size()];
        for (int t : targets) {
            counts[t]++;
        }
        return counts;
    }

    /**
     * True when every pixel is exactly 0 or 1 (a black/white bitmap).
     *
     * @return whether the data are binary
     */
    public boolean isBinary() {
        for (int n = 0; n < size(); n++) {
            for (int i = 0; i < pixels; i++) {
                double v = pixel(n, i);
                if (v != 0.0 && v != 1.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Shape as the book writes it: "5×4".
     *
     * @return height × width, as text
     */
    public String shapeText() {
        return height + "×" + width;
    }

    /**
     * "sha256:" and the SHA-256 of the content in hex: the labels (joined by newlines, UTF-8), the height and width
     * (4-byte big-endian ints), then the pixels' form and every image's label index (a 4-byte int) and pixels. When
     * every pixel is a grey level v / 255 (v = 0…255, as in IDX files and the book's 0/1 bitmaps), the form is the
     * byte {@code 'g'} and each pixel one byte, v; otherwise {@code 'd'} and each pixel the 8 big-endian bytes of
     * its double's bits. The same data give the same hash wherever they were read from (a CSV of grey levels as an
     * IDX file); the name is not part of it. Computed once: 60,000 Fashion-MNIST images are 47 MB to hash, not the
     * 376 MB of their doubles.
     *
     * @return {@code "sha256:"} followed by 64 hex digits
     */
    public String contentHash() {
        String h = hash;
        if (h == null) {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                md.update(String.join("\n", labels).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                byte[] greyForm = grey != null ? grey : greyLevels(values);
                md.update(java.nio.ByteBuffer.allocate(9).putInt(height).putInt(width)
                        .put((byte) (greyForm != null ? 'g' : 'd')).array());
                byte[] label = new byte[4];
                byte[] row = greyForm != null ? null : new byte[8 * pixels];
                for (int n = 0; n < targets.length; n++) {
                    BIG_ENDIAN_INTS.set(label, 0, targets[n]);
                    md.update(label);
                    if (greyForm != null) {
                        md.update(greyForm, n * pixels, pixels); // v for each pixel v / 255
                    } else {
                        md.update(doubleBits(n, row)); // the pixels' doubles as 8-byte big-endian longs
                    }
                }
                h = "sha256:" + java.util.HexFormat.of().formatHex(md.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java platform", e);
            }
            hash = h;
        }
        return h;
    }

    private static final java.lang.invoke.VarHandle BIG_ENDIAN_INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle BIG_ENDIAN_LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /** The grey level v of each double that is exactly v / 255.0 (its bits, so not −0), or null if one is not. */
    private static byte[] greyLevels(double[] values) {
        byte[] g = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            long k = Math.round(v * 255.0);
            if (k < 0 || k > 255 || Double.doubleToRawLongBits(k / 255.0) != Double.doubleToRawLongBits(v)) {
                return null;
            }
            g[i] = (byte) k;
        }
        return g;
    }

    /** Image n's pixels' doubles as bits in {@code row}; a method of its own, compiled as one. */
    private byte[] doubleBits(int n, byte[] row) {
        int at = n * pixels;
        for (int i = 0; i < pixels; i++) {
            BIG_ENDIAN_LONGS.set(row, 8 * i, Double.doubleToLongBits(values[at + i]));
        }
        return row;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Dataset)) {
            return false;
        }
        Dataset d = (Dataset) o;
        if (!labels.equals(d.labels) || height != d.height || width != d.width || !Arrays.equals(targets, d.targets)) {
            return false;
        }
        if (grey != null && d.grey != null) {
            return Arrays.equals(grey, d.grey);
        }
        for (int n = 0; n < targets.length; n++) {
            for (int i = 0; i < pixels; i++) {
                if (Double.doubleToLongBits(pixel(n, i)) != Double.doubleToLongBits(d.pixel(n, i))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(targets) * 31 + labels.hashCode();
    }
}
