package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A page closed in the middle of an answer is no error of the server's: nothing at WARN or ERROR, no stack trace. */
class ClientAbortTest {

    @Test
    void a_client_that_goes_away_mid_answer_leaves_no_error_or_stack_trace_in_the_log() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TestServer server = new TestServer()) {
            TestServer.Response created = server.post("/api/sessions",
                    "{\"text\": " + TestServer.quote(ServerLimitsTest.large(1000)) + "}");
            String s = "/api/sessions/" + created.json().get("id").asText();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 2; i++) {
                for (String path : new String[] {s + "/data", s + "/export/xlsx", s + "/export/data"}) {
                    Raw r = new Raw(server, 1024);
                    r.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    Thread.sleep(100);
                    r.socket.setSoLinger(true, 0); // the tab is closed: the connection is reset
                    r.close();
                }
            }
            Thread.sleep(500);
            assertThat(server.get("/api/health").status()).isEqualTo(200);
            System.setErr(err); // before the server stops: only what the aborts logged is checked
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("ERROR").doesNotContain("WARN").doesNotContain("\tat ");
    }
}
