package io.github.shikumi.format;

import static io.github.shikumi.Fixtures.englishMessage;
import static io.github.shikumi.Fixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.format.Datasets;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad CSV: one line naming file and line. */
class CsvDataErrorsTest {
    private static final int[] ONE_BY_TWO = {1, 2};

    private static String read(String text, int[] shape) {
        return englishMessage(() -> CsvData.read("d.csv", new StringReader(text), shape));
    }

    @Test
    void wrong_field_count_is_rejected_with_file_and_line() {
        assertThat(read(lines("label,p1,p2", "a,1,0", "b,1,0,1"), ONE_BY_TWO))
                .isEqualTo("d.csv:3: line has 4 fields, expected 3 (label and 2 pixels)");
    }

    @Test
    void a_non_number_is_rejected_with_its_field() {
        assertThat(read(lines("a,1,x"), ONE_BY_TWO)).isEqualTo("d.csv:1: field 3 is not a number: \"x\"");
    }

    @Test
    void a_pixel_out_of_range_is_rejected() {
        assertThat(read(lines("a,1,0", "b,1.5,0"), ONE_BY_TWO)).isEqualTo("d.csv:2: field 2 is 1.5, expected a value from 0 to 1");
        assertThat(read(lines("a,-0.25,0"), ONE_BY_TWO)).isEqualTo("d.csv:1: field 2 is -0.25, expected a value from 0 to 1");
        assertThat(read(lines("a,NaN,0"), ONE_BY_TWO)).isEqualTo("d.csv:1: field 2 is NaN, expected a value from 0 to 1");
    }

    @Test
    void a_pixel_count_that_is_not_square_needs_a_shape() {
        assertThat(read(lines("label,p1,p2,p3", "a,1,0,1"), null))
                .isEqualTo("d.csv:2: 3 pixels per line: give the image shape with --shape HxW");
    }

    @Test
    void a_label_with_a_space_is_rejected() {
        assertThat(read(lines("big a,1,0"), ONE_BY_TWO)).isEqualTo("d.csv:1: label \"big a\" contains a space");
    }

    @Test
    void an_undeclared_label_is_rejected() {
        assertThat(read(lines("# labels: a b", "a,1,0", "c,0,1"), ONE_BY_TWO))
                .isEqualTo("d.csv:3: label \"c\" is not one of the declared labels [a, b]");
    }

    @Test
    void empty_csv_and_one_label_are_rejected() {
        assertThat(read(lines("label,p1,p2"), ONE_BY_TWO)).isEqualTo("d.csv: no images found");
        assertThat(read(lines("a,1,0", "a,0,1"), ONE_BY_TWO)).isEqualTo("d.csv: the data need at least two labels, found [a]");
    }

    @Test
    void loading_a_csv_file_uses_the_shape_and_names_the_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, lines("a,1,0,1,0,1,0", "b,0,1,0,1,0"));
        assertThat(englishMessage(() -> Datasets.load(file.toString(), new int[] {2, 3})))
                .isEqualTo(file + ":2: line has 6 fields, expected 7 (label and 6 pixels)");
    }
}
