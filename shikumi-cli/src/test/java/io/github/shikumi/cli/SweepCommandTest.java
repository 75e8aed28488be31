package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.optim.Sweep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Dataset d = Datasets.bundled("aple");
    private final String data = "aple";

    @Test
    void csv_holds_the_rows_of_the_sweep_and_is_the_same_on_one_thread_or_two() throws Exception {
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        String[] common = {"sweep", "--data", data, "--eta", "0.05,1", "--hidden", "1,3", "--seeds", "6",
            "--iterations", "150", "--lang", "en"};
        CliRun a = CliRun.of(append(common, "--threads", "1", "--csv", one.toString()));
        CliRun b = CliRun.of(append(common, "--threads", "2", "--csv", two.toString()));
        assertThat(a.exit()).as(a.err()).isEqualTo(0);
        assertThat(b.exit()).as(b.err()).isEqualTo(0);
        assertThat(Files.readString(two)).isEqualTo(Files.readString(one));

        List<Sweep.Row> rows = new Sweep(d, new double[] {0.05, 1}, new int[] {1, 3}, new long[] {1, 2, 3, 4, 5, 6}, 150, 1)
                .run(Sweep.Listener.NONE).rows();
        List<String> lines = Files.readAllLines(one);
        assertThat(lines.get(0)).isEqualTo("eta,hidden,seeds,reached,share,median_E,median_iterations_to_100");
        assertThat(lines).hasSize(5);
        for (int i = 0; i < 4; i++) {
            Sweep.Row r = rows.get(i);
            String its = Double.isNaN(r.medianIterationsTo100()) ? "" : String.valueOf(r.medianIterationsTo100());
            assertThat(lines.get(i + 1)).isEqualTo(r.eta() + "," + r.hidden() + ",6," + r.reached() + "," + r.share() + ","
                    + r.medianE() + "," + its);
        }
        assertThat(a.out()).contains("150 iterations per run; seeds 1 to 6; 24 runs on 1 threads", "reached 100 %",
                "rows written to " + one);
        assertThat(a.out().lines().filter(l -> l.matches("\\s+(0\\.05|1)\\s+[13]\\s+\\d+/6 \\(\\d+ %\\)\\s+\\d+\\.\\d{4}\\s+\\S+")).count())
                .isEqualTo(4);
    }

    @Test
    void json_rows_and_chart() throws Exception {
        Path chart = dir.resolve("share.svg");
        CliRun r = CliRun.of("sweep", "--data", data, "--eta", "0.2", "--hidden", "1,3", "--seeds", "3",
                "--iterations", "50", "--json", "--chart", chart.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("rows")).hasSize(2);
        assertThat(j.at("/rows/1/hidden").asInt()).isEqualTo(3);
        assertThat(j.at("/rows/0/seeds").asInt()).isEqualTo(3);
        assertThat(j.get("cancelled").asBoolean()).isFalse();
        assertThat(Files.readString(chart)).contains("<svg");
    }

    @Test
    void bad_counts_and_values_are_usage_errors() {
        CliRun s = CliRun.of("sweep", "--data", data, "--seeds", "0", "--lang", "en");
        assertThat(s.exit()).isEqualTo(2);
        assertThat(s.err()).startsWith("shikumi: --seeds must be 1 or more, got 0");
        CliRun e = CliRun.of("sweep", "--data", data, "--eta", "0.05,-1", "--lang", "en");
        assertThat(e.exit()).isEqualTo(2);
        assertThat(e.errLine()).startsWith("shikumi: --eta: η (learning rate) must be a positive finite number, got -1");
        CliRun h = CliRun.of("sweep", "--data", data, "--hidden", "0", "--lang", "en");
        assertThat(h.exit()).isEqualTo(2);
        assertThat(h.errLine()).isEqualTo("shikumi: --hidden: hidden units must be 1 or more, got 0");
        CliRun t = CliRun.of("sweep", "--data", data, "--threads", "0", "--lang", "en");
        assertThat(t.exit()).isEqualTo(2);
    }

    @Test
    void interrupting_a_sweep_leaves_the_finished_rows_written() throws Exception {
        Path csv = dir.resolve("rows.csv");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "sweep", "--data", data, "--seeds", "300", "--iterations", "300", "--csv", csv.toString(), "--lang", "en")
                .redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(csv) && Files.readAllLines(csv).size() >= 2) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(p.isAlive()).as("the sweep is still running after its first row").isTrue();
            p.destroy(); // SIGTERM: the same shutdown path as Ctrl-C (SIGINT)
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("eta,hidden");
        assertThat(lines.size() - 1).as("finished rows").isBetween(1, 15);
        // every written row is the full row of its setting: recompute each one on its own
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long[] seeds = new long[300];
            for (int s = 0; s < 300; s++) {
                seeds[s] = s + 1;
            }
            Sweep.Row r = new Sweep(d, new double[] {Double.parseDouble(f[0])}, new int[] {Integer.parseInt(f[1])}, seeds,
                    300, 2).run(Sweep.Listener.NONE).rows().get(0);
            assertThat(Integer.parseInt(f[3])).as(line).isEqualTo(r.reached());
            assertThat(Double.parseDouble(f[5])).as(line).isEqualTo(r.medianE());
        }
        assertThat(Files.readString(dir.resolve("out.txt"))).contains("cancelled: " + (lines.size() - 1) + " of 16 settings finished");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).doesNotContain(".rows.csv.tmp")
                    .allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    private static String[] append(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
