package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes and counts are checked before anything is allocated (one line, exit 2, naming the limit), files are
 * written only over regular files, and long gradient checks can be limited (issue 14).
 */
class SizesAndFilesTest {
    private static final String MODEL = "../examples/book-model.json";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "train --iterations 2000000000",
        "train --hidden 50000000",
        "train --hidden 1000000000",
        "train --layers 20,100000,100000,4 --epochs 1",
        "sweep --seeds 2000000000",
        "compare --iterations 2000000000",
        "export-xlsx --hidden 1000000000 --out OUT/x.xlsx"})
    void sizes_beyond_the_memory_are_refused_in_one_line_before_any_allocation(String command) {
        String[] args = (command.replace("OUT", dir.toString()) + " --lang en").split(" ");
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.errLine()).as(command).doesNotContain("\n").doesNotContain("Exception").doesNotContain("\tat ")
                .contains("MB of memory").contains("java -Xmx");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_empty_out_is_reported_as_an_empty_name() {
        CliRun r = CliRun.of("train", "--iterations", "5", "--out", "", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).contains("the file name is empty").doesNotContain("exists");
    }

    @Test
    void out_with_force_refuses_a_symbolic_link_and_a_device() throws Exception {
        Path precious = dir.resolve("precious.json");
        Files.writeString(precious, "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), precious);
        for (Path target : new Path[] {link, Path.of("/dev/null")}) {
            CliRun r = CliRun.of("train", "--iterations", "5", "--out", target.toString(), "--force", "--lang", "en");
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.errLine()).contains("is not a regular file");
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(precious)).isEqualTo("keep");
    }

    @Test
    void a_gradient_check_can_be_limited_or_sampled() {
        CliRun limited = CliRun.of("gradcheck", "--model", MODEL, "--limit", "5", "--lang", "en");
        assertThat(limited.exit()).as(limited.err()).isZero();
        assertThat(limited.out()).contains("checked the first 5 of 79 parameters (--limit)");
        CliRun sampled = CliRun.of("gradcheck", "--model", MODEL, "--sample", "7", "--all", "--lang", "en");
        assertThat(sampled.exit()).as(sampled.err()).isZero();
        assertThat(sampled.out()).contains("checked 7 of 79 parameters drawn at random");
        assertThat(CliRun.of("gradcheck", "--model", MODEL, "--sample", "7", "--all", "--lang", "en").out()).isEqualTo(sampled.out());
        CliRun both = CliRun.of("gradcheck", "--model", MODEL, "--limit", "5", "--sample", "7", "--lang", "en");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.errLine()).isEqualTo("shikumi: --limit cannot be used with --sample");
    }
}
