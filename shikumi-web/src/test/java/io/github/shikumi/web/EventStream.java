package io.github.shikumi.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A session's Server-Sent Events of one name, read on a thread of its own; {@link #next} returns each event's data. */
final class EventStream implements AutoCloseable {
    private final BlockingQueue<String> events = new ArrayBlockingQueue<>(10_000);
    private final InputStream body;
    private final Thread reader;

    /** The training stream {@code SESSION/events}, event {@code progress}. */
    EventStream(TestServer server, String session) throws Exception {
        this(server, session + "/events", "progress");
    }

    /** The stream at {@code path}, keeping the events called {@code name}. */
    EventStream(TestServer server, String path, String name) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(60)).build();
        HttpResponse<InputStream> r = server.http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new AssertionError("events: " + r.statusCode());
        }
        body = r.body();
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                String event = null;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:") && name.equals(event)) {
                        events.add(line.substring(5).trim());
                    }
                }
            } catch (Exception ignored) {
                // closed
            }
        }, "test-events");
        reader.setDaemon(true);
        reader.start();
    }

    JsonNode next() throws Exception {
        String data = events.poll(30, TimeUnit.SECONDS);
        if (data == null) {
            throw new AssertionError("no event within 30 s");
        }
        return TestServer.JSON.readTree(data);
    }

    @Override
    public void close() throws Exception {
        body.close();
        reader.interrupt();
    }
}
