package io.github.shikumi.format;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of MNIST and Fashion-MNIST: an images file (magic number 0x00000803: unsigned bytes, 3
 * dimensions: count, rows, columns) and a labels file (0x00000801: unsigned bytes, 1 dimension: count), each
 * gzip-compressed or not (told by the gzip magic bytes 1f 8b, not by the name), big-endian header. Grey levels
 * 0…255 become pixels 0…1 (v / 255); label values 0…K−1 become the labels "0" … "K−1". Every error names the
 * file: wrong magic number, unsupported data type, truncated data, extra bytes, count mismatch.
 *
 * <p>{@code idx:DIR} names a folder holding {@code train-images-idx3-ubyte[.gz]},
 * {@code train-labels-idx1-ubyte[.gz]} and optionally {@code t10k-…} files (the layout of Debian's
 * {@code /usr/share/datasets/fashion-mnist}); {@code idx:IMAGES,LABELS} names two files.
 */
public final class Idx {
    /** The prefix of IDX data specifications: {@code idx:DIR} or {@code idx:IMAGES,LABELS}. */
    public static final String PREFIX = "idx:";

    private static final int UNSIGNED_BYTE = 0x08;

    private Idx() {
    }

    /** A training set and, when the folder has one, a test set. */
    public record Split(Dataset train, Dataset test) {
    }

