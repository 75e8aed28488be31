package io.github.shikumi.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvDataRoundTripTest {
    private static Dataset read(String text, int[] shape) throws IOException {
        return CsvData.read("d.csv", new StringReader(text), shape);
    }

    @Test
    void csv_reads_label_and_pixels_per_line() throws IOException {
        Dataset d = read(Fixtures.lines("label,p1,p2,p3,p4", "x,0,1,0.25,1", "y,1,0,0,0.5"), new int[] {1, 4});
        assertThat(d.labels()).containsExactly("x", "y");
        assertThat(d.height()).isEqualTo(1);
        assertThat(d.width()).isEqualTo(4);
        assertThat(d.image(0)).containsExactly(0, 1, 0.25, 1);
        assertThat(d.image(1)).containsExactly(1, 0, 0, 0.5);
        assertThat(d.isBinary()).isFalse();
    }

    @Test
    void a_square_pixel_count_needs_no_shape() throws IOException {
        Dataset d = read(Fixtures.lines("a,1,0,0,1", "b,0,1,1,0"), null);
        assertThat(d.height()).isEqualTo(2);
        assertThat(d.width()).isEqualTo(2);
    }

    @Test
    void write_then_read_gives_an_equal_dataset() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            Dataset d = Fixtures.randomGreyData(seed, 5, 4, 3, 9);
            Dataset back = read(CsvData.write(d), new int[] {5, 4});
            assertThat(back).isEqualTo(d);
        }
        Dataset bw = Fixtures.randomData(9, 4, 3, 2, 10);
        assertThat(read(CsvData.write(bw), new int[] {4, 3})).isEqualTo(bw);
    }

    @Test
    void write_then_read_keeps_the_label_order_when_the_first_image_is_not_the_first_label() throws IOException {
        // labels A B C, but the images come as C, A, B (and B twice): the order must survive the CSV
        double[][] x = {{1, 0}, {0, 1}, {0.5, 0.5}, {0.25, 0}};
        Dataset d = new Dataset("cab", List.of("A", "B", "C"), 1, 2, x, new int[] {2, 0, 1, 1});
        Dataset back = read(CsvData.write(d), new int[] {1, 2});
        assertThat(back.labels()).containsExactly("A", "B", "C");
        assertThat(back).isEqualTo(d);
    }

    @Test
    void write_then_read_keeps_a_label_without_images() throws IOException {
        // a model's labels are A P L E; data of A, P and E only must still read as A P L E
        double[][] x = {{1, 0}, {0, 1}, {1, 1}};
        Dataset d = new Dataset("no-L", List.of("A", "P", "L", "E"), 1, 2, x, new int[] {0, 1, 3});
        assertThat(read(CsvData.write(d), new int[] {1, 2})).isEqualTo(d);
    }

    @Test
    void plain_data_are_written_as_plain_csv() {
        // labels in order of first appearance: no "# labels:" line, the header first
        assertThat(CsvData.write(Fixtures.tinyData())).isEqualTo(Fixtures.lines("label,p1,p2", "A,1,0", "B,1,1"));
        double[][] x = {{1, 0}, {0.5, 0.30000000000000004}};
        Dataset d = new Dataset("ba", List.of("A", "B"), 1, 2, x, new int[] {1, 0});
        assertThat(CsvData.write(d)).isEqualTo(Fixtures.lines("# labels: A B", "label,p1,p2", "B,1,0", "A,0.5,0.30000000000000004"));
    }

    @Test
    void a_labels_line_fixes_the_label_order_and_a_header_may_follow_comments() throws IOException {
        Dataset d = read(Fixtures.lines("# made by hand", "# labels: no yes", "label,a,b", "yes,1,0", "no,0,1"), new int[] {1, 2});
        assertThat(d.labels()).containsExactly("no", "yes");
        assertThat(d.target(0)).isEqualTo(1);
        assertThat(d.size()).isEqualTo(2);
    }

    @Test
    void a_file_saved_by_excel_as_csv_utf8_reads_the_same() throws IOException {
        // Excel's "CSV UTF-8" writes a byte order mark before the header, and CRLF line ends
        String csv = Fixtures.lines("label,p1,p2", "x,1,0", "y,0,1");
        Dataset excel = read("\uFEFF" + csv.replace("\n", "\r\n"), new int[] {1, 2});
        assertThat(excel).isEqualTo(read(csv, new int[] {1, 2}));
        assertThat(excel.labels()).containsExactly("x", "y");
    }

    @Test
    void a_negative_zero_pixel_reads_as_zero() throws IOException {
        Dataset d = read(Fixtures.lines("a,-0,1", "b,0,-0.0"), new int[] {1, 2});
        assertThat(Double.doubleToRawLongBits(d.pixel(0, 0))).isEqualTo(Double.doubleToRawLongBits(0.0));
        assertThat(read(CsvData.write(d), new int[] {1, 2})).isEqualTo(d);
    }

    @Test
    void bitmap_and_csv_hold_the_same_dataset() throws IOException {
        Dataset d = Fixtures.aple4();
        assertThat(read(CsvData.write(d), new int[] {5, 4})).isEqualTo(d);
        assertThat(BitmapText.parse("x.txt", BitmapText.write(read(CsvData.write(d), new int[] {5, 4})))).isEqualTo(d);
    }
}
