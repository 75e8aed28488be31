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
        // the target is a folder holding a file: refused before anything is written (not a regular file)
        Path target = dir.resolve("model.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside.txt"), "user data");

        String message = englishMessage(() -> AtomicFiles.write(target, "new model"));

        assertThat(message).startsWith(target + ": is not a regular file");
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

    @Test
    void links_folders_and_fifos_are_never_replaced_even_with_force(@TempDir Path dir) throws Exception {
        Path precious = dir.resolve("precious.txt");
        Files.writeString(precious, "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), precious);
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        Path fifo = dir.resolve("fifo.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        for (Path target : List.of(link, folder, fifo)) {
            String expected = target + ": is not a regular file (a symbolic link, folder, device or FIFO):"
                    + " shikumi replaces regular files only, even with --force";
            assertThat(englishMessage(() -> AtomicFiles.checkWritable(target, true))).isEqualTo(expected);
            assertThat(englishMessage(() -> AtomicFiles.write(target, "{}"))).isEqualTo(expected);
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(precious)).isEqualTo("keep");
        assertThat(Files.isDirectory(folder)).isTrue();
        assertThat(Files.isRegularFile(fifo)).isFalse();
        // a device too: /dev/null is a character device
        assertThat(englishMessage(() -> AtomicFiles.checkWritable(Path.of("/dev/null"), true)))
                .startsWith("/dev/null: is not a regular file");
    }

    @Test
    void an_empty_file_name_is_reported_as_empty() {
        assertThat(englishMessage(() -> AtomicFiles.checkWritable(Path.of(""), true))).isEqualTo("the file name is empty");
        assertThat(englishMessage(() -> AtomicFiles.write(Path.of(""), "{}"))).isEqualTo("the file name is empty");
    }

    @Test
    void temporary_files_a_killed_write_left_are_removed_by_the_next_write(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.json");
        Files.writeString(dir.resolve(".model.json.1f2e3d4c5b6a7980.tmp"), "half");
        Files.writeString(dir.resolve(".other.json.1f2e3d4c5b6a7980.tmp"), "someone else's");
        AtomicFiles.write(target, "{}");
        assertThat(names(dir)).containsExactly(".other.json.1f2e3d4c5b6a7980.tmp", "model.json");
        assertThat(Files.readString(target)).isEqualTo("{}");
    }
}
