package io.github.shikumi.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Grey-level data kept as bytes read exactly as the doubles v / 255 they stand for, and as their floats. */
class CompactPixelsTest {
    @Test
    void every_grey_level_reads_as_v_over_255_and_its_float() {
        byte[] grey = new byte[3 + 256];
        for (int v = 0; v < 256; v++) {
            grey[3 + v] = (byte) v;
        }
        Dataset bytes = Dataset.ofGreyLevels("g", List.of("a", "b"), 16, 16, grey, 3, new int[] {1});
        double[][] doubles = new double[1][256];
        for (int v = 0; v < 256; v++) {
            doubles[0][v] = v / 255.0;
        }
        Dataset same = new Dataset("d", List.of("a", "b"), 16, 16, doubles, new int[] {1});
        float[] f = new float[256];
        bytes.pixels(0, f);
        for (int v = 0; v < 256; v++) {
            assertThat(bytes.pixel(0, v)).isEqualTo(v / 255.0);
            assertThat(f[v]).isEqualTo((float) (v / 255.0));
        }
        assertThat(bytes).isEqualTo(same);
        assertThat(bytes.contentHash()).isEqualTo(same.contentHash());
        assertThat(bytes.image(0)).containsExactly(doubles[0]);
        assertThat(bytes.isBinary()).isFalse();
    }

    /**
     * The content hash is the SHA-256 of the stream its documentation describes, written here the plain way: the
     * labels joined by newlines, height and width as 4-byte ints, the form ('g' when every pixel is a grey level
     * v / 255, else 'd'), then per image its label index as a 4-byte int and its pixels (one byte v each, or the
     * doubles' 8-byte big-endian bits). Grey levels read as bytes and the same values given as doubles hash alike;
     * one −0 (not the bits of 0 / 255) or one value between two levels makes the doubles' form. 400 images of 28×28.
     */
    @Test
    void the_content_hash_is_the_sha256_of_the_documented_stream_for_bytes_and_doubles() throws Exception {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int n = 400;
        int px = 28 * 28;
        byte[] grey = new byte[n * px];
        double[][] doubles = new double[n][px];
        int[] targets = new int[n];
        for (int k = 0; k < n; k++) {
            targets[k] = r.nextInt(3);
            for (int i = 0; i < px; i++) {
                grey[k * px + i] = (byte) r.nextInt(256);
                doubles[k][i] = (grey[k * px + i] & 0xff) / 255.0;
            }
        }
        List<String> labels = List.of("T-shirt", "ズボン", "c");
        String expected = sha256(labels, 28, 28, targets, 'g', k -> java.util.Arrays.copyOfRange(grey, k * px, (k + 1) * px));
        assertThat(Dataset.ofGreyLevels("g", labels, 28, 28, grey, 0, targets).contentHash()).isEqualTo(expected);
        assertThat(new Dataset("d", labels, 28, 28, doubles, targets).contentHash()).isEqualTo(expected);
        for (double odd : new double[] {-0.0, 0.5, Math.nextUp(1.0 / 255.0), Double.NaN, 2.0}) {
            double[][] other = new double[n][];
            for (int k = 0; k < n; k++) {
                other[k] = doubles[k].clone();
            }
            other[5][7] = odd; // the doubles' own bits, not their values: −0 is not 0
            String expectedDoubles = sha256(labels, 28, 28, targets, 'd', k -> {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * px);
                for (double v : other[k]) {
                    b.putLong(Double.doubleToLongBits(v));
                }
                return b.array();
            });
            assertThat(new Dataset("d", labels, 28, 28, other, targets).contentHash()).as("%s", odd)
                    .isEqualTo(expectedDoubles).isNotEqualTo(expected);
        }
    }

    private static String sha256(List<String> labels, int height, int width, int[] targets, char form,
                                 java.util.function.IntFunction<byte[]> pixels) throws Exception {
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        md.update(String.join("\n", labels).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update(java.nio.ByteBuffer.allocate(9).putInt(height).putInt(width).put((byte) form).array());
        for (int k = 0; k < targets.length; k++) {
            md.update(java.nio.ByteBuffer.allocate(4).putInt(targets[k]).array());
            md.update(pixels.apply(k));
        }
        return "sha256:" + java.util.HexFormat.of().formatHex(md.digest());
    }

    @Test
    void the_bytes_are_copied_and_their_count_is_checked() {
        byte[] grey = {0, (byte) 255, 0, (byte) 255};
        Dataset d = Dataset.ofGreyLevels("g", List.of("a"), 2, 2, grey, 0, new int[] {0});
        grey[0] = 7;
        assertThat(d.pixel(0, 0)).isEqualTo(0.0);
        assertThat(d.isBinary()).isTrue();
        assertThatThrownBy(() -> Dataset.ofGreyLevels("g", List.of("a"), 2, 2, grey, 1, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 4 bytes from 1, got 4");
        assertThatThrownBy(() -> d.pixel(1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
