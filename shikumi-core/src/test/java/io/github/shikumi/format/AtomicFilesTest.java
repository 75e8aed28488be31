package io.github.shikumi.format;

import static io.github.shikumi.Fixtures.englishMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void a_missing_folder_is_reported() {
        Path dir = Path.of("/tmp/shikumi-no-such-folder-7b1e");
        Path target = dir.resolve("model.json");
        assertThat(englishMessage(() -> AtomicFiles.checkWritable(target, false)))
                .isEqualTo("/tmp/shikumi-no-such-folder-7b1e/model.json: folder /tmp/shikumi-no-such-folder-7b1e does not exist");
        assertThat(englishMessage(() -> AtomicFiles.write(target, "{}")))
                .isEqualTo("/tmp/shikumi-no-such-folder-7b1e/model.json: folder /tmp/shikumi-no-such-folder-7b1e does not exist");
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void an_existing_file_is_not_overwritten_without_force(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.json");
        Files.writeString(target, "precious");
        assertThat(englishMessage(() -> AtomicFiles.checkWritable(target, false)))
                .isEqualTo(target + ": file already exists (use --force to overwrite)");
        AtomicFiles.checkWritable(target, true); // allowed with force
        assertThat(Files.readString(target)).isEqualTo("precious");
    }

    @Test
    void a_successful_write_leaves_no_temporary_file(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.json");
        AtomicFiles.write(target, "first\n");
        AtomicFiles.write(target, "second, longer text ü\n");
        assertThat(Files.readString(target)).isEqualTo("second, longer text ü\n");
        assertThat(names(dir)).containsExactly("model.json");
    }

    @Test
    void the_target_is_unchanged_when_writing_fails(@TempDir Path dir) throws Exception {
        // the target is a folder holding a file: the final move cannot replace it, so the write fails
        Path target = dir.resolve("model.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "user data");

        String message = englishMessage(() -> AtomicFiles.write(target, "new model"));

        assertThat(message).startsWith(target + ": cannot write the file: ");
        assertThat(Files.isDirectory(target)).isTrue();
        assertThat(Files.readString(target.resolve("inside.txt"))).isEqualTo("user data");
        assertThat(names(dir)).as("no temporary file is left behind").containsExactly("model.json");
    }

    @Test
    void a_written_file_is_readable_by_others_like_any_new_file(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"),
                "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("plain.txt")); // what the user's umask gives a new file
        Path target = dir.resolve("model.json");
        AtomicFiles.write(target, "{}");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
