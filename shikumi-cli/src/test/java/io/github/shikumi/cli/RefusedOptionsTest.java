package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option applies or is refused: an option given where it does nothing is a usage error, one line on stderr
 * naming the option and what it needs, exit 2, nothing on stdout and no file written.
 */
class RefusedOptionsTest {
    private static final String MINI = " needs mini-batch training (--epochs or --batch or idx: data)";
    private static final String FULL = " only applies to full-batch training, not to mini-batch training (--epochs or --batch or idx: data)";
    private static final String INIT = " cannot be used with --init: the model file fixes the network's shape, activations and output layer";
    private static final String MODEL = "../examples/book-model.json";

    @TempDir
    Path dir;

    static Stream<Arguments> trainRefusals() {
        return Stream.of(
                Arguments.of("--momentum 0.9", "--momentum does not apply to the update rule gd (it is a setting of --optimizer momentum)"),
                Arguments.of("--optimizer adam --momentum 0.9",
                        "--momentum does not apply to the update rule adam (it is a setting of --optimizer momentum)"),
                Arguments.of("--beta1 0.8", "--beta1 does not apply to the update rule gd (it is a setting of --optimizer adam)"),
                Arguments.of("--epochs 1 --epsilon 1e-7",
                        "--epsilon does not apply to the update rule momentum (it is a setting of --optimizer adam)"),
                Arguments.of("--optimizer momentum --beta2 0.99",
                        "--beta2 does not apply to the update rule momentum (it is a setting of --optimizer adam)"),
                Arguments.of("--activation tanh --init m.json", "--activation" + INIT),
                Arguments.of("--precision double", "--precision" + MINI),
                Arguments.of("--validation 0.1", "--validation" + MINI),
                Arguments.of("--patience 2", "--patience" + MINI),
                Arguments.of("--threads 2", "--threads" + MINI),
                Arguments.of("--epochs 1 --patience 2",
                        "--patience needs --validation with a share above 0 (early stopping watches the validation loss)"),
                Arguments.of("--epochs 1 --validation 0 --patience 2",
                        "--patience needs --validation with a share above 0 (early stopping watches the validation loss)"),
                Arguments.of("--iterations 5 --epochs 1", "--iterations" + FULL),
                Arguments.of("--iterations 5 --batch 10", "--iterations" + FULL),
                Arguments.of("--ascii --epochs 1", "--ascii" + FULL),
                Arguments.of("--ascii --json", "--ascii cannot be used with --json"),
                Arguments.of("--hidden 4 --layers 20,4,4", "--hidden cannot be used with --layers"),
                Arguments.of("--hidden 4 --init m.json", "--hidden" + INIT),
                Arguments.of("--layers 20,4,4 --init m.json", "--layers" + INIT),
                Arguments.of("--output softmax --init m.json", "--output" + INIT),
                Arguments.of("--epochs 1 --hidden 4 --init m.json", "--hidden" + INIT),
                Arguments.of("--seed 2 --init m.json",
                        "--seed cannot be used with --init: the seed only draws the initial parameters, and --init sets them"),
                Arguments.of("--shape 5x4", "--shape needs CSV data (a .csv file): bundled sets, bitmap text files and idx: data"
                        + " carry their own shape"));
    }

    @ParameterizedTest(name = "train {0}")
    @MethodSource("trainRefusals")
    void train_refuses_an_option_that_does_not_apply_before_writing_anything(String options, String message) {
        Path out = dir.resolve("m.json");
        List<String> args = new ArrayList<>(List.of("train", "--lang", "en", "--out", out.toString()));
        args.addAll(Arrays.asList(options.split(" ")));
        assertRefused(CliRun.of(args.toArray(String[]::new)), message);
        assertThat(out).doesNotExist();
    }

    @Test
    void train_refuses_force_without_out() {
        assertRefused(CliRun.of("train", "--lang", "en", "--force"), "--force needs --out");
    }

