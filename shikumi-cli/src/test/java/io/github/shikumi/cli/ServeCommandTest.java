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

    @Test
    void a_host_that_is_not_an_address_of_this_computer_is_a_usage_error_in_one_line() {
        for (String host : new String[] {"999.1.1.1", "256.0.0.1", "8.8.8.8"}) {
            CliRun r = CliRun.of("serve", "--host", host, "--port", "0", "--lang", "en");
            assertThat(r.exit()).as(host).isEqualTo(2);
            assertThat(r.errLine()).as(host).isEqualTo("shikumi: --host: host \"" + host
                    + "\" is not an address of this computer: use 127.0.0.1 (this computer only), 0.0.0.0 (every network)"
                    + " or one of its addresses");
            assertThat(r.err()).as(host).doesNotContain("null").doesNotContain("ERROR");
        }
    }

    @Test
    void listening_on_every_network_warns_and_prints_the_addresses_students_open() throws Exception {
        Output out = new Output();
        Output err = new Output();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(Cli.run(new String[] {"serve", "--host", "0.0.0.0", "--port", "0",
                "--allow-host", "teacher-laptop.local", "--lang", "en"}, out, err)));
        serving.start();
        try {
            long until = System.nanoTime() + 30_000_000_000L;
            while (!out.text().contains("Ctrl+C") && System.nanoTime() < until && serving.isAlive()) {
                Thread.sleep(50);
            }
            assertThat(err.text()).startsWith("shikumi: warning: listening on every network of this computer")
                    .doesNotContain("\n\n");
            java.util.List<String> expected = io.github.shikumi.web.ShikumiServer.reachableAddresses("0.0.0.0");
            Matcher port = Pattern.compile("http://0\\.0\\.0\\.0:(\\d+)/").matcher(out.text());
            assertThat(port.find()).as(out.text()).isTrue();
            for (String a : expected) {
                assertThat(out.text()).contains("students open: http://" + a + ":" + port.group(1) + "/");
            }
        } finally {
            ServeCommand.stopAll();
            serving.join(30_000);
        }
        assertThat(exit.get()).isZero();
    }

    @Test
    void labels_with_terminal_escapes_are_printed_escaped() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("shikumi-escapes");
        java.nio.file.Path data = dir.resolve("evil.txt");
        java.nio.file.Files.writeString(data, "\u001b]0;pwned\u0007A\n#.\n.#\n\nB\n.#\n#.\n");
        CliRun r = CliRun.of("data", "show", data.toString(), "--lang", "en");
        assertThat(r.out() + r.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\u001b");
    }
}
