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
