package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.format.BitmapText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataApiTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String pixels(double[] x) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < x.length; i++) {
            sb.append(i == 0 ? "" : ",").append((int) x[i]);
        }
        return sb.append(']').toString();
    }

    @Test
    void data_lists_every_image_with_its_label_and_pixels() {
        String s = server.session(2, "");
        JsonNode d = server.get(s + "/data").json();
        Dataset expected = Reference.letters(2);
        assertThat(d.get("labels").toString()).isEqualTo("[\"A\",\"P\",\"L\",\"E\"]");
        assertThat(d.get("height").asInt()).isEqualTo(5);
        assertThat(d.get("width").asInt()).isEqualTo(4);
        assertThat(d.get("images").size()).isEqualTo(8);
        for (int n = 0; n < 8; n++) {
            JsonNode img = d.get("images").get(n);
            assertThat(img.get("label").asText()).isEqualTo(expected.labelOf(n));
            assertThat(Reference.doubles(img.get("pixels"))).containsExactly(expected.image(n));
        }
        assertThat(d.get("edited").asBoolean()).isFalse();
        assertThat(d.get("bundled").asBoolean()).isFalse();
    }

    @Test
    void add_edit_and_delete_change_the_working_copy_and_restart_the_run() {
        String s = server.session(1, "");
        server.post(s + "/step", "{\"iterations\": 3}");
        double[] l = Letters.pixels("L");
        JsonNode added = server.post(s + "/data/images", "{\"label\": \"L\", \"pixels\": " + pixels(l) + "}").json();
        assertThat(added.get("images").size()).isEqualTo(5);
        assertThat(added.get("edited").asBoolean()).isTrue();
        assertThat(Reference.doubles(added.get("images").get(4).get("pixels"))).containsExactly(l);
        assertThat(server.get(s).json().at("/run/last").asInt()).isZero();

        double[] a2 = Letters.pixels("A");
        a2[0] = 1;
        JsonNode edited = server.put(s + "/data/images/0", "{\"pixels\": " + pixels(a2) + "}").json();
        assertThat(Reference.doubles(edited.get("images").get(0).get("pixels"))).containsExactly(a2);
        assertThat(edited.get("images").get(0).get("label").asText()).isEqualTo("A");
        JsonNode relabelled = server.put(s + "/data/images/4", "{\"label\": \"X\"}").json(); // L keeps image 2
        assertThat(relabelled.get("labels").toString()).isEqualTo("[\"A\",\"P\",\"L\",\"E\",\"X\"]");
        assertThat(server.get(s).json().at("/network/shape").asText()).isEqualTo("20-3-5");
        // relabelling the only A: A has no image left, so it leaves the labels (a network gets no output for it)
        JsonNode noA = server.put(s + "/data/images/0", "{\"label\": \"X\"}").json();
        assertThat(noA.get("labels").toString()).isEqualTo("[\"P\",\"L\",\"E\",\"X\"]");
        assertThat(noA.get("images").get(0).get("label").asText()).isEqualTo("X");
        assertThat(noA.get("images").get(1).get("label").asText()).isEqualTo("P");
        assertThat(server.get(s).json().at("/network/shape").asText()).isEqualTo("20-3-4");

        JsonNode deleted = server.delete(s + "/data/images/2").json();
        assertThat(deleted.get("images").size()).isEqualTo(4);
        assertThat(deleted.get("images").get(2).get("label").asText()).isEqualTo("E");
    }

    @Test
    void import_replaces_the_data_and_export_writes_it_back() {
        String s = server.session(1, "");
        String text = Letters.text(3);
        JsonNode d = server.post(s + "/data/import", "{\"name\": \"mine.txt\", \"text\": " + TestServer.quote(text) + "}").json();
        assertThat(d.get("name").asText()).isEqualTo("mine.txt");
        assertThat(d.get("images").size()).isEqualTo(12);
        TestServer.Response out = server.get(s + "/export/data");
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.header("content-disposition")).contains("mine.txt");
        assertThat(BitmapText.parse("out.txt", out.body())).isEqualTo(BitmapText.parse("in.txt", text));
    }

    @Test
    void edits_never_change_the_bundled_data() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("aple"),
                "bundled aple data not in this build yet");
        String original = Datasets.bundledText("aple");
        TestServer.Response r = server.post("/api/sessions", "{\"dataset\": \"aple\"}");
        String s = "/api/sessions/" + r.json().get("id").asText();
        server.delete(s + "/data/images/0");
        server.put(s + "/data/images/0", "{\"pixels\": " + pixels(new double[20]) + "}");
        assertThat(server.get(s + "/data").json().get("edited").asBoolean()).isTrue();
        assertThat(Datasets.bundledText("aple")).isEqualTo(original);
        String other = "/api/sessions/" + server.post("/api/sessions", "{\"dataset\": \"aple\"}").json().get("id").asText();
        assertThat(server.get(other + "/data").json().get("images").size()).isEqualTo(Datasets.bundled("aple").size());
        assertThat(server.get(s + "/export/data").header("content-disposition")).contains("aple-edited.txt");
    }

    @Test
    void datasets_lists_the_bundled_sets_and_the_limits() {
        JsonNode d = server.get("/api/datasets").json();
        assertThat(d.get("limits").get("maxImages").asInt()).isEqualTo(1000);
        assertThat(d.get("bundled").size()).isEqualTo(Bundled.available().size());
        for (JsonNode b : d.get("bundled")) {
            Dataset real = Datasets.bundled(b.get("name").asText());
            assertThat(b.get("size").asInt()).isEqualTo(real.size());
        }
    }

    @Test
    void selecting_a_bundled_set_copies_it() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Bundled.available().contains("zero-one"),
                "bundled zero-one data not in this build yet");
        String s = server.session(1, "");
        JsonNode d = server.post(s + "/data/select", "{\"dataset\": \"zero-one\"}").json();
        assertThat(d.get("height").asInt()).isEqualTo(4);
        assertThat(d.get("width").asInt()).isEqualTo(3);
        assertThat(server.get(s).json().at("/network/shape").asText()).isEqualTo("12-3-2");
    }

    @Test
    void bad_data_requests_are_refused_and_leave_the_data_intact() {
        String s = server.session(1, "");
        String before = server.get(s + "/data").body();
        String twenty = pixels(Letters.pixels("A"));
        Refused.check(server.post(s + "/data/images", "{\"pixels\": " + twenty + "}"), 400, "label");
        Refused.check(server.post(s + "/data/images", "{\"label\": \"A\"}"), 400, "pixels");
        Refused.check(server.post(s + "/data/images", "{\"label\": \"A\", \"pixels\": [1, 0]}"), 400, "2", "20", "5×4");
        Refused.check(server.post(s + "/data/images", "{\"label\": \"A\", \"pixels\": " + twenty.replaceFirst("\\d", "2") + "}"),
                400, "pixels[0]", "0 or 1");
        Refused.check(server.post(s + "/data/images", "{\"label\": \"A\", \"pixels\": \"####\"}"), 400, "pixels", "array");
        Refused.check(server.post(s + "/data/images", "{\"label\": \"A B\", \"pixels\": " + twenty + "}"), 400, "A B");
        Refused.check(server.post(s + "/data/images", "{\"label\": \"\", \"pixels\": " + twenty + "}"), 400, "label");
        Refused.check(server.put(s + "/data/images/4", "{\"label\": \"A\"}"), 404, "image 4", "0 to 3");
        Refused.check(server.put(s + "/data/images/x", "{\"label\": \"A\"}"), 400, "integer");
        Refused.check(server.delete(s + "/data/images/-1"), 404, "image -1");
        Refused.check(server.post(s + "/data/import", "{\"text\": \"A\\n#.\\n#\\n\", \"name\": \"bad.txt\"}"), 400, "bad.txt:3");
        Refused.check(server.post(s + "/data/import", "{\"text\": \"A\\n#x\\n\"}"), 400, "upload.txt:2", "x");
        Refused.check(server.post(s + "/data/import", "{}"), 400, "text");
        Refused.check(server.post(s + "/data/select", "{\"dataset\": \"/etc/passwd\"}"), 400, "/etc/passwd");
        Refused.check(server.post(s + "/data/select", "{}"), 400, "dataset");
        assertThat(server.get(s + "/data").body()).isEqualTo(before);
        server.delete(s + "/data/images/0");
        server.delete(s + "/data/images/0");
        server.delete(s + "/data/images/0");
        Refused.check(server.delete(s + "/data/images/0"), 400, "last image");
        assertThat(server.get(s + "/data").json().get("images").size()).isEqualTo(1);
    }

    @Test
    void data_limits_are_enforced() {
        String s = server.session(1, "");
        StringBuilder wide = new StringBuilder("A\n" + "#".repeat(29) + "\n\nB\n" + ".".repeat(29) + "\n");
        Refused.check(server.post(s + "/data/import", "{\"text\": " + TestServer.quote(wide.toString()) + "}"), 400, "28", "1×29");
        StringBuilder many = new StringBuilder();
        for (int n = 0; n < 1001; n++) {
            many.append(n % 2 == 0 ? "A" : "B").append("\n#.\n\n");
        }
        Refused.check(server.post(s + "/data/import", "{\"text\": " + TestServer.quote(many.toString()) + "}"), 400, "1,000", "1,001");
        StringBuilder labels = new StringBuilder();
        for (int n = 0; n < 11; n++) {
            labels.append("L").append(n).append("\n#.\n\n");
        }
        Refused.check(server.post(s + "/data/import", "{\"text\": " + TestServer.quote(labels.toString()) + "}"), 400, "10", "11");
        String twenty = pixels(Letters.pixels("A"));
        for (int k = 0; k < 6; k++) {
            server.post(s + "/data/images", "{\"label\": \"N" + k + "\", \"pixels\": " + twenty + "}");
        }
        Refused.check(server.post(s + "/data/images", "{\"label\": \"N9\", \"pixels\": " + twenty + "}"), 400, "10", "11");
        assertThat(server.get(s + "/data").json().get("labels").size()).isEqualTo(10);
    }

    @Test
    void data_edits_while_a_run_is_in_progress_are_refused() throws Exception {
        String s = server.session(1, "");
        server.post(s + "/run", "{\"iterations\": 5000, \"perSecond\": 100}");
        Refused.check(server.delete(s + "/data/images/0"), 409, "cancel");
        Refused.check(server.post(s + "/reset", null), 409);
        Refused.check(server.put(s + "/settings", "{\"eta\": 1}"), 409);
        server.post(s + "/cancel", null);
        Await.idle(server, s);
        assertThat(server.get(s + "/data").json().get("images").size()).isEqualTo(4);
    }
}