    /**
     * Reads {@code idx:DIR} (train-* and t10k-*) or {@code idx:IMAGES,LABELS} (training set only).
     *
     * @param spec {@code idx:DIR} or {@code idx:IMAGES,LABELS} (the prefix may be left out)
     * @return the training set, and the test set when the folder has t10k-* files (else null)
     * @throws ShikumiException naming {@code spec} when it is malformed ({@link Msg#IDX_SPEC}), the folder when
     *                          it does not exist ({@link Msg#FILE_NOT_FOUND}) or lacks the train-* files
     *                          ({@link Msg#IDX_DIR_FILES}), or the file at fault when one is not valid IDX
     */
    public static Split open(String spec) {
        String rest = spec.startsWith(PREFIX) ? spec.substring(PREFIX.length()) : spec;
        if (rest.isEmpty()) {
            throw new ShikumiException(spec, Msg.IDX_SPEC);
        }
        String[] parts = rest.split(",", -1);
        if (parts.length == 2) {
            return new Split(read(Path.of(parts[0]), Path.of(parts[1]), -1), null);
        }
        if (parts.length != 1) {
            throw new ShikumiException(spec, Msg.IDX_SPEC);
        }
        Path dir = Path.of(rest);
        if (!Files.isDirectory(dir)) {
            throw new ShikumiException(rest, Files.exists(dir) ? Msg.IDX_SPEC : Msg.FILE_NOT_FOUND);
        }
        Path trainImages = find(dir, "train-images-idx3-ubyte");
        Path trainLabels = find(dir, "train-labels-idx1-ubyte");
        if (trainImages == null || trainLabels == null) {
            throw new ShikumiException(dir.toString(), Msg.IDX_DIR_FILES, "train-images-idx3-ubyte[.gz]",
                    "train-labels-idx1-ubyte[.gz]");
        }
        Dataset train = read(trainImages, trainLabels, -1);
        Path testImages = find(dir, "t10k-images-idx3-ubyte");
        Path testLabels = find(dir, "t10k-labels-idx1-ubyte");
        Dataset test = testImages == null || testLabels == null ? null
                : read(testImages, testLabels, train.labels().size());
        return new Split(train, test);
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base, base + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Reads an images file and its labels file.
     *
     * @param classes the number of labels ("0" … classes−1), or −1 for the largest label value + 1
     *                (at least 2)
     * @param imagesFile an IDX file of unsigned bytes with 3 dimensions (count, rows, columns), optionally gzipped
     * @param labelsFile an IDX file of unsigned bytes with 1 dimension (count), optionally gzipped
     * @return the images, as grey levels v / 255, labelled "0" … classes−1
     * @throws ShikumiException naming the file at fault: unreadable, wrong magic number or data type,
     *                          truncated, extra bytes, too large, or counts of images and labels that differ
     */
    public static Dataset read(Path imagesFile, Path labelsFile, int classes) {
        byte[] images = bytes(imagesFile);
        byte[] labels = bytes(labelsFile);
        int[] imgDims = header(imagesFile, images, 3, 0x0803);
        int[] lblDims = header(labelsFile, labels, 1, 0x0801);
        int count = imgDims[0];
        int rows = imgDims[1];
        int cols = imgDims[2];
        long pixels = (long) rows * cols;
        checkLength(imagesFile, images, 16, count * pixels);
        checkLength(labelsFile, labels, 8, lblDims[0]);
        if (lblDims[0] != count) {
            throw new ShikumiException(labelsFile.toString(), Msg.IDX_COUNTS, lblDims[0], count, imagesFile.toString());
        }
        if (count == 0) {
            throw new ShikumiException(imagesFile.toString(), Msg.DATA_EMPTY);
        }
        if (rows < 1 || cols < 1) {
            throw new ShikumiException(imagesFile.toString(), Msg.IDX_DIMENSIONS, rows < 1 ? rows : cols, rows < 1 ? 2 : 3);
        }
        int max = 0;
        int[] targets = new int[count];
        for (int n = 0; n < count; n++) {
            targets[n] = labels[8 + n] & 0xff;
            max = Math.max(max, targets[n]);
        }
        int k = classes > 0 ? classes : Math.max(2, max + 1);
        if (max >= k) {
            for (int n = 0; n < count; n++) {
                if (targets[n] >= k) {
                    throw new ShikumiException(labelsFile.toString(), Msg.IDX_LABEL_RANGE, targets[n], String.valueOf(n + 1), k - 1);
                }
            }
        }
        long need = (long) count * pixels + 16; // the images' grey levels, kept as one byte per pixel
        long have = Runtime.getRuntime().maxMemory();
        if (need > have / 10 * 9) {
            throw new ShikumiException(imagesFile.toString(), Msg.SIZE_TOO_LARGE, count + " × " + rows + "×" + cols + " images",
                    need / 1_000_000, have / 1_000_000);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(String.valueOf(c));
        }
        // grey level 0…255 → pixel v / 255, kept as the file's bytes (one byte per pixel, no double[][] copy)
        return Dataset.ofGreyLevels(imagesFile.toString(), names, rows, cols, images, 16, targets);
    }

    /**
     * Most bytes of one IDX file, packed or unpacked: 200 MB, four times Fashion-MNIST's training images (47 MB).
     * A gzip that unpacks to more is refused while it is read, before it fills the memory.
     */
    public static final long MAX_BYTES = 200_000_000L;

    /** The largest gzip trailer size taken as the buffer's size (above it, the buffer grows as the data come). */
    private static final long TRUSTED_HINT = 64_000_000L;

    /** The file's bytes, gunzipped when they start with the gzip magic bytes; at most {@link #MAX_BYTES}. */
    private static byte[] bytes(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ShikumiException(file.toString(), Msg.IDX_TOO_LARGE, MAX_BYTES / 1_000_000);
            }
            byte[] raw = Files.readAllBytes(file);
            if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 1 << 16)) {
                    // the gzip trailer's last 4 bytes give the unpacked size (mod 2^32): unpack straight into an
                    // array of that size in one call (7x faster than growing one). A cut or forged file's "trailer"
                    // is any 4 bytes, so the size is a hint, checked after reading and used only while it is no more
                    // than deflate can give from this many bytes (1032 to 1) and no more than TRUSTED_HINT
                    long hint = raw.length >= 18 ? readIntLe(raw, raw.length - 4) & 0xffffffffL : 0;
                    if (hint > TRUSTED_HINT || hint > 1032L * raw.length) {
                        hint = 0;
                    }
                    byte[] out = new byte[(int) hint];
                    int got = in.readNBytes(out, 0, out.length);
                    int next = in.read();
                    if (got == out.length && next < 0) {
                        return out;
                    }
                    // shorter or longer than the trailer said (several gzip members): read it the general way
                    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                    all.write(out, 0, got);
                    if (next >= 0) {
                        all.write(next);
                        byte[] rest = in.readNBytes((int) (MAX_BYTES + 1 - all.size()));
                        all.write(rest, 0, rest.length);
                    }
                    if (all.size() > MAX_BYTES) {
                        throw new ShikumiException(file.toString(), Msg.IDX_TOO_LARGE, MAX_BYTES / 1_000_000);
                    }
                    return all.toByteArray();
                } catch (EOFException e) {
                    throw new ShikumiException(file.toString(), Msg.IDX_GZIP_TRUNCATED);
                }
            }
            return raw;
        } catch (NoSuchFileException e) {
            throw new ShikumiException(file.toString(), Msg.FILE_NOT_FOUND);
        } catch (IOException e) {
            throw new ShikumiException(file.toString(), Msg.FILE_UNREADABLE, String.valueOf(e.getMessage()));
        }
    }

    private static int readIntLe(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    /** Checks the magic number (type and dimension count) and returns the dimensions. */
    private static int[] header(Path file, byte[] b, int dims, int expectedMagic) {
        if (b.length < 4) {
            throw new ShikumiException(file.toString(), Msg.IDX_TRUNCATED, b.length, 4 + 4 * dims);
        }
        int magic = readInt(b, 0);
        if (magic != expectedMagic) {
            if ((magic >>> 16) == 0 && (magic & 0xff) == dims && ((magic >> 8) & 0xff) != UNSIGNED_BYTE) {
                throw new ShikumiException(file.toString(), Msg.IDX_TYPE, hex2((magic >> 8) & 0xff));
            }
            throw new ShikumiException(file.toString(), Msg.IDX_MAGIC, hex8(magic), hex8(expectedMagic),
                    dims == 3 ? "images" : "labels");
        }
        if (b.length < 4 + 4 * dims) {
            throw new ShikumiException(file.toString(), Msg.IDX_TRUNCATED, b.length, 4 + 4 * dims);
        }
        int[] d = new int[dims];
        for (int i = 0; i < dims; i++) {
            d[i] = readInt(b, 4 + 4 * i);
            if (d[i] < 0) {
                throw new ShikumiException(file.toString(), Msg.IDX_DIMENSIONS, d[i], i + 1);
            }
        }
        return d;
    }

    private static void checkLength(Path file, byte[] b, int headerBytes, long dataBytes) {
        long expected = headerBytes + dataBytes;
        if (b.length < expected) {
            throw new ShikumiException(file.toString(), Msg.IDX_TRUNCATED, b.length, expected);
        }
        if (b.length > expected) {
            throw new ShikumiException(file.toString(), Msg.IDX_EXTRA, b.length - expected, expected);
        }
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static String hex8(int v) {
        return String.format("0x%08X", v);
    }

    private static String hex2(int v) {
        return String.format("0x%02X", v);
    }
}
