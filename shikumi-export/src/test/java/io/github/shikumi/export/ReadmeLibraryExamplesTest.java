package io.github.shikumi.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples are the example project's files, whole: the invoker build (mvn verify) compiles that
 * project against the installed jars and runs them, so what the README shows compiles and runs.
 */
class ReadmeLibraryExamplesTest {
    private static final Path EXAMPLES = Path.of("src", "it", "library-examples", "src", "main", "java", "example");

    @Test
    void every_java_block_of_the_readme_is_a_whole_example_file_that_the_example_project_builds() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).hasSize(5);
        for (Path f : files) {
            assertThat(readme).as("README shows " + f + " whole").contains("```java\n" + Files.readString(f) + "```\n");
        }
        long blocks = readme.lines().filter(l -> l.equals("```java")).count();
        assertThat(blocks).as("no other Java snippets in the README").isEqualTo(files.size());
    }

    @Test
    void the_readmes_printed_lines_are_the_ones_the_example_project_checks() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String test = Files.readString(Path.of("src", "it", "library-examples", "src", "test", "java", "example", "ExamplesTest.java"));
        for (String line : List.of("E 57.902796 -> 0.783364, accuracy 100.0 %", "A (z = 0.9593)")) {
            assertThat(readme).contains(line);
            assertThat(test).contains(line);
        }
    }
}
