package io.github.shikumi.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.FashionMnist;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.text.ShikumiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files written byte by byte here (the format: big-endian magic, dimensions, then unsigned bytes). */
class IdxTest {
    @TempDir
    Path dir;

    /** Three 2×3 images with grey levels 0, 51, 255 … and labels 2, 0, 1. */
    static final int[][] PIXELS = {{0, 51, 255, 102, 0, 0}, {255, 255, 0, 0, 153, 204}, {1, 2, 3, 4, 5, 6}};
    static final int[] LABELS = {2, 0, 1};

    static byte[] images(int magic, int count, int rows, int cols, int[][] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length * rows * cols);
        b.putInt(magic).putInt(count).putInt(rows).putInt(cols);
        for (int[] img : pixels) {
            for (int v : img) {
                b.put((byte) v);
            }
        }
        return b.array();
    }

    static byte[] labels(int magic, int count, int[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(magic).putInt(count);
        for (int v : labels) {
            b.put((byte) v);
        }
        return b.array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static String message(Runnable r) {
        try {
            r.run();
        } catch (ShikumiException e) {
            return e.message(Locale.ENGLISH);
        }
        throw new AssertionError("expected a ShikumiException");
    }

    @Test
    void grey_levels_are_scaled_to_0_1_and_labels_named_by_their_value() throws IOException {
        Path img = write("i", images(0x803, 3, 2, 3, PIXELS));
        Path lbl = write("l", labels(0x801, 3, LABELS));
        Dataset d = Idx.read(img, lbl, -1);
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.height()).isEqualTo(2);
        assertThat(d.width()).isEqualTo(3);
        assertThat(d.labels()).containsExactly("0", "1", "2");
        assertThat(d.image(0)).containsExactly(0.0, 0.2, 1.0, 0.4, 0.0, 0.0);
        assertThat(d.image(1)).containsExactly(1.0, 1.0, 0.0, 0.0, 0.6, 0.8);
        assertThat(d.pixel(2, 5)).isEqualTo(6 / 255.0);
        assertThat(Arrays.asList(d.target(0), d.target(1), d.target(2))).containsExactly(2, 0, 1);
        assertThat(d.name()).isEqualTo(img.toString());
    }

    @Test
    void gzip_files_read_the_same_as_plain_ones() throws IOException {
        Path img = write("i.gz", gzip(images(0x803, 3, 2, 3, PIXELS)));
        Path lbl = write("l.gz", gzip(labels(0x801, 3, LABELS)));
        Dataset plain = Idx.read(write("i", images(0x803, 3, 2, 3, PIXELS)), write("l", labels(0x801, 3, LABELS)), -1);
        Dataset zipped = Idx.read(img, lbl, -1);
        assertThat(zipped).isEqualTo(plain);
    }

    /**
     * The gzip trailer's size is only a hint for the buffer: a file of two gzip members (whose trailer gives
     * only the last member's size) reads whole, and a trailer that claims more than the limit is refused, naming the file.
     */
    @Test
    void a_gzip_of_two_members_reads_whole_and_a_lying_trailer_is_refused() throws IOException {
        byte[] full = images(0x803, 3, 2, 3, PIXELS);
        byte[] a = gzip(Arrays.copyOfRange(full, 0, 10));
        byte[] b = gzip(Arrays.copyOfRange(full, 10, full.length));
        byte[] two = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, two, a.length, b.length);
        Path lbl = write("l2", labels(0x801, 3, LABELS));
        Dataset plain = Idx.read(write("i2", full), lbl, -1);
        assertThat(Idx.read(write("i2.gz", two), lbl, -1)).isEqualTo(plain);

        byte[] lying = gzip(full);
        int at = lying.length - 4;
        long claim = Idx.MAX_BYTES + 1;
        for (int k = 0; k < 4; k++) {
            lying[at + k] = (byte) (claim >>> (8 * k));
        }
        Path liar = write("liar.gz", lying);
        assertThatThrownBy(() -> Idx.read(liar, lbl, -1)).isInstanceOf(ShikumiException.class)
                .hasMessageContaining(liar.toString());
    }

    @Test
    void a_folder_gives_its_training_and_test_sets() throws IOException {
        write("train-images-idx3-ubyte.gz", gzip(images(0x803, 3, 2, 3, PIXELS)));
        write("train-labels-idx1-ubyte.gz", gzip(labels(0x801, 3, LABELS)));
        write("t10k-images-idx3-ubyte", images(0x803, 1, 2, 3, new int[][] {PIXELS[1]}));
        write("t10k-labels-idx1-ubyte", labels(0x801, 1, new int[] {0}));
        Idx.Split split = Idx.open("idx:" + dir);
        assertThat(split.train().size()).isEqualTo(3);
        assertThat(split.test().size()).isEqualTo(1);
        assertThat(split.test().labels()).isEqualTo(split.train().labels());
        assertThat(split.test().image(0)).containsExactly(split.train().image(1));
        // any other command reading idx:DIR gets the test set
        assertThat(Datasets.load("idx:" + dir, null)).isEqualTo(split.test());
        // two files name a training set
        Idx.Split files = Idx.open("idx:" + dir.resolve("train-images-idx3-ubyte.gz") + "," + dir.resolve("train-labels-idx1-ubyte.gz"));
        assertThat(files.train()).isEqualTo(split.train());
        assertThat(files.test()).isNull();
    }

    @Test
    void a_truncated_file_is_rejected_naming_it() throws IOException {
        byte[] full = images(0x803, 3, 2, 3, PIXELS);
        Path img = write("short-images", Arrays.copyOf(full, full.length - 1));
        Path lbl = write("l", labels(0x801, 3, LABELS));
        assertThat(message(() -> Idx.read(img, lbl, -1)))
                .isEqualTo(img + ": the file is truncated: 33 bytes, expected 34");
        Path head = write("head-only", Arrays.copyOf(full, 10));
        assertThat(message(() -> Idx.read(head, lbl, -1)))
                .isEqualTo(head + ": the file is truncated: 10 bytes, expected 16");
        byte[] zipped = gzip(full);
        Path cut = write("cut.gz", Arrays.copyOf(zipped, zipped.length - 12));
        assertThat(message(() -> Idx.read(cut, lbl, -1)))
                .isEqualTo(cut + ": the gzip data end early (the file is truncated)");
    }

    @Test
    void extra_bytes_after_the_data_are_rejected() throws IOException {
        byte[] full = images(0x803, 3, 2, 3, PIXELS);
        Path img = write("long", Arrays.copyOf(full, full.length + 2));
        Path lbl = write("l", labels(0x801, 3, LABELS));
        assertThat(message(() -> Idx.read(img, lbl, -1)))
                .isEqualTo(img + ": 2 bytes after the data (the header says 34 bytes)");
    }

    @Test
    void a_wrong_magic_number_is_rejected_naming_the_file() throws IOException {
        Path img = write("i", images(0x803, 3, 2, 3, PIXELS));
        Path lbl = write("l", labels(0x801, 3, LABELS));
        // the files swapped: a labels file where images are expected
        assertThat(message(() -> Idx.read(lbl, img, -1)))
                .isEqualTo(lbl + ": magic number 0x00000801, expected 0x00000803 (an IDX images file of unsigned bytes)");
        Path text = write("text", "hello, this is not IDX".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(message(() -> Idx.read(img, text, -1)))
                .startsWith(text + ": magic number 0x68656C6C, expected 0x00000801");
        Path floats = write("floats", images(0x0D03, 3, 2, 3, PIXELS));
        assertThat(message(() -> Idx.read(floats, lbl, -1)))
                .isEqualTo(floats + ": IDX data type 0x0D is not supported (expected unsigned bytes, 0x08)");
    }

    @Test
    void label_count_must_equal_image_count() throws IOException {
        Path img = write("i", images(0x803, 3, 2, 3, PIXELS));
        Path lbl = write("l", labels(0x801, 2, new int[] {1, 0}));
        assertThat(message(() -> Idx.read(img, lbl, -1)))
                .isEqualTo(lbl + ": 2 labels, but " + img + " has 3 images");
    }

    @Test
    void a_test_label_beyond_the_training_labels_is_rejected() throws IOException {
        Path img = write("i", images(0x803, 3, 2, 3, PIXELS));
        Path lbl = write("l", labels(0x801, 3, new int[] {0, 7, 1}));
        assertThat(message(() -> Idx.read(img, lbl, 3)))
                .isEqualTo(lbl + ": label 7 of item 2 is out of range: the training set has labels 0 to 2");
    }

    @Test
    void a_folder_without_training_files_is_rejected() {
        assertThat(message(() -> Idx.open("idx:" + dir)))
                .isEqualTo(dir + ": the folder has no IDX training files (expected train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz])");
        assertThat(message(() -> Idx.open("idx:" + dir.resolve("missing")))).isEqualTo(dir.resolve("missing") + ": file not found");
        assertThat(message(() -> Idx.open("idx:a,b,c"))).isEqualTo("idx:a,b,c: expected idx:FOLDER or idx:IMAGES,LABELS");
    }

    @Test
    void messages_exist_in_japanese() throws IOException {
        Path img = write("i", images(0x803, 3, 2, 3, PIXELS));
        Path lbl = write("l", labels(0x801, 2, new int[] {1, 0}));
        try {
            Idx.read(img, lbl, -1);
            throw new AssertionError("no exception");
        } catch (ShikumiException e) {
            assertThat(e.message(Locale.JAPANESE)).isEqualTo(lbl + ": ラベルは 2 個ですが、" + img + " の画像は 3 枚です");
        }
    }

    @Test
    void debians_fashion_mnist_reads_as_60000_and_10000_images_of_28x28() {
        Idx.Split split = FashionMnist.split();
        assertThat(split.train().size()).isEqualTo(60000);
        assertThat(split.test().size()).isEqualTo(10000);
        assertThat(split.train().shapeText()).isEqualTo("28×28");
        assertThat(split.train().labels()).isEqualTo(FashionMnist.digits());
        assertThat(split.train().countsPerLabel()).containsOnly(6000);
        assertThat(split.test().countsPerLabel()).containsOnly(1000);
        // the first training image is an ankle boot (label 9), as in the dataset's own documentation
        assertThat(split.train().target(0)).isEqualTo(9);
    }

    @Test
    void a_gzip_that_unpacks_beyond_the_limit_is_refused_while_it_is_read() throws IOException {
        // 250 MB of zeros after a header claiming 250,000 images of 1,000 pixels: about 250 KB packed
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(ByteBuffer.allocate(16).putInt(0x803).putInt(250_000).putInt(1).putInt(1000).array());
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 250; i++) {
                z.write(zeros);
            }
        }
        Path img = write("bomb.gz", out.toByteArray());
        Path lbl = write("l", labels(0x801, 3, LABELS));
        assertThat(message(() -> Idx.read(img, lbl, -1)))
                .isEqualTo(img + ": holds more than 200 MB of data (unpacked): more than shikumi reads from one IDX file");
    }
}
