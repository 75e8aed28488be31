package io.github.shikumi.web;

import com.fasterxml.jackson.databind.JsonNode;

/** Waits (bounded) for a session's background run or comparison to end. */
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

    /** Waits (bounded) for a session's comparison to end; returns its state. */
    static JsonNode compared(TestServer server, String session) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode s = server.get(session + "/compare").json();
            if (!s.get("running").asBoolean()) {
                return s;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the comparison did not end within 120 s");
    }

    /** Waits (bounded) for a session's large-data run to end; returns its status. */
    static JsonNode imagesIdle(TestServer server, String session) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < until) {
            JsonNode s = server.get(session + "/images/run").json();
            String state = s.get("state").asText();
            if (!state.equals("running") && !state.equals("loading")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the image run did not end within 120 s");
    }
}
