package io.github.shikumi.data;

import io.github.shikumi.format.Datasets;
import static io.github.shikumi.Fixtures.englishMessage;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @Test
    void shape_text_is_height_x_width() {
        assertThat(Datasets.parseShape("5x4")).containsExactly(5, 4);
        assertThat(Datasets.parseShape("5×4")).containsExactly(5, 4);
        assertThat(Datasets.parseShape(" 28 X 28 ")).containsExactly(28, 28);
    }

    @Test
    void bad_shape_text_is_rejected() {
        assertThat(englishMessage(() -> Datasets.parseShape("5by4"))).isEqualTo("shape: shape \"5by4\" is not of the form HxW (e.g. 5x4)");
        assertThat(englishMessage(() -> Datasets.parseShape("5x"))).isEqualTo("shape: shape \"5x\" is not of the form HxW (e.g. 5x4)");
        assertThat(englishMessage(() -> Datasets.parseShape("0x4"))).isEqualTo("shape: shape \"0x4\" is not of the form HxW (e.g. 5x4)");
        assertThat(englishMessage(() -> Datasets.parseShape("5x4x3"))).isEqualTo("shape: shape \"5x4x3\" is not of the form HxW (e.g. 5x4)");
        assertThat(englishMessage(() -> Datasets.parseShape(""))).isEqualTo("shape: shape \"\" is not of the form HxW (e.g. 5x4)");
    }

    @Test
    void an_unknown_name_lists_the_bundled_sets() {
        assertThat(englishMessage(() -> Datasets.load("apple", null)))
                .isEqualTo("apple: no bundled dataset or file named \"apple\" (bundled: aple, aple-test, zero-one)");
        assertThat(englishMessage(() -> Datasets.bundled("apple")))
                .isEqualTo("apple: no bundled dataset or file named \"apple\" (bundled: aple, aple-test, zero-one)");
    }

    @Test
    void a_file_loads_as_bitmap_text_or_csv(@TempDir Path dir) throws Exception {
        Path txt = dir.resolve("tiny.txt");
        Files.writeString(txt, io.github.shikumi.format.BitmapText.write(Fixtures.tinyData()));
        assertThat(Datasets.load(txt.toString(), null)).isEqualTo(Fixtures.tinyData());
        assertThat(Datasets.load(txt.toString(), null).name()).isEqualTo(txt.toString());
        Path csv = dir.resolve("tiny.CSV");
        Files.writeString(csv, io.github.shikumi.format.CsvData.write(Fixtures.tinyData()));
        assertThat(Datasets.load(csv.toString(), new int[] {1, 2})).isEqualTo(Fixtures.tinyData());
    }

    @Test
    void a_file_that_is_not_utf8_is_rejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'A', '\n', (byte) 0xE9, '\n'});
        assertThat(englishMessage(() -> Datasets.load(file.toString(), null)))
                .isEqualTo(file + ": cannot read the file: not UTF-8 text");
    }
}
