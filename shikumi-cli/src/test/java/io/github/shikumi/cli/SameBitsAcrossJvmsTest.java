package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducibility contract across JVMs: the same command in JVMs that run the plain kernels
 * ({@code -Dshikumi.simd=false}), the Vector API at the CPU's width, at 128 and 256 bits
 * ({@code -XX:MaxVectorSize=16/32}, as on other CPUs), and with the quick JIT only (as the launcher runs short
 * jobs) prints every iteration's E (every epoch's losses and accuracies) with the same bits, and writes
 * model files with the same bytes; the float path also with 1 and 2 threads. On x86 also a JVM held to AVX2's
 * instructions ({@code -XX:UseAVX=2}: 256-bit vectors and 16 vector registers, as on an AVX2 CPU; the float kernels
 * take their tiles for 16 registers there), and JVMs whose float kernels are forced to the other tile shape
 * ({@code -Dshikumi.tile}).
 */
class SameBitsAcrossJvmsTest {
    private static final boolean X86 = List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    private static final List<String> AVX2 = List.of("--add-modules", "jdk.incubator.vector", "-XX:UseAVX=2");
    /** The JVMs of every test; the last (the quick JIT, plain kernels) only for the book-sized runs. */
    private static final List<List<String>> JVMS = jvms();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<List<String>> jvms() {
        List<List<String>> jvms = new ArrayList<>(List.of(
                List.of("-Dshikumi.simd=false"),
                List.of("--add-modules", "jdk.incubator.vector"),
                List.of("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=16"),
                List.of("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=32"),
                List.of("--add-modules", "jdk.incubator.vector", "-Dshikumi.tile=6x2"),
                List.of("--add-modules", "jdk.incubator.vector", "-XX:MaxVectorSize=32", "-Dshikumi.tile=4x4")));
        if (X86) {
            jvms.add(AVX2);
        }
        jvms.add(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        return List.copyOf(jvms);
    }

    @TempDir
    Path dir;

    @Test
    void the_forked_jvms_really_differ_in_kernels_and_vector_width() throws Exception {
        List<String> seen = new ArrayList<>();
        for (List<String> jvm : JVMS) {
            seen.add(java(jvm, VectorWidthProbe.class.getName()).strip());
        }
        assertThat(seen.get(0)).isEqualTo("plain none");
        assertThat(seen.get(1)).startsWith("vector ");
        assertThat(seen.get(2)).isEqualTo("vector 128");
        assertThat(seen.get(3)).isIn("vector 256", "vector 128");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("plain none");
        if (X86) {
            assertThat(seen.get(JVMS.indexOf(AVX2))).isIn("vector 256", "vector 128");
        }
    }

    @Test
    void the_float_kernels_take_the_tile_each_jvm_asks_for() throws Exception {
        List<String> tiles = new ArrayList<>();
        for (List<String> jvm : JVMS.subList(1, JVMS.size() - 1)) {
            tiles.add(java(jvm, TileProbe.class.getName()).strip());
        }
        String full = tiles.get(0);
        assertThat(full).matches("vector, (4x4|6x2) tiles of (128|256|512)-bit vectors");
        assertThat(tiles.get(1)).as("128 bits").isIn("vector, 4x4 tiles of 128-bit vectors",
                "vector, 6x2 tiles of 128-bit vectors");
        assertThat(tiles.get(3)).as("forced 6x2").startsWith("vector, 6x2 tiles of ");
        assertThat(tiles.get(4)).as("forced 4x4").startsWith("vector, 4x4 tiles of ");
        if (X86) {
            // AVX2's 16 registers: the narrow tiles, unless the CPU lacks AVX2 altogether (then 128 bits)
            assertThat(tiles.get(JVMS.indexOf(AVX2) - 1)).isIn("vector, 6x2 tiles of 256-bit vectors",
                    "vector, 6x2 tiles of 128-bit vectors");
        }
    }

    @Test
    void the_books_job_gives_the_same_bits_in_every_jvm() throws Exception {
        sameEverywhere("book", List.of("train"));
    }

    @Test
    void two_hidden_units_with_eta_0_2_give_the_same_bits_in_every_jvm() throws Exception {
        // a run that is sensitive to rounding: before the canonical order it ended at E 5.79 or 5.15 by the JVM
        sameEverywhere("hidden2", List.of("train", "--hidden", "2", "--eta", "0.2"));
    }

    @Test
    void two_hidden_layers_give_the_same_bits_in_every_jvm() throws Exception {
        sameEverywhere("deep", List.of("train", "--hidden", "5,4", "--eta", "0.2", "--iterations", "300"));
    }

    @Test
    void a_softmax_run_gives_the_same_bits_in_every_jvm() throws Exception {
        sameEverywhere("softmax", List.of("train", "--output", "softmax", "--eta", "0.1", "--iterations", "300"));
    }

    @Test
    void tanh_and_relu_layers_trained_by_adam_give_the_same_bits_in_every_jvm() throws Exception {
        // the other roles: tanh (StrictMath) and ReLU per layer, Adam's state and StrictMath.pow
        sameEverywhere("roles", List.of("train", "--hidden", "5,4", "--activation", "tanh,relu", "--optimizer", "adam",
                "--eta", "0.01", "--iterations", "300"));
    }

    @Test
    void a_float_mini_batch_run_with_tanh_and_adam_gives_the_same_bits_in_every_jvm_and_thread_count() throws Exception {
        Path fm = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isDirectory(fm), "Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)");
        floatSameEverywhere("fmroles", List.of("train", "--data", "idx:" + fm, "--layers", "784,24,10", "--output",
                "softmax", "--activation", "tanh", "--optimizer", "adam", "--eta", "0.001", "--batch", "100",
                "--epochs", "1"));
    }

