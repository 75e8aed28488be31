package io.github.shikumi.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import org.junit.jupiter.api.Test;

class BitmapTextRoundTripTest {
    /** Written by hand: comments, a label order that is not the order of first appearance, trailing spaces. */
    private static final String TEXT = Fixtures.lines(
            "# labels: A P L E",
            "# a comment before the first image",
            "",
            "P",
            "###.",
            "#..#",
            "###.",
            "#...",
            "#...",
            "",
            "# a comment between images",
            "A",
            ".##.  ",
            "#..#",
            "####",
            "#..#",
            "#..#",
            "",
            "",
            "E",
            "####",
            "#...",
            "###.",
            "#...",
            "####");

    @Test
    void parse_reads_labels_pixels_and_shape() {
        Dataset d = BitmapText.parse("hand.txt", TEXT);
        assertThat(d.name()).isEqualTo("hand.txt");
        assertThat(d.labels()).containsExactly("A", "P", "L", "E");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.height()).isEqualTo(5);
        assertThat(d.width()).isEqualTo(4);
        assertThat(d.labelOf(0)).isEqualTo("P");
        assertThat(d.target(0)).isEqualTo(1);
        assertThat(d.labelOf(1)).isEqualTo("A");
        assertThat(d.labelOf(2)).isEqualTo("E");
        // ".##." → 0 1 1 0, then "#..#" → 1 0 0 1 (row-major, # = 1)
        assertThat(d.image(1)).startsWith(0, 1, 1, 0, 1, 0, 0, 1);
        assertThat(d.countsPerLabel()).containsExactly(1, 1, 0, 1);
        assertThat(d.isBinary()).isTrue();
    }

    @Test
    void parse_write_parse_gives_an_equal_dataset() {
        Dataset first = BitmapText.parse("hand.txt", TEXT);
        String written = BitmapText.write(first);
        Dataset second = BitmapText.parse("written.txt", written);
        assertThat(second).isEqualTo(first);
        assertThat(second.labels()).containsExactly("A", "P", "L", "E");
        // and writing is stable: the written text is its own fixed point
        assertThat(BitmapText.write(second)).isEqualTo(written);
    }

    @Test
    void written_text_is_the_documented_format() {
        String written = BitmapText.write(Fixtures.tinyData());
        assertThat(written).isEqualTo(Fixtures.lines("# labels: A B", "", "A", "#.", "", "B", "##"));
    }

    @Test
    void labels_are_taken_in_order_of_first_appearance_without_a_labels_line() {
        Dataset d = BitmapText.parse("order.txt", Fixtures.lines("one", "#", "", "zero", ".", "", "one", "."));
        assertThat(d.labels()).containsExactly("one", "zero");
        assertThat(d.size()).isEqualTo(3);
        assertThat(BitmapText.parse("again.txt", BitmapText.write(d))).isEqualTo(d);
    }

    @Test
    void random_datasets_survive_write_then_parse() {
        for (long seed = 1; seed <= 5; seed++) {
            Dataset d = Fixtures.randomData(seed, 3 + (int) seed, 2 + (int) seed, 3, 12);
            assertThat(BitmapText.parse("r.txt", BitmapText.write(d))).isEqualTo(d);
        }
    }

    @Test
    void a_byte_order_mark_is_ignored() {
        // Windows editors save UTF-8 with a byte order mark; the first line is then still the labels line
        assertThat(BitmapText.parse("bom.txt", "\uFEFF" + TEXT)).isEqualTo(BitmapText.parse("plain.txt", TEXT));
    }

    @Test
    void windows_line_endings_read_the_same() {
        assertThat(BitmapText.parse("crlf.txt", TEXT.replace("\n", "\r\n"))).isEqualTo(BitmapText.parse("lf.txt", TEXT));
    }
}
