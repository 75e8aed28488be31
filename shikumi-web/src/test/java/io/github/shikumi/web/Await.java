package io.github.shikumi.web;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits (bounded) for a session's background run to end. */
final class Await {
    private Await() {
    }

    static JsonNode idle(TestServer server, String session) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode s = server.get(session).json();
            if (!s.at("/run/running").asBoolean()) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run did not end within 60 s");
    }
}
