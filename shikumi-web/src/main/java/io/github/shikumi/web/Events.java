package io.github.shikumi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.sse.SseClient;

/** Sending one Server-Sent Event to one page. */
final class Events {
    private Events() {
    }

    /** The payload as JSON text. */
    static String json(Object payload) {
        try {
            return Body.MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code json} as event {@code name}; false when the page went away (its stream is to be dropped). */
    static boolean send(SseClient sse, String name, String json) {
        try {
            if (sse.terminated()) {
                return false;
            }
            sse.sendEvent(name, json);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
