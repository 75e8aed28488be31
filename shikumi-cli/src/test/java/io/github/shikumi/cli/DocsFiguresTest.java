package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printed figures in {@code shikumi-optim/docs} are what {@code make-figures.sh} makes from the current
 * code: each of its commands runs here (its chart and CSV written to a temporary folder) and must print its
 * {@code .txt} line for line and write its {@code .csv} byte for byte. The thread count in the sweep's header
 * depends on the machine and is not compared; the charts are checked to come out the same twice.
 */
class DocsFiguresTest {
    static final Path DOCS = Path.of("..", "shikumi-optim", "docs");

    /** One line of make-figures.sh: the arguments of {@code ./shikumi} and the file its output goes to. */
    record Figure(List<String> args, String txt) {
        /** The command as the README writes it: without {@code --lang en} and the files it writes. */
        String readmeCommand() {
            List<String> a = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String s = args.get(i);
                if (s.equals("--lang") || s.equals("--chart") || s.equals("--csv")) {
                    i++;
                } else if (!s.equals("--force")) {
                    a.add(s);
                }
            }
            return "./shikumi " + String.join(" ", a);
        }
    }

    static List<Figure> figures() throws Exception {
        String script = Files.readString(DOCS.resolve("make-figures.sh")).replace("\\\n", " ");
        List<Figure> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\./shikumi (.*?) \\|.*tee \"\\$out/([^\"]+)\"$").matcher(script);
        while (m.find()) {
            List<String> args = new ArrayList<>();
            for (String a : m.group(1).trim().split("\\s+")) {
                args.add(a.replace("\"", ""));
            }
            out.add(new Figure(args, m.group(2)));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> every_printed_figure_file_is_what_its_command_prints_now(@TempDir Path dir) throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Figure f : figures()) {
            tests.add(DynamicTest.dynamicTest(f.txt(), () -> check(f, dir)));
        }
        assertThat(tests).hasSize(4);
        return tests;
    }

    private static void check(Figure f, Path dir) throws Exception {
        List<String> args = new ArrayList<>();
        List<String[]> written = new ArrayList<>();
        for (String a : f.args()) {
            if (a.startsWith("$out/")) {
                String name = a.substring("$out/".length());
                Path tmp = dir.resolve(name);
                written.add(new String[] {name, tmp.toString()});
                args.add(tmp.toString());
            } else {
                args.add(a);
            }
        }
        CliRun r = CliRun.of(args.toArray(new String[0]));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> actual = normalise(r.out().replace(dir.toString(), "shikumi-optim/docs"));
        List<String> committed = normalise(Files.readString(DOCS.resolve(f.txt())));
        assertThat(actual).as("shikumi-optim/docs/%s is out of date: run shikumi-optim/docs/make-figures.sh", f.txt())
                .containsExactlyElementsOf(committed);
        for (String[] w : written) {
            if (w[0].endsWith(".csv")) {
                assertThat(Files.readString(Path.of(w[1]))).as(w[0]).isEqualTo(Files.readString(DOCS.resolve(w[0])));
            }
        }
    }

    /** Lines without the times and the machine's thread count. */
    private static List<String> normalise(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("seconds:") && !line.startsWith("time:")) {
                out.add(line.stripTrailing().replaceAll("runs on \\d+ threads?", "runs on N threads"));
            }
        }
        return out;
    }

    @Test
    void a_chart_comes_out_byte_for_byte_the_same_twice(@TempDir Path dir) throws Exception {
        for (String ext : List.of("png", "svg")) {
            Path a = dir.resolve("a." + ext);
            Path b = dir.resolve("b." + ext);
            assertThat(CliRun.of("compare", "--iterations", "50", "--chart", a.toString()).exit()).isZero();
            assertThat(CliRun.of("compare", "--iterations", "50", "--chart", b.toString()).exit()).isZero();
            assertThat(Files.readAllBytes(b)).as(ext).isEqualTo(Files.readAllBytes(a));
        }
    }

    @Test
    void the_optim_readme_quotes_the_line_searches_of_compare_txt() throws Exception {
        Matcher m = Pattern.compile("(?m)^cg .* (\\d+)\\s+\\d+\\s+\\d+$").matcher(Files.readString(DOCS.resolve("compare.txt")));
        assertThat(m.find()).isTrue();
        String readme = Files.readString(Path.of("..", "shikumi-optim", "README.md")).replaceAll("\\s+", " ");
        assertThat(readme).contains("the conjugate gradient's " + m.group(1) + " line searches");
    }
}
