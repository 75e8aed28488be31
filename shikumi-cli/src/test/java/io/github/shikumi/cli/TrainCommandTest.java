package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void defaults_reproduce_the_books_experiment_on_aple() throws Exception {
        CliRun r = CliRun.of("train", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.at("/network/sizes").toString()).isEqualTo("[20,3,4]");
        assertThat(j.at("/network/parameters").asInt()).isEqualTo(79);
        assertThat(j.at("/data/images").asInt()).isEqualTo(128);
        assertThat(j.at("/eta").asDouble()).isEqualTo(0.05);
        assertThat(j.at("/iterations").asInt()).isEqualTo(500);
        assertThat(j.at("/curve/E").size()).isEqualTo(501);
        double before = j.at("/before/E").asDouble();
        double after = j.at("/after/E").asDouble();
        assertThat(after).isLessThan(before / 10);
        assertThat(j.at("/after/accuracy").asDouble()).isEqualTo(1.0);
        // E before training, recomputed independently from the seed's initial network
        Dataset aple = Datasets.bundled("aple");
        Network initial = Network.initial(aple, 1, 3);
        assertThat(before).isCloseTo(Reference.error(initial, aple), within(1e-9));
        assertThat(j.at("/images").size()).isEqualTo(128);
    }

    @Test
    void human_output_shows_shape_errors_and_every_image_before_and_after() {
        CliRun r = CliRun.of("train", "--lang", "en", "--ascii");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("network: 20-3-4 (79 parameters)", "η = 0.05, 500 iterations", "before training",
                "after training", "accuracy");
        // one numbered row per image, with the bitmap drawn in #/. rows under it
        assertThat(r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+[#.]{4}\\s+[APLE]\\s+\\|.*")).count()).isEqualTo(128);
    }

    @Test
    void japanese_output_uses_the_books_words() {
        CliRun r = CliRun.of("train", "--lang", "ja", "--iterations", "5");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("学習前", "学習後", "未学習", "学習済み", "正解率");
    }

    @Test
    void out_writes_the_trained_model_whose_error_matches_the_report() throws Exception {
        Path model = dir.resolve("m.json");
        CliRun r = CliRun.of("train", "--json", "--iterations", "50", "--out", model.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        Network trained = ModelJson.read(model);
        double reported = JSON.readTree(r.out()).at("/after/E").asDouble();
        assertThat(Reference.error(trained, Datasets.bundled("aple"))).isCloseTo(reported, within(1e-9));
        assertThat(trained.provenance()).containsEntry("seed", 1).containsEntry("data", "aple");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("m.json");
        }
    }

    @Test
    void init_continues_from_a_model_file() throws Exception {
        Path model = dir.resolve("m.json");
        assertThat(CliRun.of("train", "--iterations", "20", "--out", model.toString()).exit()).isEqualTo(0);
        CliRun r = CliRun.of("train", "--json", "--iterations", "0", "--init", model.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(JSON.readTree(r.out()).at("/before/E").asDouble())
                .isCloseTo(Reference.error(ModelJson.read(model), Datasets.bundled("aple")), within(1e-9));
    }

    @Test
    void existing_out_file_is_kept_without_force() throws Exception {
        Path model = dir.resolve("m.json");
        Files.writeString(model, "precious");
        CliRun r = CliRun.of("train", "--iterations", "3", "--out", model.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: " + model + ": file already exists (use --force to overwrite)");
        assertThat(Files.readString(model)).isEqualTo("precious");
        assertThat(CliRun.of("train", "--iterations", "3", "--out", model.toString(), "--force").exit()).isEqualTo(0);
        assertThat(Files.readString(model)).contains("shikumi-model/1");
    }

    @Test
    void out_in_a_missing_folder_is_rejected_before_training() {
        Path model = dir.resolve("no/such/m.json");
        CliRun r = CliRun.of("train", "--out", model.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).startsWith("shikumi: " + model + ": folder ").endsWith(" does not exist").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void eta_must_be_positive_and_finite() {
        for (String eta : new String[] {"0", "-0.05", "NaN", "Infinity"}) {
            CliRun r = CliRun.of("train", "--eta", eta);
            assertThat(r.exit()).as(eta).isEqualTo(2);
            assertThat(r.errLine()).as(eta).startsWith("shikumi: --eta: η (learning rate) must be a positive finite number")
                    .doesNotContain("\n");
        }
        CliRun r = CliRun.of("train", "--eta", "abc");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--eta").doesNotContain("Exception");
    }

    @Test
    void iterations_below_zero_and_hidden_below_one_are_rejected() {
        CliRun it = CliRun.of("train", "--iterations", "-1");
        assertThat(it.exit()).isEqualTo(2);
        assertThat(it.errLine()).isEqualTo("shikumi: --iterations: iterations must be 0 or more, got -1");
        CliRun h = CliRun.of("train", "--hidden", "0");
        assertThat(h.exit()).isEqualTo(2);
        assertThat(h.errLine()).isEqualTo("shikumi: --hidden: hidden units must be 1 or more, got 0");
    }

    @Test
    void errors_are_reported_in_japanese_too() {
        CliRun r = CliRun.of("train", "--lang", "ja", "--iterations", "-1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: --iterations: 反復回数は 0 以上でなければなりません: -1");
    }

    @Test
    void deeper_networks_train_with_a_hidden_list() throws Exception {
        CliRun r = CliRun.of("train", "--json", "--hidden", "6,5", "--iterations", "100");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.at("/network/sizes").toString()).isEqualTo("[20,6,5,4]");
        assertThat(j.at("/after/E").asDouble()).isLessThan(j.at("/before/E").asDouble());
    }
}
