package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's claims are real output: every {@code console} block there shows {@code $ ./shikumi ...}
 * commands followed by what they print; this test runs each command and checks that it exits 0 and that
 * every shown line appears in its output, in order ("..." marks lines left out).
 */
class ReadmeCommandsTest {
    record Example(String command, List<String> shown) {
    }

    @TestFactory
    List<DynamicTest> readme_examples_print_what_the_readme_shows() throws Exception {
        Path readme = Path.of("..", "README.md");
        List<DynamicTest> tests = new ArrayList<>();
        for (Example ex : examples(Files.readAllLines(readme))) {
            tests.add(DynamicTest.dynamicTest(ex.command(), () -> check(ex)));
        }
        assertThat(tests).as("README console examples").isNotEmpty();
        return tests;
    }

    private static void check(Example ex) throws Exception {
        for (DocsFiguresTest.Figure f : DocsFiguresTest.figures()) {
            if (f.readmeCommand().equals(ex.command())) {
                // the same command as a figure file, which DocsFiguresTest checks against a fresh run:
                // the README's lines are checked against that file instead of running it twice
                String printed = java.nio.file.Files.readString(DocsFiguresTest.DOCS.resolve(f.txt()));
                shownInOrder(ex, printed.lines().map(String::stripTrailing).toList(), printed);
                return;
            }
        }
        String[] args = ex.command().substring("./shikumi".length()).trim().split("\\s+");
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("examples/")) {
                args[i] = "../" + args[i]; // the README's paths are from the repository root; tests run in shikumi-cli
            }
        }
        CliRun r = CliRun.of(args);
        assertThat(r.exit()).as(ex.command() + "\n" + r.err()).isEqualTo(0);
        shownInOrder(ex, r.out().lines().map(String::stripTrailing).toList(), r.out());
    }

    private static void shownInOrder(Example ex, List<String> actual, String whole) {
        int at = 0;
        for (String line : ex.shown()) {
            if (line.strip().equals("...")) {
                continue;
            }
            int found = -1;
            for (int i = at; i < actual.size(); i++) {
                if (actual.get(i).equals(line.stripTrailing().replace(" examples/", " ../examples/"))) {
                    found = i;
                    break;
                }
            }
            assertThat(found).as(ex.command() + ": README line not printed (in order): \"" + line + "\"\n--- actual ---\n" + whole)
                    .isGreaterThanOrEqualTo(0);
            at = found + 1;
        }
    }

    @org.junit.jupiter.api.Test
    void the_example_model_is_byte_for_byte_what_train_writes_with_the_defaults(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("m.json");
        assertThat(CliRun.of("train", "--out", out.toString()).exit()).isEqualTo(0);
        assertThat(Files.readString(out)).as("examples/book-model.json: run ./shikumi train --out examples/book-model.json --force")
                .isEqualTo(Files.readString(Path.of("..", "examples", "book-model.json")));
    }

    static List<Example> examples(List<String> lines) {
        List<Example> out = new ArrayList<>();
        boolean inConsole = false;
        String command = null;
        List<String> shown = new ArrayList<>();
        for (String line : lines) {
            if (!inConsole && line.strip().equals("```console")) {
                inConsole = true;
                continue;
            }
            if (inConsole && line.strip().equals("```")) {
                if (command != null) {
                    out.add(new Example(command, shown));
                }
                inConsole = false;
                command = null;
                shown = new ArrayList<>();
                continue;
            }
            if (inConsole) {
                if (line.startsWith("$ ./shikumi")) {
                    if (command != null) {
                        out.add(new Example(command, shown));
                    }
                    command = line.substring(2).strip();
                    shown = new ArrayList<>();
                } else if (command != null) {
                    shown.add(line);
                }
            }
        }
        return out;
    }
}
