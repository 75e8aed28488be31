package io.github.shikumi.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.github.shikumi.Shikumi;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime (Microsoft's runtime, an independent implementation of the operators) runs the exported files. */
class OnnxExportTest {
    private static final Path BOOK_MODEL = Path.of("..", "examples", "book-model.json");
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @Test
    void onnx_runtime_gives_the_book_models_outputs_on_every_image_to_1e_6() throws Exception {
        Network net = ModelJson.read(BOOK_MODEL);
        assertAgrees(net, Shikumi.bookData());
        assertAgrees(net, Shikumi.data("aple-test"));
    }

    @Test
    void onnx_runtime_agrees_on_an_untrained_net_two_hidden_layers_and_softmax() throws Exception {
        Dataset d = Shikumi.bookData();
        assertAgrees(Network.initial(d, 7, 3), d);
        assertAgrees(Network.initial(d, 3, 6, 5), d);
        Network soft = Network.initialFanIn(new ParamLayout(20, 8, 4), d, Output.SOFTMAX, 2);
        Network trained = Training.gradientDescent(soft, d, 0.05, 50, TrainingListener.NONE).trained();
        assertAgrees(trained, d);
    }

    /** Tanh, ReLU and identity hidden layers become ONNX's Tanh, Relu and Identity: the runtime agrees. */
    @Test
    void onnx_runtime_agrees_on_every_activation_per_layer() throws Exception {
        Dataset d = io.github.shikumi.format.Datasets.bundled("aple");
        java.util.List<io.github.shikumi.model.Activation> all = java.util.List.of(io.github.shikumi.model.Activation.values());
        for (io.github.shikumi.model.Activation a : all) {
            assertAgrees(Network.initial(d, 4, 5).withActivations(java.util.List.of(a)), d);
            io.github.shikumi.model.Activation b = all.get((a.ordinal() + 1) % all.size());
            assertAgrees(Network.initialFanIn(new ParamLayout(20, 7, 6, 4), d, Output.SOFTMAX, 5)
                    .withActivations(java.util.List.of(a, b)), d);
        }
    }

    @Test
    void the_file_names_its_input_and_output_with_shapes_and_carries_labels_and_provenance() throws Exception {
        Network net = ModelJson.read(BOOK_MODEL);
        try (OrtSession s = ENV.createSession(OnnxExport.bytes(net), new OrtSession.SessionOptions())) {
            NodeInfo in = s.getInputInfo().get("image");
            NodeInfo out = s.getOutputInfo().get("scores");
            assertThat(((TensorInfo) in.getInfo()).getShape()).containsExactly(-1, 20);
            assertThat(((TensorInfo) out.getInfo()).getShape()).containsExactly(-1, 4);
            Map<String, String> meta = s.getMetadata().getCustomMetadata();
            assertThat(meta).containsEntry("labels", "[\"A\",\"P\",\"L\",\"E\"]").containsEntry("inputShape", "[5,4]")
                    .containsEntry("output", "sigmoid");
            assertThat(meta.get("provenance")).contains("\"seed\":1").contains("\"iterations\":500");
            assertThat(s.getMetadata().getProducerName()).isEqualTo("shikumi");
        }
        // standard operators only, the thresholds as biases b = −θ
        var graph = OnnxExport.model(net).getGraph();
        assertThat(graph.getNodeList()).extracting(n -> n.getOpType()).containsExactly("Gemm", "Sigmoid", "Gemm", "Sigmoid");
        assertThat(graph.getInitializer(1).getName()).isEqualTo("b1");
        assertThat(graph.getInitializer(1).getFloatData(2)).isEqualTo((float) -net.threshold(0, 2));
    }

    @Test
    void a_folder_as_the_target_is_refused_in_one_line(@TempDir Path dir) {
        Network net = ModelJson.read(BOOK_MODEL);
        assertThatThrownBy(() -> OnnxExport.write(net, dir)).isInstanceOf(ShikumiException.class)
                .hasMessage(dir + ": is a folder: give the path of a file to write");
    }

    @Test
    void the_written_file_is_the_models_bytes(@TempDir Path dir) throws Exception {
        Network net = ModelJson.read(BOOK_MODEL);
        Path f = dir.resolve("m.onnx");
        OnnxExport.write(net, f);
        assertThat(Files.readAllBytes(f)).isEqualTo(OnnxExport.bytes(net));
    }

    private static void assertAgrees(Network net, Dataset d) throws Exception {
        float[][] x = new float[d.size()][];
        for (int n = 0; n < d.size(); n++) {
            double[] img = d.image(n);
            x[n] = new float[img.length];
            for (int i = 0; i < img.length; i++) {
                x[n][i] = (float) img[i];
            }
        }
        try (OrtSession s = ENV.createSession(OnnxExport.bytes(net), new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(ENV, x);
             OrtSession.Result r = s.run(Map.of(OnnxExport.INPUT, t))) {
            float[][] z = (float[][]) r.get(OnnxExport.OUTPUT).get().getValue();
            assertThat(z).hasNumberOfRows(d.size());
            for (int n = 0; n < d.size(); n++) {
                double[] expected = net.outputs(d.image(n));
                for (int k = 0; k < expected.length; k++) {
                    assertThat((double) z[n][k]).as("image %d output %d", n + 1, k + 1)
                            .isCloseTo(expected[k], org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }

}
