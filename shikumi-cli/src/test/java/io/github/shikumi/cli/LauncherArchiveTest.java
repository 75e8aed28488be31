package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive of training runs (issue 13): the first long training run after a
 * build writes it, only when the run ends well, without a word of CDS's in the run's output; later runs use it;
 * a newer jar makes the next run write it again. The real launcher script runs on a stand-in jar
 * ({@link LauncherProbe}) in a copy of the project's layout, so no build is started.
 */
class LauncherArchiveTest {
    @TempDir
    Path root;

    @Test
    void the_first_good_training_run_writes_the_archive_and_later_runs_use_it() throws Exception {
        setUp();
        Path archive = root.resolve("shikumi-cli/target/shikumi-train.jsa");

        Run first = launch("train", "--epochs", "1", "--exit", "0");
        assertThat(first.code).isZero();
        assertThat(first.out).isEqualTo("probe train --epochs 1 --exit 0 archive=writing\n"); // nothing else on stdout
        assertThat(first.err).doesNotContain("cds", "CDS");
        assertThat(archive).isNotEmptyFile();
        assertThat(leftovers()).isEmpty();

        Run second = launch("train", "--epochs", "1", "--exit", "0");
        assertThat(second.out).isEqualTo("probe train --epochs 1 --exit 0 archive=used\n");

        Path jar = root.resolve("shikumi-cli/target/shikumi.jar");
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 5_000)); // the jar is newer: a new build
        assertThat(launch("train", "--epochs", "1", "--exit", "0").out).endsWith("archive=writing\n");
        assertThat(launch("train", "--epochs", "1", "--exit", "0").out).endsWith("archive=used\n");
    }

    @Test
    void a_failed_run_keeps_its_exit_code_and_leaves_no_archive() throws Exception {
        setUp();
        Run failed = launch("train", "--epochs", "1", "--exit", "3");
        assertThat(failed.code).isEqualTo(3);
        assertThat(failed.out).isEqualTo("probe train --epochs 1 --exit 3 archive=writing\n");
        assertThat(root.resolve("shikumi-cli/target/shikumi-train.jsa")).doesNotExist();
        assertThat(leftovers()).isEmpty();
        assertThat(launch("train", "--epochs", "1", "--exit", "0").out).endsWith("archive=writing\n");
    }

    @Test
    void only_training_runs_get_the_archive() throws Exception {
        setUp();
        assertThat(launch("bench", "--exit", "0").out).isEqualTo("probe bench --exit 0 archive=none\n");
        assertThat(root.resolve("shikumi-cli/target/shikumi-train.jsa")).doesNotExist();
    }

    /** The launcher script and a jar of {@link LauncherProbe} where the launcher looks for shikumi.jar. */
    private void setUp() throws IOException {
        Files.copy(Path.of("..", "shikumi"), root.resolve("shikumi"));
        root.resolve("shikumi").toFile().setExecutable(true);
        Path target = Files.createDirectories(root.resolve("shikumi-cli/target"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(target.resolve("shikumi.jar"));
             JarOutputStream jar = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getResourceAsStream("/" + entry)) {
            jar.putNextEntry(new JarEntry(entry));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("shikumi-cli/target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private record Run(int code, String out, String err) {
    }

    private Run launch(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("shikumi").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        pb.environment().remove("SHIKUMI_JAVA_OPTS");
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
