package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The large image data's API on the real Fashion-MNIST files of Debian's dataset-fashion-mnist (skipped,
 * with a message, when they are not installed): the listing, the gallery's grey levels against the IDX
 * bytes read here independently, a short background run, and the refusals.
 */
class ImageApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void assumeInstalled() {
        boolean present = FashionMnist.SHARED.available();
        if (!present) {
            System.err.println("SKIPPED Fashion-MNIST web tests: " + FashionMnist.DEBIAN_DIR
                    + " has no IDX files (apt-get install dataset-fashion-mnist)");
        }
        Assumptions.assumeTrue(present, "needs " + FashionMnist.DEBIAN_DIR + " (apt-get install dataset-fashion-mnist)");
    }

    @Test
    void the_listing_offers_fashion_mnist_only_when_its_files_exist(@TempDir Path empty) {
        try (TestServer without = new TestServer(WebConfig.defaults(), new FashionMnist(empty))) {
            assertThat(without.get("/api/datasets").json().get("images")).isEmpty();
            TestServer.Response r = without.get("/api/images/fashion-mnist/gallery");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.error()).contains("fashion-mnist");
            String s = without.session(2, "");
            TestServer.Response run = without.post(s + "/images/run", "{\"epochs\": 1}");
            assertThat(run.status()).isEqualTo(404);
            assertThat(run.error()).contains("dataset-fashion-mnist");
        }
        assumeInstalled();
        JsonNode images = server.get("/api/datasets").json().get("images");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).get("name").asText()).isEqualTo("fashion-mnist");
        assertThat(images.get(0).get("height").asInt()).isEqualTo(28);
        assertThat(images.get(0).get("maxEpochs").asInt()).isEqualTo(ImageApi.MAX_EPOCHS);
    }

    @Test
    void the_gallery_gives_the_grey_levels_of_the_files_first_images_of_each_label() throws IOException {
        assumeInstalled();
        byte[] images = raw("train-images-idx3-ubyte");
        byte[] labels = raw("train-labels-idx1-ubyte");
        JsonNode g = server.get("/api/images/fashion-mnist/gallery?perLabel=3&page=1").json();
        assertThat(g.get("size").asInt()).isEqualTo(60_000);
        assertThat(g.get("images")).hasSize(30);
        // independently: images 3, 4, 5 of each label in file order (page 1 of 3 per label)
        List<Integer> expected = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            int seen = 0;
            for (int n = 0; n < 60_000 && seen < 6; n++) {
                if (labels[8 + n] == k) {
                    if (seen >= 3) {
                        expected.add(n);
                    }
                    seen++;
                }
            }
        }
        List<Integer> got = new ArrayList<>();
        int between = 0;
        for (JsonNode im : g.get("images")) {
            int n = im.get("index").asInt();
            got.add(n);
            assertThat(im.get("label").asText()).isEqualTo(String.valueOf(labels[8 + n]));
            byte[] grey = Base64.getDecoder().decode(im.get("grey").asText());
            byte[] file = java.util.Arrays.copyOfRange(images, 16 + 784 * n, 16 + 784 * (n + 1));
            assertThat(grey).isEqualTo(file);
            for (byte b : grey) {
                int v = b & 0xff;
                if (v > 0 && v < 255) {
                    between++;
                }
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(between).as("grey levels, not black and white").isGreaterThan(1000);
        JsonNode test = server.get("/api/images/fashion-mnist/gallery?set=test&perLabel=1").json();
        assertThat(test.get("size").asInt()).isEqualTo(10_000);
        assertThat(test.get("images")).hasSize(10);
    }

    @Test
    void a_short_run_streams_its_progress_lowers_the_loss_and_reports_test_accuracy() throws Exception {
        assumeInstalled();
        String s = server.session(2, "");
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + s + "/images/events"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(120)).build();
        HttpResponse<Stream<String>> events = server.http.send(req, HttpResponse.BodyHandlers.ofLines());
        assertThat(events.statusCode()).isEqualTo(200);
        TestServer.Response r = server.post(s + "/images/run",
                "{\"epochs\": 3, \"hidden\": 32, \"trainImages\": 3000, \"seed\": 7}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode last = null;
        boolean sawBatch = false;
        Iterator<String> lines = events.body().iterator();
        while (lines.hasNext()) {
            String line = lines.next();
            if (!line.startsWith("data:")) {
                continue;
            }
            last = TestServer.JSON.readTree(line.substring(5).trim());
            if (last.path("state").asText().equals("running") && last.path("batch").asInt() > 0) {
                sawBatch = true;
                assertThat(last.get("batches").asInt()).isEqualTo(30);
                assertThat(last.get("loss").asDouble()).isPositive();
                assertThat(last.get("fraction").asDouble()).isBetween(0.0, 1.0);
            }
            String state = last.path("state").asText();
            if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) {
                break;
            }
        }
        events.body().close();
        assertThat(sawBatch).as("progress events during the run").isTrue();
        assertThat(last.get("state").asText()).as(last.toString()).isEqualTo("done");
        JsonNode history = last.get("history");
        assertThat(history).hasSize(3);
        assertThat(history.get(2).get("loss").asDouble()).isLessThan(history.get(0).get("loss").asDouble());
        JsonNode result = last.get("result");
        double acc = result.get("testAccuracy").asDouble();
        assertThat(acc).as("10 classes: chance is 0.1").isGreaterThan(0.6);
        assertThat(acc).isCloseTo(history.get(2).get("testAccuracy").asDouble(), org.assertj.core.data.Offset.offset(0.01));
        int total = 0;
        int diagonal = 0;
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                int c = result.get("confusion").get(a).get(p).asInt();
                total += c;
                diagonal += a == p ? c : 0;
            }
        }
        assertThat(total).isEqualTo(10_000);
        assertThat(diagonal / 10_000.0).isEqualTo(acc);
        assertThat(server.get(s + "/images/run").json().get("state").asText()).isEqualTo("done");
    }

    @Test
    void over_limit_and_malformed_requests_get_a_json_error_and_leave_the_session_intact() throws Exception {
        assumeInstalled();
        String s = server.session(2, "");
        TestServer.Response r = server.post(s + "/images/run", "{\"epochs\": " + (ImageApi.MAX_EPOCHS + 1) + "}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("epochs").contains(String.valueOf(ImageApi.MAX_EPOCHS));
        assertThat(server.post(s + "/images/run", "{\"trainImages\": 10}").status()).isEqualTo(400);
        assertThat(server.post(s + "/images/run", "{\"hidden\": 100000}").status()).isEqualTo(400);
        assertThat(server.post(s + "/images/run", "{\"dataset\": \"/etc/passwd\"}").status()).isEqualTo(404);
        assertThat(server.post(s + "/images/run", "{\"epochs\": ").status()).isEqualTo(400);
        assertThat(server.get("/api/images/fashion-mnist/gallery?perLabel=51").error()).contains("perLabel");
        assertThat(server.get("/api/images/fashion-mnist/gallery?set=x").status()).isEqualTo(400);
        assertThat(server.get("/api/images/fashion-mnist/gallery?page=100000").status()).isEqualTo(400);
        assertThat(server.get("/api/images/..%2F..%2Fetc/gallery").status()).isEqualTo(404);
        assertThat(server.get("/api/sessions/nope/images/run").status()).isEqualTo(404);
        assertThat(server.get(s).status()).isEqualTo(200);
        assertThat(server.get(s + "/images/run").json().get("state").asText()).isEqualTo("idle");
        // one run per session: a second start is refused while the first runs; Cancel stops it
        assertThat(server.post(s + "/images/run", "{\"epochs\": 2}").status()).isEqualTo(202);
        TestServer.Response again = server.post(s + "/images/run", "{\"epochs\": 1}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isNotBlank();
        assertThat(server.post(s + "/images/cancel", "{}").json().get("cancelled").asBoolean()).isTrue();
        long until = System.nanoTime() + 60_000_000_000L;
        while (server.get(s + "/images/run").json().get("state").asText().equals("loading")
                || server.get(s + "/images/run").json().get("state").asText().equals("running")) {
            assertThat(System.nanoTime()).as("the run ends within 60 s of Cancel").isLessThan(until);
            Thread.sleep(20);
        }
        assertThat(server.get(s + "/images/run").json().get("state").asText()).isEqualTo("cancelled");
        assertThat(server.get(s).status()).isEqualTo(200);
    }

    /** The uncompressed bytes of one of Debian's IDX files. */
    private static byte[] raw(String name) throws IOException {
        Path gz = FashionMnist.DEBIAN_DIR.resolve(name + ".gz");
        try (InputStream in = Files.exists(gz) ? new GZIPInputStream(Files.newInputStream(gz))
                : Files.newInputStream(FashionMnist.DEBIAN_DIR.resolve(name))) {
            return new DataInputStream(in).readAllBytes();
        }
    }

    @Test
    void deleting_a_session_cancels_its_image_run_and_frees_the_servers_slot() throws Exception {
        assumeInstalled();
        String a = server.session(1, "");
        TestServer.Response r = server.post(a + "/images/run", "{\"epochs\": 10, \"hidden\": 256}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        Thread.sleep(500);
        assertThat(server.delete(a).status()).isEqualTo(204);
        // nobody asks for another run: the deleted session's run stops by itself after its current batch
        long until = System.nanoTime() + 30_000_000_000L;
        while (imageThreads() > 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertThat(imageThreads()).as("image runs still computing").isZero();
        String b = server.session(1, "");
        TestServer.Response started = server.post(b + "/images/run", "{\"epochs\": 1, \"hidden\": 8, \"trainImages\": 100}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        Await.imagesIdle(server, b);
    }

    private static long imageThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("shikumi-images")).count();
    }
}
