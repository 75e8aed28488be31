package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same model and options give the same bytes: across runs seconds apart, and across JVMs in different
 * time zones and locales; every zip entry is dated 1980-02-01 00:00 and the core properties carry no date.
 */
class StableBytesTest {
    @TempDir
    Path dir;

    /** The workbook a test writes: the softmax network on zero-one, 3 iterations. */
    static byte[] book(Locale locale) {
        Dataset d = TestData.zeroOne();
        return Expect.workbook(Network.initial(d, 5, 3).withOutput(Output.SOFTMAX), d, 0.1, 3, locale);
    }

    /** Run in a forked JVM: writes {@link #book} in the language args[1] to the file args[0]. */
    public static void main(String[] args) throws Exception {
        Files.write(Path.of(args[0]), book(Locale.forLanguageTag(args[1])));
    }

    @Test
    void two_runs_seconds_apart_write_the_same_bytes_with_fixed_entry_times() throws Exception {
        byte[] first = book(Locale.JAPANESE);
        Thread.sleep(2_100); // past the 2-second resolution of zip times
        byte[] second = book(Locale.JAPANESE);
        assertThat(second).isEqualTo(first);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(StableZip.ENTRY_TIME);
                assertThat(e.getExtra()).as(e.getName()).isNull();
                byte[] data = zip.readAllBytes();
                if (e.getName().equals("docProps/core.xml")) {
                    assertThat(new String(data, StandardCharsets.UTF_8)).doesNotContain("created", "modified");
                }
            }
        }
        assertThat(names).startsWith("[Content_Types].xml").contains("docProps/core.xml", "xl/worksheets/sheet1.xml");
    }

    @Test
    void jvms_in_other_time_zones_and_locales_write_the_same_bytes() throws Exception {
        byte[] here = book(Locale.ENGLISH);
        for (String[] jvm : new String[][] {{"Pacific/Kiritimati", "ja-JP"}, {"America/Los_Angeles", "de-DE"}}) {
            Path out = dir.resolve(jvm[0].replace('/', '-') + ".xlsx");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.timezone=" + jvm[0], "-Duser.language=" + jvm[1].substring(0, 2),
                    "-cp", System.getProperty("java.class.path"), StableBytesTest.class.getName(), out.toString(), "en")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("jvm.log").toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("forked JVM finished").isTrue();
            assertThat(p.exitValue()).as(Files.readString(dir.resolve("jvm.log"))).isZero();
            assertThat(Files.readAllBytes(out)).as(jvm[0]).isEqualTo(here);
        }
    }
}
