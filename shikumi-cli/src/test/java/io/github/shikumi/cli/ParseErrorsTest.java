package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * picocli's own parse errors are ours too: one line, in English or Japanese, with the command's help hint on the
 * same line, exit 2, nothing on stdout.
 */
class ParseErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '»', textBlock = """
            train --bogus               » unknown option: --bogus (see: shikumi train --help)
            train --ETA 1               » unknown option: --ETA (see: shikumi train --help)
            tran                        » unknown command: tran (see: shikumi --help)
            data frobnicate             » unknown command: frobnicate (see: shikumi data --help)
            data show aple extra        » unexpected argument: extra (see: shikumi data show --help)
            train --eta                 » --eta needs a value (η) (see: shikumi train --help)
            train --seed --json         » --seed needs a value (N) (see: shikumi train --help)
            train --eta abc             » --eta: "abc" is not a number (see: shikumi train --help)
            train --iterations 1.5      » --iterations: "1.5" is not a whole number (see: shikumi train --help)
            train --hidden 3,x          » --hidden: "x" is not a whole number (see: shikumi train --help)
            train --json=yes            » --json: "yes" is not true or false (see: shikumi train --help)
            train --eta 1 --eta 2       » --eta is given more than once (see: shikumi train --help)
            trace                       » missing required option: --model, --image (see: shikumi trace --help)
            trace --image 1             » missing required option: --model (see: shikumi trace --help)
            data show                   » missing required argument: NAME|FILE (see: shikumi data show --help)
            """)
    void picocli_errors_are_one_line_in_english(String command, String message) {
        assertOneLine(CliRun.of(append(command.split(" "), "--lang", "en")), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '»', textBlock = """
            train --bogus               » 不明なオプションです: --bogus (参照: shikumi train --help)
            tran                        » 不明なコマンドです: tran (参照: shikumi --help)
            data show aple extra        » 余分な引数です: extra (参照: shikumi data show --help)
            train --eta abc             » --eta: "abc" は数ではありません (参照: shikumi train --help)
            train --epochs 2.5          » --epochs: "2.5" は整数ではありません (参照: shikumi train --help)
            train --eta 1 --eta 2       » --eta が 2 回以上指定されています (参照: shikumi train --help)
            trace --image 1             » 必須のオプションがありません: --model (参照: shikumi trace --help)
            data show                   » 必須の引数がありません: NAME|FILE (参照: shikumi data show --help)
            """)
    void picocli_errors_are_one_line_in_japanese_with_lang_ja(String command, String message) {
        assertOneLine(CliRun.of(append(command.split(" "), "--lang", "ja")), message);
    }

    @Test
    void a_missing_value_at_the_end_is_named_in_japanese() {
        // --lang ja comes first here: the value missing is the last option's
        assertOneLine(CliRun.of("--lang", "ja", "train", "--eta"), "--eta には値 (η) が必要です (参照: shikumi train --help)");
    }

    @Test
    void a_japanese_default_locale_gives_japanese_errors_without_lang() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            assertOneLine(CliRun.of("train", "--bogus"), "不明なオプションです: --bogus (参照: shikumi train --help)");
            assertOneLine(CliRun.of("train", "--precision", "double"),
                    "--precision はミニバッチ学習 (--epochs、--batch または idx: データ) でのみ使えます");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void an_unknown_language_is_named_with_the_accepted_ones() {
        assertOneLine(CliRun.of("--lang", "xx", "train"), "--lang: \"xx\" is not one of ja, en (see: shikumi --help)");
    }

    private static void assertOneLine(CliRun r, String message) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("shikumi: " + message);
        assertThat(r.out()).isEmpty();
    }

    private static String[] append(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
