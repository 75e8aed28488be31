package io.github.shikumi.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.ShikumiException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** CSV with grey levels 0…255 (as the CSV versions of MNIST), scaled to 0…1. */
class CsvGreyLevelsTest {
    static final int[] ONE_BY_THREE = {1, 3};

    static Dataset read(String text) throws IOException {
        return CsvData.read("g.csv", new StringReader(text), ONE_BY_THREE);
    }

    static String error(String text) throws IOException {
        try {
            read(text);
        } catch (ShikumiException e) {
            return e.message(Locale.ENGLISH);
        }
        throw new AssertionError("expected a ShikumiException");
    }

    @Test
    void grey_levels_are_scaled_to_0_1() throws IOException {
        Dataset d = read("label,p1,p2,p3\na,0,255,51\nb,1,0,102\n");
        assertThat(d.image(0)).containsExactly(0.0, 1.0, 0.2);
        assertThat(d.image(1)).containsExactly(1 / 255.0, 0.0, 0.4);
    }

    @Test
    void values_from_0_to_1_stay_as_they_are() throws IOException {
        Dataset d = read("a,0,1,0.5\nb,1,0,0.25\n");
        assertThat(d.image(0)).containsExactly(0.0, 1.0, 0.5);
        assertThat(d.image(1)).containsExactly(1.0, 0.0, 0.25);
    }

    @Test
    void a_grey_level_above_255_is_out_of_range() throws IOException {
        assertThat(error("a,0,256,1\n")).isEqualTo("g.csv:1: field 3 is 256, expected a grey level from 0 to 255");
    }

    @Test
    void a_fraction_above_1_or_a_negative_value_is_out_of_range() throws IOException {
        assertThat(error("a,0,1.5,1\n")).isEqualTo("g.csv:1: field 3 is 1.5, expected a value from 0 to 1");
        assertThat(error("a,0,-3,1\n")).isEqualTo("g.csv:1: field 3 is -3, expected a value from 0 to 1");
    }

    @Test
    void fractions_and_grey_levels_in_one_file_are_rejected_at_the_fraction() throws IOException {
        assertThat(error("a,0,0.5,1\nb,0,200,3\n"))
                .isEqualTo("g.csv:1: field 3 is 0.5, but line 2 has grey levels from 0 to 255: write every pixel either"
                        + " from 0 to 1 or as a whole number from 0 to 255");
    }
}
