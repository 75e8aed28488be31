package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Export view's ONNX file: ONNX Runtime (Microsoft's reference runtime, independent of shikumi) runs the
 * downloaded model of the iteration shown on every image of the session's data and gives the outputs of the
 * model JSON of the same iteration, to 1e-6 (float); a tanh hidden layer included.
 */
class OnnxExportApiTest {
    static TestServer server;
    static final Dataset DATA = Reference.letters(4);
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> download(String path) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + path)).GET().build();
        return server.http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void onnx_runtime_runs_the_downloaded_model_to_the_sessions_outputs() throws Exception {
        String s = server.session(4, "\"seed\": 7, \"eta\": 0.5, \"activation\": \"tanh\"");
        server.post(s + "/step", "{\"iterations\": 20}");
        HttpResponse<byte[]> r = download(s + "/export/onnx?iteration=12");
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("application/octet-stream");
        assertThat(r.headers().firstValue("content-disposition").orElse("")).endsWith("-model-12.onnx\"");
        Network model = ModelJson.parse("model.json", server.get(s + "/export/model?iteration=12").body());
        assertThat(model.activations().get(0).id()).isEqualTo("tanh");
        float[][] x = new float[DATA.size()][];
        for (int n = 0; n < DATA.size(); n++) {
            double[] image = DATA.image(n);
            x[n] = new float[image.length];
            for (int i = 0; i < image.length; i++) {
                x[n][i] = (float) image[i];
            }
        }
        try (OrtSession onnx = ENV.createSession(r.body(), new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(ENV, x);
             OrtSession.Result out = onnx.run(Map.of("image", t))) {
            float[][] z = (float[][]) out.get("scores").get().getValue();
            for (int n = 0; n < DATA.size(); n++) {
                double[] expected = model.outputs(DATA.image(n));
                for (int k = 0; k < expected.length; k++) {
                    assertThat((double) z[n][k]).as("image %d, output %d", n, k).isCloseTo(expected[k], within(1e-6));
                }
            }
        }
        // the iteration shown matters: the last one is another model
        assertThat(download(s + "/export/onnx").body()).isNotEqualTo(r.body());
        Refused.check(server.get(s + "/export/onnx?iteration=21"), 400, "iteration 21", "0 to 20");
    }
}
