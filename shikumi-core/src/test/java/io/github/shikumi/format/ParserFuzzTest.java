package io.github.shikumi.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.text.ShikumiException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four parsers under a seeded mutator, bounded in time: valid files with bytes flipped, inserted,
 * deleted, duplicated and truncated, numbers made huge or negative. Every input either parses or is refused
 * with a {@link ShikumiException} whose message is one line of readable length, in English and Japanese;
 * nothing else is thrown (no NullPointerException, index, arithmetic or array-size error, no OutOfMemoryError).
 * The same seed gives the same inputs, so a failure names the seed and case that reproduce it.
 */
class ParserFuzzTest {
    /** Time per parser. */
    static final long BUDGET_NANOS = 2_000_000_000L;
    static final long SEED = 14;

    @TempDir
    Path dir;

    private static final String BITMAP = "# labels: A P\nA\n.##.\n#..#\n####\n\nP\n###.\n#..#\n###.\n\nA\n.##.\n#..#\n#..#\n";
    private static final String CSV = "label,p1,p2,p3,p4\nA,0,1,1,0\nP,1,1,0,1\nA,0.5,0.25,1,0\n";
    private static final String MODEL = "{\"format\": \"shikumi-model/1\", \"labels\": [\"A\", \"P\"], \"inputShape\": [1, 2],"
            + " \"activation\": \"sigmoid\", \"layers\": [{\"weights\": [[0.1, -0.2]], \"thresholds\": [0.3]},"
            + " {\"weights\": [[0.5], [-0.5]], \"thresholds\": [0.1, 0.2]}]}";

    /** One mutation of {@code b}: flip, insert, delete, duplicate a run, truncate, or splice in an extreme token. */
    static byte[] mutate(byte[] b, SplittableRandom r) {
        int n = b.length;
        int at = n == 0 ? 0 : r.nextInt(n);
        switch (r.nextInt(7)) {
            case 0: {
                byte[] c = b.clone();
                if (n > 0) {
                    c[at] ^= (byte) (1 << r.nextInt(8));
                }
                return c;
            }
            case 1: {
                byte[] c = new byte[n + 1];
                System.arraycopy(b, 0, c, 0, at);
                c[at] = (byte) "#.,\n\r\t{}[]\":-0123456789eE\u0000 ".charAt(r.nextInt(27));
                System.arraycopy(b, at, c, at + 1, n - at);
                return c;
            }
            case 2: {
                if (n == 0) {
                    return b;
                }
                byte[] c = new byte[n - 1];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(b, at + 1, c, at, n - at - 1);
                return c;
            }
            case 3: {
                int len = Math.min(n - at, 1 + r.nextInt(64));
                byte[] c = new byte[n + len];
                System.arraycopy(b, 0, c, 0, at + len);
                System.arraycopy(b, at, c, at + len, n - at);
                return c;
            }
            case 4:
                return java.util.Arrays.copyOf(b, at);
            case 5: {
                String[] extremes = {"2147483647", "-2147483648", "99999999999999999999", "1e308", "-1e309", "NaN",
                    "-1", "0", "\"\"", "[]", "{}", "null", "\u001b[2J"};
                byte[] x = extremes[r.nextInt(extremes.length)].getBytes(StandardCharsets.UTF_8);
                byte[] c = new byte[n + x.length];
                System.arraycopy(b, 0, c, 0, at);
                System.arraycopy(x, 0, c, at, x.length);
                System.arraycopy(b, at, c, at + x.length, n - at);
                return c;
            }
            default: {
                byte[] c = b.clone();
                if (n > 0) {
                    c[at] = (byte) r.nextInt(256);
                }
                return c;
            }
        }
    }

    /** Runs {@code parse} on mutants of {@code valid} for {@link #BUDGET_NANOS}; returns how many ran. */
    private static int fuzz(String what, byte[] valid, Consumer<byte[]> parse) {
        SplittableRandom r = new SplittableRandom(SEED);
        long until = System.nanoTime() + BUDGET_NANOS;
        int cases = 0;
        while (System.nanoTime() < until) {
            byte[] input = valid;
            int rounds = 1 + r.nextInt(4);
            for (int i = 0; i < rounds; i++) {
                input = mutate(input, r);
            }
            cases++;
            try {
                parse.accept(input);
            } catch (ShikumiException e) {
                for (Locale l : new Locale[] {Locale.ENGLISH, Locale.JAPANESE}) {
                    String m = e.message(l);
                    assertThat(m).as(what + " case " + cases + " (seed " + SEED + ")").doesNotContain("\n")
                            .doesNotContain("\u001b").doesNotContain("Exception");
                    assertThat(m.length()).as(what + " case " + cases + ": " + m).isLessThan(2000);
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError(what + " case " + cases + " (seed " + SEED + ") threw "
                        + e + " on: " + new String(input, StandardCharsets.ISO_8859_1), e);
            }
        }
        return cases;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void bitmap_text_parses_or_refuses_every_mutant_in_one_line() {
        assertThat(BitmapText.parse("ok.txt", BITMAP).size()).isEqualTo(3);
        assertThat(fuzz("bitmap text", BITMAP.getBytes(StandardCharsets.UTF_8), b -> BitmapText.parse("f.txt", text(b))))
                .isGreaterThan(100);
    }

    @Test
    void csv_parses_or_refuses_every_mutant_in_one_line() {
        assertThat(fuzz("csv", CSV.getBytes(StandardCharsets.UTF_8), b -> {
            try {
                CsvData.read("f.csv", new StringReader(text(b)), new int[] {2, 2});
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        })).isGreaterThan(100);
    }

    @Test
    void model_json_parses_or_refuses_every_mutant_in_one_line() {
        assertThat(ModelJson.parse("ok.json", MODEL).layout().count()).isEqualTo(7);
        assertThat(fuzz("model json", MODEL.getBytes(StandardCharsets.UTF_8), b -> ModelJson.parse("f.json", text(b))))
                .isGreaterThan(100);
    }

    @Test
    void idx_parses_or_refuses_every_mutant_in_one_line() throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + 3 * 2 * 2).putInt(0x803).putInt(3).putInt(2).putInt(2);
        for (int i = 0; i < 12; i++) {
            images.put((byte) (i * 20));
        }
        byte[] labels = ByteBuffer.allocate(8 + 3).putInt(0x801).putInt(3).put((byte) 0).put((byte) 1).put((byte) 2).array();
        Path img = dir.resolve("i");
        Path lbl = dir.resolve("l");
        Files.write(lbl, labels);
        byte[] valid = images.array();
        assertThat(fuzz("idx images", valid, b -> {
            try {
                Files.write(img, b);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            Idx.read(img, lbl, -1);
        })).isGreaterThan(50);
        Files.write(img, valid);
        assertThat(fuzz("idx labels", labels, b -> {
            try {
                Files.write(lbl, b);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            Idx.read(img, lbl, -1);
        })).isGreaterThan(50);
    }
}
