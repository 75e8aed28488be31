package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void show_draws_every_image_and_counts_per_label() {
        CliRun r = CliRun.of("data", "show", "aple", "--ascii", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("aple: 128 images of 5×4 pixels", "images per label: A: 32, P: 32, L: 32, E: 32");
        assertThat(r.out()).contains("1 A", "128 E");
    }

    @Test
    void show_reads_a_csv_file_with_a_shape() throws Exception {
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "label,p1,p2,p3,p4,p5,p6\nx,1,0,1,0,1,0\ny,0,1,0,1,0,1\n");
        CliRun r = CliRun.of("data", "show", csv.toString(), "--shape", "2x3", "--ascii", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("2 images of 2×3 pixels", "#.#", ".#.");
    }

    @Test
    void a_ragged_bitmap_is_reported_with_file_and_line() throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "A\n.##.\n#..#\n\nP\n###\n#..#\n");
        CliRun r = CliRun.of("data", "show", f.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + f + ":6: row has 3 pixels, expected 4");
    }

    @Test
    void an_unknown_dataset_name_lists_the_bundled_ones() {
        CliRun r = CliRun.of("train", "--data", "apple", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: apple: no bundled dataset or file named \"apple\" (bundled: aple, aple-test, zero-one)");
    }
}
