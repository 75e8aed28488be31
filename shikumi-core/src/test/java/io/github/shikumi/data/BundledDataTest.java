package io.github.shikumi.data;

import io.github.shikumi.format.Datasets;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.format.BitmapText;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled datasets are what the README and the issue say they are. */
class BundledDataTest {
    private static Set<String> images(Dataset d) {
        Set<String> set = new HashSet<>();
        for (int n = 0; n < d.size(); n++) {
            set.add(Arrays.toString(d.image(n)));
        }
        return set;
    }

    @Test
    void aple_holds_32_distinct_images_of_each_letter_in_5_by_4() {
        Dataset aple = Datasets.bundled("aple");
        assertThat(aple.labels()).containsExactly("A", "P", "L", "E");
        assertThat(aple.height()).isEqualTo(5);
        assertThat(aple.width()).isEqualTo(4);
        assertThat(aple.size()).isEqualTo(128);
        assertThat(aple.countsPerLabel()).containsExactly(32, 32, 32, 32);
        assertThat(aple.isBinary()).isTrue();
        assertThat(images(aple)).as("all images distinct").hasSize(128);
    }

    @Test
    void aple_test_holds_at_least_32_images_none_of_them_in_aple() {
        Dataset aple = Datasets.bundled("aple");
        Dataset test = Datasets.bundled("aple-test");
        assertThat(test.labels()).isEqualTo(aple.labels());
        assertThat(test.height()).isEqualTo(5);
        assertThat(test.width()).isEqualTo(4);
        assertThat(test.size()).isGreaterThanOrEqualTo(32);
        Set<String> seen = images(aple);
        for (int n = 0; n < test.size(); n++) {
            assertThat(seen).as("aple-test image %d (%s) is also in aple", n + 1, test.labelOf(n))
                    .doesNotContain(Arrays.toString(test.image(n)));
        }
    }

    @Test
    void zero_one_holds_at_least_32_images_of_0_and_1_in_4_by_3() {
        Dataset d = Datasets.bundled("zero-one");
        assertThat(d.labels()).containsExactly("0", "1");
        assertThat(d.height()).isEqualTo(4);
        assertThat(d.width()).isEqualTo(3);
        assertThat(d.size()).isGreaterThanOrEqualTo(32);
        assertThat(d.isBinary()).isTrue();
    }

    @Test
    void every_bundled_set_loads_by_name_and_survives_a_text_round_trip() {
        for (String name : Datasets.BUNDLED) {
            Dataset d = Datasets.load(name, null);
            assertThat(d).isEqualTo(Datasets.bundled(name));
            assertThat(BitmapText.parse(name, Datasets.bundledText(name))).isEqualTo(d);
        }
        assertThat(Datasets.BUNDLED).isEqualTo(List.of("aple", "aple-test", "zero-one"));
    }
}
