package io.github.shikumi.web;

import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The event stream of one session (Server-Sent Events): each connected page receives event
 * {@code progress} with the E and accuracy values it has not seen yet ({@code from} says where they
 * start: a page drops its values from there on, so a reset or a branch rewinds its curve) and the run's
 * state (running, target iteration, seconds left).
 */
final class Progress {
    /** Publishing during a run is throttled to this interval. */
    static final long INTERVAL_NANOS = 100_000_000L;

    private final Session session;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Object publishLock = new Object();
    private long lastPublish;

    private static final class Client {
        final SseClient sse;
        /** Values already sent; guarded by the session's monitor. */
        int sent;

        Client(SseClient sse) {
            this.sse = sse;
        }
    }

    Progress(Session session) {
        this.session = session;
    }

    void add(SseClient sse) {
        Client c = new Client(sse);
        clients.add(c);
        sse.onClose(() -> clients.remove(c));
        publish();
    }

    int clientCount() {
        return clients.size();
    }

    /** The run forgot its iterations from {@code size} on: called with the session's monitor held. */
    void truncated(int size) {
        for (Client c : clients) {
            c.sent = Math.min(c.sent, size);
        }
    }

    /** Publishes if the last publication is older than {@link #INTERVAL_NANOS}. */
    void maybePublish() {
        long now = System.nanoTime();
        if (now - lastPublish >= INTERVAL_NANOS) {
            publish();
        }
    }

    /** Sends every page what it has not seen; pages that went away are dropped. */
    void publish() {
        synchronized (publishLock) {
            lastPublish = System.nanoTime();
            List<Object[]> out = new ArrayList<>();
            synchronized (session) {
                for (Client c : clients) {
                    Map<String, Object> m = session.progressSince(c.sent);
                    c.sent = session.historySize();
                    out.add(new Object[] {c, m});
                }
            }
            for (Object[] o : out) {
                Client c = (Client) o[0];
                if (!Events.send(c.sse, "progress", Events.json(o[1]))) {
                    clients.remove(c);
                }
            }
        }
    }

    /** Closes every stream (the session is forgotten or the server stops). */
    void closeAll() {
        for (Client c : clients) {
            try {
                c.sse.close();
            } catch (RuntimeException ignored) {
                // the page went away already
            }
        }
        clients.clear();
    }
}
