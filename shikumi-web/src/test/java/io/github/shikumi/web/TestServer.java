package io.github.shikumi.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The real server on a free loopback port, and a small JSON client for it (java.net.http). */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Javalin app;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String base;
    /** The server's clock in milliseconds, moved by tests that check session lifetimes. */
    final AtomicLong clock = new AtomicLong(1_000_000);

    TestServer(WebConfig config) {
        this(config, FashionMnist.SHARED);
    }

    /** A server offering the large image data of {@code imageData} (a folder without the files: none). */
    TestServer(WebConfig config, FashionMnist imageData) {
        app = ShikumiServer.create(config.withPort(0), clock::get, imageData).start();
        base = "http://127.0.0.1:" + app.port();
    }

    TestServer() {
        this(WebConfig.defaults());
    }

    record Response(int status, String body, Map<String, java.util.List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), java.util.List.of()).stream()
                    .findFirst().orElse(null);
        }

        String error() {
            return json().path("error").asText(null);
        }
    }

    Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (!typed && (body != null || method.equals("POST") || method.equals("PUT"))) {
            b.header("Content-Type", "application/json"); // as the page sends every change (the server refuses others)
        }
        for (int i = 0; i < headers.length; i += 2) {
            if (!headers[i + 1].isEmpty()) {
                b.header(headers[i], headers[i + 1]); // an empty value: the header is left out
            }
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Response get(String path) {
        return send("GET", path, null);
    }

    Response post(String path, String body) {
        return send("POST", path, body);
    }

    Response put(String path, String body) {
        return send("PUT", path, body);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** A JSON string literal. */
    static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A new session on the test letters ({@code perLetter} images each); returns its API path. */
    String session(int perLetter, String extra) {
        Response r = post("/api/sessions", "{\"text\": " + quote(Letters.text(perLetter))
                + ", \"name\": \"letters.txt\"" + (extra.isEmpty() ? "" : ", " + extra) + "}");
        if (r.status() != 201) {
            throw new AssertionError("session not created: " + r.status() + " " + r.body());
        }
        return "/api/sessions/" + r.json().get("id").asText();
    }

    @Override
    public void close() {
        app.stop();
    }
}
