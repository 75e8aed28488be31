package io.github.shikumi.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.ShikumiException;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * CSV with grey levels 0…255 (as the CSV versions of MNIST), scaled to 0…1. The scale is the file's as a whole:
 * every pixel from 0 to 1, or grey levels when one is above 1; a file that mixes the two is refused.
 */
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

    @Test
    void a_black_and_white_file_with_a_stray_grey_level_is_refused_at_the_stray_value() throws IOException {
        assertThat(error("label,p1,p2,p3\na,0,1,1\nb,1,0,0\na,0,2,1\n"))
                .isEqualTo("g.csv:4:3: field 3 is 2, a grey level from 0 to 255, but line 2 has only 0 and 1 (pixels from"
                        + " 0 to 1): write every pixel either from 0 to 1 or as a whole number from 0 to 255");
    }

    @Test
    void a_line_of_only_0_and_1_after_grey_levels_is_refused_at_its_first_1() throws IOException {
        assertThat(error("a,0,255,51\nb,0,0,1\n"))
                .isEqualTo("g.csv:2:4: field 4 is 1 on a line of only 0 and 1 (pixels from 0 to 1), but line 1 has grey"
                        + " levels from 0 to 255: write every pixel either from 0 to 1 or as a whole number from 0 to 255");
    }

    @Test
    void the_mixed_scale_message_is_in_japanese_too() {
        ShikumiException e = org.junit.jupiter.api.Assertions.assertThrows(ShikumiException.class,
                () -> read("a,0,1,1\nb,0,2,0\n"));
        assertThat(e.message(Locale.JAPANESE)).isEqualTo("g.csv:2:3: 3 番目の項目が 2 (0 から 255 の濃淡) ですが、1 行目は"
                + " 0 と 1 だけ (0 から 1 の画素) です: 画素はすべて 0 から 1 で書くか、すべて 0 から 255 の整数で書いてください");
    }

    @Test
    void black_and_white_files_and_all_white_lines_in_grey_files_load_as_before() throws IOException {
        assertThat(read("a,0,1,1\nb,1,0,0\n").image(0)).containsExactly(0.0, 1.0, 1.0);
        Dataset grey = read("a,0,0,0\nb,1,0,102\n"); // an all-white line fits either scale
        assertThat(grey.image(0)).containsExactly(0.0, 0.0, 0.0);
        assertThat(grey.image(1)).containsExactly(1 / 255.0, 0.0, 0.4);
    }
}
