package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: a diverged run says so and predicts nothing; models and data are checked against each other. */
class DivergenceAndFitCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIVERGED_EN = "shikumi: training diverged at iteration 1: E or a parameter became NaN or"
            + " infinite (η = 1E+308 is too large); nothing is predicted from it and no model is written";

    @TempDir
    Path dir;

    @Test
    void train_with_eta_1e308_stops_at_iteration_1_says_so_on_one_line_and_exits_1() {
        CliRun r = CliRun.of("train", "--eta", "1e308", "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo(DIVERGED_EN);
        assertThat(r.out()).doesNotContain("NaN", "○", " × ", "before training").contains("57.9028", "–");
    }

    @Test
    void the_divergence_line_is_in_japanese_too() {
        CliRun r = CliRun.of("train", "--eta", "1e308", "--lang", "ja");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo("shikumi: 学習は反復 1 で発散しました: E かパラメータが NaN か無限大になりました"
                + " (η = 1E+308 が大きすぎます)。そこからは予測せず、モデルも書き出しません");
    }

    @Test
    void json_names_the_iteration_and_has_no_numbers_from_nan() throws Exception {
        CliRun r = CliRun.of("train", "--eta", "1e308", "--json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.at("/diverged").asInt()).isEqualTo(1);
        assertThat(j.at("/iterations").asInt()).isEqualTo(1);
        assertThat(j.at("/after/E").isNull()).isTrue();
        assertThat(j.at("/after/accuracy").isNull()).isTrue();
        assertThat(j.at("/curve/E").toString()).endsWith(",null]");
        assertThat(j.has("images")).isFalse();
        assertThat(r.out()).doesNotContain("NaN");
    }

    @Test
    void a_run_that_does_not_diverge_has_a_null_diverged_field() throws Exception {
        CliRun r = CliRun.of("train", "--iterations", "3", "--json");
        assertThat(r.exit()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.has("diverged")).isTrue();
        assertThat(j.at("/diverged").isNull()).isTrue();
    }

    @Test
    void a_diverged_run_writes_no_model_file() {
        Path out = dir.resolve("m.json");
        CliRun r = CliRun.of("train", "--eta", "1e308", "--out", out.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine()).isEqualTo(DIVERGED_EN);
        assertThat(out).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void mini_batch_training_that_diverges_names_epoch_and_step_and_exits_1() {
        Path out = dir.resolve("m.json");
        CliRun r = CliRun.of("train", "--epochs", "2", "--batch", "16", "--eta", "1e308", "--threads", "1", "--out",
                out.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.errLine()).matches("shikumi: training diverged in epoch 1 at step \\d of 8: the loss or a parameter became"
                + " NaN or infinite \\(η = 1E\\+308 is too large\\); nothing is predicted from it and no model is written");
        assertThat(r.out()).doesNotContain("confusion", "NaN");
        assertThat(out).doesNotExist();
    }

    @Test
    void compare_shows_a_diverged_optimizer_as_diverged_instead_of_numbers() throws Exception {
        CliRun human = CliRun.of("compare", "--optimizers", "gd,cg", "--eta", "1e308", "--iterations", "20", "--lang", "en");
        assertThat(human.exit()).isEqualTo(0);
        assertThat(human.out()).doesNotContainPattern("\\s{2}NaN") // no NaN in a table cell
                .containsPattern("gd\\s+diverged\\s+–\\s+1\\s")
                .contains("gd diverged at iteration 1: E or a parameter became NaN or infinite, so it has no E or accuracy");
        CliRun json = CliRun.of("compare", "--optimizers", "gd,cg", "--eta", "1e308", "--iterations", "20", "--json");
        JsonNode gd = JSON.readTree(json.out()).at("/results/0");
        assertThat(gd.at("/diverged").asInt()).isEqualTo(1);
        assertThat(gd.at("/E").isNull()).isTrue();
        assertThat(gd.at("/accuracy").isNull()).isTrue();
        assertThat(JSON.readTree(json.out()).at("/results/1").has("diverged")).isFalse();
    }

    @Test
    void sweep_counts_diverged_runs_and_gives_them_no_final_E() throws Exception {
        CliRun human = CliRun.of("sweep", "--eta", "1e308,0.05", "--hidden", "3", "--seeds", "2", "--iterations", "50",
                "--threads", "1", "--lang", "en");
        assertThat(human.exit()).isEqualTo(0);
        assertThat(human.out()).doesNotContainPattern("\\s{2}NaN") // no NaN in a table cell
                .containsPattern("1E\\+308\\s+3\\s+0/2 \\(0 %\\)\\s+diverged")
                .contains("η = 1E+308, 3 hidden: 2 of 2 runs diverged (E or a parameter became NaN or infinite);"
                        + " they have no final E and do not count as reaching 100 %");
        CliRun json = CliRun.of("sweep", "--eta", "1e308", "--hidden", "3", "--seeds", "2", "--iterations", "50",
                "--threads", "1", "--json");
        JsonNode row = JSON.readTree(json.out()).at("/rows/0");
        assertThat(row.at("/diverged").asInt()).isEqualTo(2);
        assertThat(row.at("/medianE").isNull()).isTrue();
        assertThat(row.at("/reached").asInt()).isEqualTo(0);
    }

    private Path model(int height, int width, List<String> labels) throws Exception {
        ParamLayout layout = new ParamLayout(20, 3, labels.size());
        Path m = dir.resolve(height + "x" + width + ".json");
        Files.writeString(m, ModelJson.write(new Network(layout, labels, height, width, new double[layout.count()])));
        return m;
    }

    @Test
    void a_4x5_model_on_5x4_data_is_refused_with_exit_2_naming_both_shapes_and_the_model() throws Exception {
        Path m = model(4, 5, List.of("A", "P", "L", "E"));
        for (String command : List.of("classify", "gradient", "gradcheck")) {
            CliRun r = CliRun.of(command, "--model", m.toString(), "--lang", "en");
            assertThat(r.exit()).as(command).isEqualTo(2);
            assertThat(r.errLine()).as(command)
                    .isEqualTo("shikumi: " + m + ": the model reads images of 4×5 (inputShape) but the data's images are 5×4");
        }
        CliRun init = CliRun.of("train", "--init", m.toString(), "--lang", "ja");
        assertThat(init.exit()).isEqualTo(2);
        assertThat(init.errLine()).isEqualTo("shikumi: " + m + ": モデルが読む画像は 4×5 (inputShape) ですが、データの画像は 5×4 です");
    }

    @Test
    void a_model_with_other_labels_is_refused_with_exit_2_naming_both_lists() throws Exception {
        Path m = model(5, 4, List.of("A", "P", "E", "L"));
        CliRun r = CliRun.of("classify", "--model", m.toString(), "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + m + ": the model's labels [A, P, E, L] do not match the data's labels"
                + " [A, P, L, E]");
    }

    @Test
    void a_csv_file_of_0_and_1_with_a_stray_2_is_refused_naming_file_line_and_column() throws Exception {
        Path csv = dir.resolve("bw.csv");
        Files.writeString(csv, "label,p1,p2,p3,p4\na,0,1,1,0\nb,1,0,0,1\na,0,1,2,0\nb,1,0,0,1\n");
        CliRun r = CliRun.of("data", "show", csv.toString(), "--shape", "2x2", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + csv + ":4:4: field 4 is 2, a grey level from 0 to 255, but line 2 has"
                + " only 0 and 1 (pixels from 0 to 1): write every pixel either from 0 to 1 or as a whole number from 0 to 255");
    }
}
