package io.github.shikumi.format;

import static io.github.shikumi.Fixtures.englishMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad model JSON: one line naming the file and the field (or line:column for syntax errors). */
class ModelJsonErrorsTest {
    /** A valid 2-2-2 model in the DESIGN.md format, with the given format, labels and weights. */
    private static String model(String format, String labels, String hiddenWeights, String outputWeights) {
        return "{\n"
                + "  \"format\": \"" + format + "\",\n"
                + "  \"labels\": " + labels + ",\n"
                + "  \"inputShape\": [1, 2],\n"
                + "  \"activation\": \"sigmoid\",\n"
                + "  \"layers\": [\n"
                + "    {\"weights\": " + hiddenWeights + ", \"thresholds\": [0.25, -0.5]},\n"
                + "    {\"weights\": " + outputWeights + ", \"thresholds\": [0.5, -0.25]}\n"
                + "  ]\n"
                + "}\n";
    }

    private static final String HW = "[[0.5, -0.25], [-0.5, 0.75]]";
    private static final String OW = "[[1.0, -0.75], [-0.5, 0.25]]";
    private static final String AB = "[\"A\", \"B\"]";

    private static String parse(String json) {
        return englishMessage(() -> ModelJson.parse("m.json", json));
    }

    @Test
    void the_valid_template_parses() {
        assertThat(ModelJson.parse("m.json", model("shikumi-model/1", AB, HW, OW)).layout().shapeText()).isEqualTo("2-2-2");
    }

    @Test
    void malformed_json_is_rejected_with_line_and_column() {
        String json = "{\n  \"format\": \"shikumi-model/1\",\n  \"labels\": [\"A\" \"B\"]\n}\n";
        assertThat(parse(json)).isEqualTo("m.json:3:18: malformed JSON: Unexpected character ('\"' (code 34)): "
                + "was expecting comma to separate Array entries");
    }

    @Test
    void truncated_json_is_rejected() {
        assertThat(parse("{\"format\": \"shikumi-model/1\"")).startsWith("m.json:1:").contains(": malformed JSON: ");
        assertThat(parse("")).isEqualTo("m.json: malformed JSON: expected an object {...}");
        assertThat(parse("[1, 2]")).isEqualTo("m.json: malformed JSON: expected an object {...}");
    }

    @Test
    void wrong_format_string_is_rejected() {
        assertThat(parse(model("shikumi-model/2", AB, HW, OW)))
                .isEqualTo("m.json: format: format is \"shikumi-model/2\", expected \"shikumi-model/1\"");
    }

    @Test
    void missing_field_is_rejected() {
        assertThat(parse(model("shikumi-model/1", AB, HW, OW).replace("  \"labels\": [\"A\", \"B\"],\n", "")))
                .isEqualTo("m.json: missing field \"labels\"");
        assertThat(parse(model("shikumi-model/1", AB, HW, OW).replace(", \"thresholds\": [0.5, -0.25]", "")))
                .isEqualTo("m.json: missing field \"layers[1].thresholds\"");
    }

    @Test
    void wrong_row_length_is_rejected() {
        assertThat(parse(model("shikumi-model/1", AB, "[[0.5, -0.25], [-0.5]]", OW)))
                .isEqualTo("m.json: layers[0].weights[1]: has 1 values, expected 2");
    }

    @Test
    void wrong_row_count_is_rejected() {
        assertThat(parse(model("shikumi-model/1", AB, "[[0.5, -0.25], [-0.5, 0.75], [1, 1]]", OW)))
                .isEqualTo("m.json: layers[0].weights: has 3 rows, expected 2");
    }

    @Test
    void a_non_number_is_rejected() {
        assertThat(parse(model("shikumi-model/1", AB, "[[0.5, \"x\"], [-0.5, 0.75]]", OW)))
                .isEqualTo("m.json: layers[0].weights[0][1]: field \"layers[0].weights[0][1]\" should be a number");
    }

    @Test
    void a_number_too_large_for_a_double_is_rejected() {
        // 1e999 overflows to Infinity when read (JSON itself has no NaN or Infinity)
        assertThat(parse(model("shikumi-model/1", AB, HW, "[[1e999, -0.75], [-0.5, 0.25]]")))
                .isEqualTo("m.json: layers[1].weights[0][0]: value Infinity is not a finite number");
    }

    @Test
    void labels_count_mismatch_is_rejected() {
        assertThat(parse(model("shikumi-model/1", "[\"A\", \"B\", \"C\"]", HW, OW)))
                .isEqualTo("m.json: labels: the model has 2 outputs but 3 labels");
    }

    @Test
    void an_unsupported_activation_is_rejected() {
        assertThat(parse(model("shikumi-model/1", AB, HW, OW).replace("sigmoid", "softplus")))
                .isEqualTo("m.json: activation: activation \"softplus\" is not supported (supported: sigmoid, tanh, relu, identity)");
    }

    @Test
    void input_shape_must_be_two_positive_whole_numbers() {
        String valid = model("shikumi-model/1", AB, HW, OW);
        String expected = "m.json: inputShape: field \"inputShape\" should be [height, width]";
        assertThat(parse(valid.replace("[1, 2]", "[0, 2]"))).isEqualTo(expected);
        assertThat(parse(valid.replace("[1, 2]", "[2]"))).isEqualTo(expected);
        assertThat(parse(valid.replace("[1, 2]", "[1.5, 2]"))).isEqualTo(expected);
        assertThat(parse(valid.replace("[1, 2]", "[\"1\", 2]"))).isEqualTo(expected);
        assertThat(parse(valid.replace("[1, 2]", "[100000, 100000]"))).isEqualTo(expected); // 10^10 inputs
        // a whole number written with a decimal point is still a whole number
        assertThat(ModelJson.parse("m.json", valid.replace("[1, 2]", "[1.0, 2]")).height()).isEqualTo(1);
    }

    @Test
    void a_missing_file_is_reported(@TempDir Path dir) {
        Path file = dir.resolve("none.json");
        assertThat(englishMessage(() -> ModelJson.read(file))).isEqualTo(file + ": file not found");
    }

    @Test
    void a_duplicate_key_is_rejected() {
        String json = model("shikumi-model/1", AB, HW, OW).replace("\"activation\": \"sigmoid\",", "\"activation\": \"sigmoid\", \"activation\": \"sigmoid\",");
        assertThat(parse(json)).startsWith("m.json:5:").contains("malformed JSON: Duplicate field 'activation'");
    }
}