    @Test
    void a_float_mini_batch_run_on_fashion_mnist_gives_the_same_bits_in_every_jvm_and_thread_count() throws Exception {
        Path fm = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isDirectory(fm), "Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)");
        floatSameEverywhere("fm", List.of("train", "--data", "idx:" + fm, "--layers", "784,32,10", "--output", "softmax",
                "--batch", "100", "--epochs", "1"));
    }

    /** A float run in the Vector API JVMs with 1 and 2 threads and in the plain one with 2. */
    private void floatSameEverywhere(String name, List<String> args) throws Exception {
        List<String> reference = null;
        byte[] model = null;
        int run = 0;
        for (List<String> jvm : JVMS.subList(0, JVMS.size() - 1)) {
            for (String threads : jvm.size() == 2 ? List.of("1", "2") : List.of("2")) {
                List<String> a = new ArrayList<>(args);
                a.addAll(List.of("--threads", threads));
                Path out = dir.resolve(name + run++ + ".json");
                List<String> fp = fingerprint(jvm, a, out);
                byte[] bytes = Files.readAllBytes(out);
                if (reference == null) {
                    reference = fp;
                    model = bytes;
                    assertThat(fp).isNotEmpty();
                } else {
                    assertThat(fp).as("%s --threads %s", jvm, threads).containsExactlyElementsOf(reference);
                    assertThat(bytes).as("model file of %s --threads %s", jvm, threads).isEqualTo(model);
                }
            }
        }
    }

    private void sameEverywhere(String name, List<String> args) throws Exception {
        List<String> reference = null;
        byte[] model = null;
        for (int i = 0; i < JVMS.size(); i++) {
            Path out = dir.resolve(name + i + ".json");
            List<String> fp = fingerprint(JVMS.get(i), args, out);
            byte[] bytes = Files.readAllBytes(out);
            if (reference == null) {
                reference = fp;
                model = bytes;
                assertThat(fp).hasSizeGreaterThan(100);
            } else {
                assertThat(fp).as("E of every iteration in %s", JVMS.get(i)).containsExactlyElementsOf(reference);
                assertThat(new String(bytes, StandardCharsets.UTF_8)).as("model file in %s", JVMS.get(i))
                        .isEqualTo(new String(model, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * The run's numbers as the exact decimal text Jackson writes (the shortest that reads back to the same
     * double, so equal text is equal bits): every iteration's E and accuracy, or every epoch's losses and
     * accuracies, and every image's outputs.
     */
    private static List<String> fingerprint(List<String> jvm, List<String> args, Path out) throws Exception {
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--json", "--out", out.toString()));
        a.add(0, Main.class.getName());
        JsonNode root = JSON.readTree(java(jvm, a.toArray(new String[0])));
        List<String> fp = new ArrayList<>();
        if (root.has("curve")) {
            root.get("curve").get("E").forEach(v -> fp.add("E " + v.asText()));
            root.get("curve").get("accuracy").forEach(v -> fp.add("accuracy " + v.asText()));
            root.get("images").forEach(img -> fp.add(img.get("after").toString()));
        } else {
            for (JsonNode e : root.get("epochs")) {
                for (String f : List.of("loss", "trainAccuracy", "testLoss", "testAccuracy")) {
                    fp.add(f + " " + e.get(f).asText());
                }
            }
        }
        return fp;
    }

    private static String java(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("%s finished", cmd).isTrue();
        assertThat(p.exitValue()).as("exit code of %s", cmd).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
