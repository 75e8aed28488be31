package io.github.shikumi.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.poi.poifs.macros.VBAMacroReader;
import org.apache.poi.util.RLEDecompressingInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbookType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The .xlsm: its VBA project is read back by an independent reader (POI's VBAMacroReader and its MS-OVBA
 * decompressor), and LibreOffice, headless through python3-uno, runs the macro to the numbers of core's
 * training (the same as {@code shikumi train}).
 */
class MacroWorkbookTest {
    private static final double ETA = 0.05;
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void vba_source_read_back_by_poi_equals_what_was_written(String lang) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        byte[] xlsm = xlsm(TestData.zeroOne(), Network.initial(TestData.zeroOne(), 2, 3), 10, locale);
        try (VBAMacroReader reader = new VBAMacroReader(new ByteArrayInputStream(xlsm))) {
            Map<String, String> macros = reader.readMacros();
            assertThat(macros).containsOnlyKeys("ShikumiMacro");
            String written = VbaProject.source(new VbaProject.Module("ShikumiMacro", MacroSheet.xlsmCode(locale)));
            assertThat(macros.get("ShikumiMacro")).isEqualTo(written);
            assertThat(written).contains(lang.equals("ja") ? "初期ブロック" : "Start from the Initial block");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsm))) {
            assertThat(wb.getWorkbookType()).isEqualTo(XSSFWorkbookType.XLSM);
            assertThat(wb.getName("Initial")).isNotNull();
        }
    }

    @Test
    void compression_round_trips_through_pois_decompressor() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        String code = String.join("\r\n", MacroSheet.xlsmCode(Locale.ENGLISH));
        byte[][] inputs = {
            new byte[0],
            "a".getBytes(StandardCharsets.US_ASCII),
            code.getBytes(StandardCharsets.US_ASCII),
            code.repeat(20).getBytes(StandardCharsets.US_ASCII), // several chunks, long matches
            bytes(random, 10_000, 256), // incompressible: raw chunks, the last one padded
            bytes(random, 9_000, 3),
        };
        for (byte[] in : inputs) {
            byte[] back = RLEDecompressingInputStream.decompress(OvbaCompression.compress(in));
            if (in.length % OvbaCompression.CHUNK != 0 && in.length > 0 && back.length > in.length) {
                // a raw last chunk is padded to 4096 bytes
                assertThat(back).startsWith(in);
            } else {
                assertThat(back).as("length " + in.length).isEqualTo(in);
            }
        }
    }

    @Test
    void libreoffice_runs_the_macro_of_the_book_network_to_the_numbers_of_training() throws Exception {
        Dataset aple = TestData.aple();
        runInLibreOffice(aple, Network.initial(aple, 1, 3), 30, Locale.ENGLISH);
    }

    @Test
    void libreoffice_runs_the_macro_of_another_shape_with_japanese_comments() throws Exception {
        Dataset digits = TestData.zeroOne();
        runInLibreOffice(digits, Network.initial(digits, 9, 4, 2), 60, Locale.JAPANESE);
    }

    private void runInLibreOffice(Dataset data, Network start, int iterations, Locale locale) throws Exception {
        assumeThat(LibreOffice.soffice()).as("LibreOffice installed").isPresent();
        assumeThat(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import uno").start().waitFor() == 0)
                .as("python3-uno installed").isTrue();
        Path book = Files.write(dir.resolve("book.xlsm"), xlsm(data, start, iterations, locale));
        Path script = dir.resolve("run_macro.py");
        try (var in = getClass().getResourceAsStream("run_macro.py")) {
            Files.copy(in, script);
        }
        Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), book.toString(), dir.resolve("profile").toString())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
        JsonNode j = new ObjectMapper().readTree(out);
        History h = Training.gradientDescent(start, data, ETA, iterations, TrainingListener.NONE);
        Network trained = h.trained();
        assertThat(j.get("iterations").asInt()).isEqualTo(iterations);
        assertThat(j.get("E").asDouble()).isCloseTo(h.e(iterations), org.assertj.core.data.Percentage.withPercentage(1e-7));
        BpLayout at = new BpLayout(start.layout(), start.output(), data.height(), data.width(), data.size());
        double worst = 0;
        for (int p2 = 0; p2 < start.layout().count(); p2++) {
            double got = j.get("Params").get(at.blockRow(p2)).get(at.blockColumn(p2) - at.num0).asDouble();
            double want = trained.param(p2);
            worst = Math.max(worst, Math.abs(got - want) / Math.abs(want));
            assertThat(Math.abs(got - want)).as(start.layout().name(p2)).isLessThanOrEqualTo(1e-9 * Math.abs(want));
            assertThat(got).isNotEqualTo(start.param(p2));
        }
        System.out.printf("LibreOffice ran ShikumiTrain on %s, %d iterations in %.1f s: largest relative difference from training %.1e%n",
                start.layout().shapeText(), iterations, j.get("seconds").asDouble(), worst);
    }

    private static byte[] xlsm(Dataset data, Network start, int iterations, Locale locale) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorkbookExport.write(data, ETA, Training.gradientDescent(start, data, ETA, iterations, TrainingListener.NONE),
                locale, out, true);
        return out.toByteArray();
    }

    private static byte[] bytes(SplittableRandom random, int n, int alphabet) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(alphabet);
        }
        return b;
    }
}
