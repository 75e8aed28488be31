package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code # labels:} header that declares a label with no images is refused when a new network is made from
 * the data (it would get an output that never sees its letter), and accepted for a trained model's data.
 */
class DeclaredLabelWithoutImagesTest {
    @TempDir
    Path dir;

    private Path apleWithX() throws Exception {
        String aple = new String(DeclaredLabelWithoutImagesTest.class
                .getResourceAsStream("/io/github/shikumi/data/aple.txt").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String body = aple.lines().filter(l -> !l.startsWith("# labels:")).reduce("", (a, b) -> a + b + "\n");
        Path f = dir.resolve("aplex.txt");
        Files.writeString(f, "# labels: A P L E X\n" + body);
        return f;
    }

    @Test
    void training_on_data_with_a_declared_label_without_images_is_refused_in_one_line_and_writes_nothing() throws Exception {
        Path data = apleWithX();
        Path out = dir.resolve("m.json");
        for (String[] cmd : new String[][] {
                {"train", "--data", data.toString(), "--out", out.toString(), "--lang", "en"},
                {"compare", "--data", data.toString(), "--lang", "en"},
                {"sweep", "--data", data.toString(), "--seeds", "2", "--lang", "en"}}) {
            CliRun r = CliRun.of(cmd);
            assertThat(r.exit()).as(String.join(" ", cmd)).isEqualTo(2);
            assertThat(r.errLine()).as(String.join(" ", cmd)).isEqualTo("shikumi: " + data + ": label X is declared but"
                    + " has no images: a network trained on these data would have an output that never sees its letter"
                    + " (remove it from the labels, or add images of it)");
            assertThat(r.out()).isEmpty();
        }
        assertThat(out).doesNotExist();
        CliRun ja = CliRun.of("train", "--data", data.toString(), "--lang", "ja");
        assertThat(ja.errLine()).contains("ラベル X が宣言されていますが画像がありません");
    }
}