    static Stream<Arguments> otherRefusals() {
        return Stream.of(
                Arguments.of("data show aple --per-row 0", "--per-row must be 1 or more, got 0"),
                Arguments.of("data show aple --per-row -3", "--per-row must be 1 or more, got -3"),
                Arguments.of("data show aple --shape 5x4", "--shape needs CSV data (a .csv file): bundled sets, bitmap text files"
                        + " and idx: data carry their own shape"),
                Arguments.of("gradcheck --model " + MODEL + " --tolerance -1", "--tolerance must be a finite number, 0 or more, got -1"),
                Arguments.of("gradcheck --model " + MODEL + " --tolerance NaN", "--tolerance must be a finite number, 0 or more, got NaN"),
                Arguments.of("gradcheck --model " + MODEL + " --tolerance Infinity",
                        "--tolerance must be a finite number, 0 or more, got Infinity"),
                Arguments.of("gradcheck --model " + MODEL + " --step 0", "--step must be a positive finite number, got 0"),
                Arguments.of("gradcheck --model " + MODEL + " --step -1e-5", "--step must be a positive finite number, got -1e-5"),
                Arguments.of("gradcheck --model " + MODEL + " --step NaN", "--step must be a positive finite number, got NaN"),
                Arguments.of("gradcheck --model " + MODEL + " --step Infinity", "--step must be a positive finite number, got Infinity"),
                Arguments.of("gradient --model " + MODEL + " --shape 5x4", "--shape needs CSV data (a .csv file): bundled sets,"
                        + " bitmap text files and idx: data carry their own shape"),
                Arguments.of("classify --model " + MODEL + " --ascii --json", "--ascii cannot be used with --json"),
                Arguments.of("trace --model " + MODEL + " --image 1 --shape 5x4", "--shape needs CSV data (a .csv file): bundled"
                        + " sets, bitmap text files and idx: data carry their own shape"),
                Arguments.of("compare --init m.json --hidden 2", "--hidden" + INIT),
                Arguments.of("compare --init m.json --seed 3",
                        "--seed cannot be used with --init: the seed only draws the initial parameters, and --init sets them"),
                Arguments.of("compare --zero-init --seed 3",
                        "--seed cannot be used with --zero-init: the seed only draws the initial parameters, and --zero-init sets them"),
                Arguments.of("compare --optimizers cg,derivative-free --eta 0.1",
                        "--eta needs gd or momentum in --optimizers (cg and derivative-free take no η)"),
                Arguments.of("compare --force", "--force needs --chart"),
                Arguments.of("sweep --force", "--force needs --csv or --chart"),
                Arguments.of("sweep --seeds 0", "--seeds must be 1 or more, got 0"),
                Arguments.of("bench --runs 0", "--runs must be 1 or more, got 0"),
                Arguments.of("bench --threads 0", "--threads must be 1 or more, got 0"),
                Arguments.of("bench --threads 2 --data no-such-dir",
                        "--threads needs the Fashion-MNIST files in no-such-dir (the book's job runs on one thread)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherRefusals")
    void every_command_refuses_an_option_that_does_not_apply_or_a_value_out_of_range(String command, String message) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.addAll(List.of("--lang", "en"));
        assertRefused(CliRun.of(args.toArray(String[]::new)), message);
    }

    @Test
    void refused_options_are_named_in_japanese_too() {
        assertRefused(CliRun.of("train", "--lang", "ja", "--momentum", "0.9"),
                "--momentum は更新則 gd には使えません (--optimizer momentum の設定です)");
        assertRefused(CliRun.of("train", "--lang", "ja", "--hidden", "4", "--init", "m.json"),
                "--hidden は --init と一緒に使えません: ネットワークの形・活性化関数・出力層はモデルファイルで決まります");
        assertRefused(CliRun.of("train", "--lang", "ja", "--iterations", "5", "--epochs", "1"),
                "--iterations はフルバッチ学習でのみ使えます。ミニバッチ学習 (--epochs、--batch または idx: データ) では使えません");
        assertRefused(CliRun.of("sweep", "--lang", "ja", "--force"), "--force は --csv または --chart と一緒にのみ使えます");
        assertRefused(CliRun.of("data", "show", "aple", "--lang", "ja", "--per-row", "0"), "--per-row は 1 以上でなければなりません: 0");
        assertRefused(CliRun.of("gradcheck", "--lang", "ja", "--model", MODEL, "--step", "0"),
                "--step は正の有限の数でなければなりません: 0");
    }

    @Test
    void a_refused_compare_writes_no_chart_and_a_refused_sweep_no_csv() {
        Path chart = dir.resolve("c.png");
        assertRefused(CliRun.of("compare", "--lang", "en", "--chart", chart.toString(), "--optimizers", "cg", "--eta", "0.1"),
                "--eta needs gd or momentum in --optimizers (cg and derivative-free take no η)");
        assertThat(chart).doesNotExist();
        Path csv = dir.resolve("s.csv");
        assertRefused(CliRun.of("sweep", "--lang", "en", "--csv", csv.toString(), "--shape", "5x4"),
                "--shape needs CSV data (a .csv file): bundled sets, bitmap text files and idx: data carry their own shape");
        assertThat(csv).doesNotExist();
    }

    @Test
    void a_refused_export_writes_no_workbook() {
        Path xlsx = dir.resolve("x.xlsx");
        assertRefused(CliRun.of("export-xlsx", "--lang", "en", "--model", MODEL, "--hidden", "2", "--out", xlsx.toString()),
                "give either --model or --seed/--hidden, not both");
        assertRefused(CliRun.of("export-xlsx", "--lang", "en", "--shape", "5x4", "--out", xlsx.toString()),
                "--shape needs CSV data (a .csv file): bundled sets, bitmap text files and idx: data carry their own shape");
        assertThat(xlsx).doesNotExist();
    }

    @Test
    void options_that_apply_are_still_accepted() throws Exception {
        ObjectMapper json = new ObjectMapper();
        // mini-batches: the seed also shuffles, so it applies with --init
        CliRun seeded = CliRun.of("train", "--epochs", "1", "--batch", "32", "--init", MODEL, "--seed", "7", "--json");
        assertThat(seeded.exit()).as(seeded.err()).isEqualTo(0);
        assertThat(json.readTree(seeded.out()).at("/settings/seed").asLong()).isEqualTo(7);
        CliRun early = CliRun.of("train", "--epochs", "2", "--validation", "0.25", "--patience", "1", "--threads", "1",
                "--precision", "double", "--momentum", "0.5", "--json");
        assertThat(early.exit()).as(early.err()).isEqualTo(0);
        JsonNode settings = json.readTree(early.out()).get("settings");
        assertThat(settings.get("patience").asInt()).isEqualTo(1);
        assertThat(settings.get("momentum").asDouble()).isEqualTo(0.5);
        CliRun zero = CliRun.of("compare", "--zero-init", "--hidden", "2", "--optimizers", "gd", "--iterations", "3", "--json");
        assertThat(zero.exit()).as(zero.err()).isEqualTo(0);
        Path out = dir.resolve("m.json");
        CliRun forced = CliRun.of("train", "--iterations", "2", "--out", out.toString(), "--force", "--ascii");
        assertThat(forced.exit()).as(forced.err()).isEqualTo(0);
        assertThat(out).exists();
    }

    /** Exit 2, nothing on stdout, and stderr exactly one line: {@code shikumi: <message>}. */
    static void assertRefused(CliRun r, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("shikumi: " + message);
        assertThat(r.out()).isEmpty();
    }
}
