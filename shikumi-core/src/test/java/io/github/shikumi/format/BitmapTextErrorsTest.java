package io.github.shikumi.format;

import static io.github.shikumi.Fixtures.englishMessage;
import static io.github.shikumi.Fixtures.lines;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.Fixtures;
import io.github.shikumi.format.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad bitmap text: one line naming file and line, what was expected and what was found. */
class BitmapTextErrorsTest {
    private static String parse(String text) {
        return englishMessage(() -> BitmapText.parse("letters.txt", text));
    }

    @Test
    void ragged_row_is_rejected_with_file_and_line() {
        assertThat(parse(lines("A", ".##.", "#..#", "###", "#..#")))
                .isEqualTo("letters.txt:4: row has 3 pixels, expected 4");
    }

    @Test
    void a_row_wider_than_the_first_image_is_rejected() {
        assertThat(parse(lines("A", ".#", "#.", "", "B", "##.", "#.")))
                .isEqualTo("letters.txt:6: row has 3 pixels, expected 2");
    }

    @Test
    void unknown_character_is_rejected_with_its_column() {
        assertThat(parse(lines("A", ".##.", "#o.#")))
                .isEqualTo("letters.txt:3: unexpected character \"o\" in column 2 "
                        + "(pixels are # for black and . for white; separate images with a blank line)");
    }

    @Test
    void a_missing_blank_line_between_images_is_explained() {
        assertThat(parse(lines("A", ".#", "#.", "B", "##")))
                .isEqualTo("letters.txt:4: unexpected character \"B\" in column 1 "
                        + "(pixels are # for black and . for white; separate images with a blank line)");
    }

    @Test
    void label_missing_is_rejected_where_the_label_should_be() {
        // a blank line inside an image: the rows after it stand where the next label should be
        assertThat(parse(lines("A", ".##.", "#..#", "", "####", "#..#")))
                .isEqualTo("letters.txt:5: expected a label line, found a row of pixels");
    }

    @Test
    void a_file_starting_with_pixels_has_no_label() {
        assertThat(parse(lines("#..#", "####"))).isEqualTo("letters.txt:1: expected a label line, found a row of pixels");
    }

    @Test
    void label_with_a_space_is_rejected() {
        assertThat(parse(lines("big A", ".#"))).isEqualTo("letters.txt:1: label \"big A\" contains a space");
    }

    @Test
    void unknown_label_is_rejected_when_labels_are_declared() {
        assertThat(parse(lines("# labels: A B", "", "A", "#.", "", "C", ".#")))
                .isEqualTo("letters.txt:6: label \"C\" is not one of the declared labels [A, B]");
    }

    @Test
    void a_label_declared_twice_is_rejected() {
        assertThat(parse(lines("# labels: A B A", "", "A", "#."))).isEqualTo("letters.txt:1: label \"A\" is declared twice");
    }

    @Test
    void an_image_with_more_rows_is_rejected_at_its_label() {
        assertThat(parse(lines("A", ".#", "#.", "", "B", "##", "..", "#.")))
                .isEqualTo("letters.txt:5: image \"B\" has 3 rows, expected 2");
    }

    @Test
    void an_image_with_fewer_rows_is_rejected_at_its_label() {
        assertThat(parse(lines("A", ".#", "#.", "", "B", "##", "", "A", "..", "##")))
                .isEqualTo("letters.txt:5: image \"B\" has 1 rows, expected 2");
    }

    @Test
    void a_label_without_rows_is_rejected() {
        assertThat(parse(lines("A", "", "B", "#."))).isEqualTo("letters.txt:1: image \"A\" has no rows");
    }

    @Test
    void empty_file_is_rejected() {
        assertThat(parse("")).isEqualTo("letters.txt: no images found");
        assertThat(parse(lines("# only a comment", ""))).isEqualTo("letters.txt: no images found");
    }

    @Test
    void data_of_only_one_label_are_rejected() {
        assertThat(parse(lines("A", "#.", "", "A", ".#"))).isEqualTo("letters.txt: the data need at least two labels, found [A]");
    }

    @Test
    void loading_a_bad_file_names_its_path_and_line(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, lines("A", ".#", "#"));
        assertThat(englishMessage(() -> Datasets.load(file.toString(), null)))
                .isEqualTo(file + ":3: row has 1 pixels, expected 2");
    }

    @Test
    void japanese_messages_name_the_same_file_and_line() {
        assertThat(Fixtures.japaneseMessage(() -> BitmapText.parse("letters.txt", lines("A", ".##.", "#..#", "###"))))
                .isEqualTo("letters.txt:4: 行の画素数が 3 です。4 のはずです");
    }
}
