package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    /** A byte buffer that the serving thread writes to while the test reads it. */
    static final class Output extends ByteArrayOutputStream {
        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void serve_prints_the_url_and_the_workbench_answers_there() throws Exception {
        Output out = new Output();
        Output err = new Output();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(Cli.run(new String[] {"serve", "--port", "0", "--lang", "en"}, out, err)));
        serving.start();
        try {
            Matcher m = Pattern.compile("shikumi web workbench: (http://127\\.0\\.0\\.1:(\\d+)/)").matcher("");
            long until = System.nanoTime() + 30_000_000_000L;
            while (!m.reset(out.text()).find() && System.nanoTime() < until && serving.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(m.reset(out.text()).find()).as(out.text() + err.text()).isTrue();
            assertThat(out.text()).contains("Ctrl+C");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("app.js");
        } finally {
            ServeCommand.stopAll();
            serving.join(30_000);
        }
        assertThat(exit.get()).isZero();
        assertThat(err.text()).isEmpty();
    }

    @Test
    void port_out_of_range_is_a_usage_error() {
        CliRun r = CliRun.of("serve", "--port", "70000", "--lang", "en");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("shikumi: --port: port 70000 is out of range: use 0 to 65535");
        CliRun ja = CliRun.of("serve", "--port", "-1", "--lang", "ja");
        assertThat(ja.exit()).isEqualTo(2);
        assertThat(ja.errLine()).contains("範囲外");
    }

    @Test
    void port_in_use_fails_with_one_line() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliRun r = CliRun.of("serve", "--port", String.valueOf(taken.getLocalPort()), "--lang", "en");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.errLine()).startsWith("shikumi: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\n").doesNotContain("Exception:");
        }
    }
}
