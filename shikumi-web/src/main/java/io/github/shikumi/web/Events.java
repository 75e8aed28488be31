package io.github.shikumi.web;

import com.fasterxml.jackson.core.JsonProcessingException;

/** The payload of a Server-Sent Event (sent without blocking by {@link Streams}). */
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
}
