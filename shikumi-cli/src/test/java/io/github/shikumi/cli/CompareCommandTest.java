package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.Training;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Dataset d = Datasets.bundled("aple");
    private final String data = "aple";

    @Test
    void json_has_exactly_the_documented_fields_for_every_optimizer() throws Exception {
        CliRun r = CliRun.of("compare", "--data", data, "--iterations", "100", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(fields(j)).containsExactly("results", "startE");
        double e0 = Reference.error(Network.initial(d, 1, 3), d);
        assertThat(j.get("startE").asDouble()).isCloseTo(e0, within(1e-9));
        List<String> names = new ArrayList<>();
        for (JsonNode res : j.get("results")) {
            names.add(res.get("optimizer").asText());
            assertThat(fields(res)).containsExactly("optimizer", "E", "accuracy", "iterations", "evaluations", "seconds");
            assertThat(fields(res.get("evaluations"))).containsExactly("objective", "gradient");
            assertThat(res.get("E").asDouble()).isLessThan(e0);
            assertThat(res.get("accuracy").asDouble()).isBetween(0.0, 1.0);
            assertThat(res.get("iterations").asInt()).isBetween(1, 100);
            assertThat(res.get("seconds").asDouble()).isPositive();
        }
        assertThat(names).containsExactly("gd", "momentum", "cg", "derivative-free");
        JsonNode gd = j.get("results").get(0);
        // the book's method from seed 1, 100 iterations, run directly
        double expected = Training.gradientDescent(Network.initial(d, 1, 3), d, 0.05, 100, (k, n, e, a, p) -> true).e(100);
        assertThat(gd.get("E").asDouble()).isEqualTo(expected);
        assertThat(gd.at("/evaluations/objective").asLong()).isEqualTo(101);
        assertThat(gd.at("/evaluations/gradient").asLong()).isEqualTo(101);
        assertThat(j.get("results").get(3).at("/evaluations/gradient").asLong()).isZero();
    }

    @Test
    void human_output_is_a_table_with_one_row_per_optimizer_and_what_an_iteration_is() {
        CliRun r = CliRun.of("compare", "--data", data, "--iterations", "50", "--optimizers", "gd,cg", "--lang", "en");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("network: 20-3-4 (79 parameters)", "start: initial parameters from seed 1, E = ",
                "optimizer", "accuracy", "iterations", "E evals", "∂E evals", "seconds: gd ", "cg: conjugate gradient (Hipparchus)");
        assertThat(r.out().lines().filter(l -> l.matches("(gd|cg)\\s+\\S+\\s+\\d+\\.\\d %\\s+\\d+\\s+\\d+\\s+\\d+")).count()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("momentum:");
    }

    @Test
    void japanese_output_uses_japanese_words() {
        CliRun r = CliRun.of("compare", "--data", data, "--iterations", "5", "--lang", "ja");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("最適化法", "正解率", "反復回数", "共役勾配法");
    }

    @Test
    void zero_init_starts_where_every_output_is_one_half() throws Exception {
        CliRun r = CliRun.of("compare", "--data", data, "--iterations", "20", "--zero-init", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        // all parameters 0: s = 0 and z = σ(0) = ½ everywhere, so e = ½·Σ_k (t_k − ½)² = ½·4·¼ = ½ per image
        assertThat(JSON.readTree(r.out()).get("startE").asDouble()).isEqualTo(128 * 0.5);
    }

    @Test
    void chart_is_written_as_png_or_svg_by_extension() throws Exception {
        Path png = dir.resolve("e.png");
        Path svg = dir.resolve("e.svg");
        CliRun a = CliRun.of("compare", "--data", data, "--iterations", "20", "--chart", png.toString(), "--lang", "en");
        CliRun b = CliRun.of("compare", "--data", data, "--iterations", "20", "--chart", svg.toString());
        assertThat(a.exit()).as(a.err()).isEqualTo(0);
        assertThat(b.exit()).as(b.err()).isEqualTo(0);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg");
        assertThat(a.out()).contains("chart written to " + png);
    }

    @Test
    void bad_chart_names_and_optimizers_are_usage_errors_before_any_work() throws Exception {
        Path gif = dir.resolve("e.gif");
        CliRun r = CliRun.of("compare", "--data", data, "--chart", gif.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("shikumi: chart file \"" + gif + "\" must end in .png or .svg").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        assertThat(gif).doesNotExist();

        CliRun o = CliRun.of("compare", "--data", data, "--optimizers", "gd,lbfgs", "--lang", "en");
        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).startsWith("shikumi: --optimizers: unknown optimizer \"lbfgs\" (known: "
                + String.join(", ", io.github.shikumi.optim.Optimizers.NAMES) + ")");
        // adam (issue 12) is one of them and explains its iteration in both languages
        for (String lang : java.util.List.of("en", "ja")) {
            CliRun adam = CliRun.of("compare", "--data", data, "--optimizers", "gd,adam", "--iterations", "5", "--lang", lang);
            assertThat(adam.exit()).as(adam.err()).isEqualTo(0);
            assertThat(adam.out()).contains("adam: ", "√v̂ + ε");
        }

        Path missing = dir.resolve("no/such/e.png");
        CliRun m = CliRun.of("compare", "--data", data, "--chart", missing.toString(), "--lang", "en");
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.errLine()).startsWith("shikumi: " + missing + ": folder ").doesNotContain("\n");

        Path existing = dir.resolve("kept.svg");
        Files.writeString(existing, "precious");
        CliRun k = CliRun.of("compare", "--data", data, "--chart", existing.toString(), "--lang", "en");
        assertThat(k.exit()).isEqualTo(2);
        assertThat(Files.readString(existing)).isEqualTo("precious");

        CliRun both = CliRun.of("compare", "--data", data, "--zero-init", "--init", "m.json", "--lang", "en");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).startsWith("shikumi: give --init or --zero-init, not both");

        CliRun eta = CliRun.of("compare", "--data", data, "--eta", "0", "--lang", "en");
        assertThat(eta.exit()).isEqualTo(2);
        assertThat(eta.errLine()).startsWith("shikumi: --eta: η (learning rate) must be a positive finite number");
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void solver_computes_E_only_and_counts_n_plus_one_per_gradient() {
        CliRun r = CliRun.of("compare", "--optimizers", "solver", "--iterations", "3", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        com.fasterxml.jackson.databind.JsonNode row = readJson(r.out()).get("results").get(0);
        assertThat(row.get("optimizer").asText()).isEqualTo("solver");
        assertThat(row.get("evaluations").get("gradient").asLong()).isZero();
        // 4 gradients (the start and each of 3 iterations) × (79 + 1) E, plus the line searches' E
        assertThat(row.get("evaluations").get("objective").asLong()).isGreaterThan(4L * 80);
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }
}
