package io.github.shikumi.web;

import java.util.List;
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
        final Streams.Stream stream;
        /** Values already sent; guarded by the session's monitor. */
        int sent;

        Client(Streams.Stream stream) {
            this.stream = stream;
        }
    }

    Progress(Session session) {
        this.session = session;
    }

    void add(Streams.Stream stream) {
        Client c = new Client(stream);
        clients.add(c);
        stream.resend = this::publish;
        publish();
    }

    void remove(Streams.Stream stream) {
        clients.removeIf(c -> c.stream == stream);
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

    /**
     * Sends every page what it has not seen, without waiting for any page: a page still receiving the last
     * event gets the values it missed with the next one (see {@link Streams}).
     */
    void publish() {
        synchronized (publishLock) {
            lastPublish = System.nanoTime();
            synchronized (session) {
                for (Client c : clients) {
                    int size = session.historySize();
                    if (c.stream.send("progress", () -> Events.json(session.progressSince(c.sent)))) {
                        c.sent = size;
                    }
                }
            }
        }
    }

    /** Closes every stream (the session is forgotten or the server stops). */
    void closeAll() {
        for (Client c : clients) {
            c.stream.drop();
        }
        clients.clear();
    }
}
