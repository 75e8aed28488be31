package io.github.shikumi.web;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Every event stream (Server-Sent Events) of the server: capped per session (a new stream of a session at
 * its cap closes that session's oldest) and per server (429 beyond it), and written without blocking the
 * thread that computes. A stream has at most one write in flight, on a writer thread; an event published
 * meanwhile is not queued but coalesced (the owner sends what the page has not seen yet once the write is
 * done), and a stream whose write has not finished after {@link #STALL_NANOS} is dropped: one page that
 * stops reading cannot slow a run or the other pages. A comment line every {@link #HEARTBEAT_SECONDS}
 * keeps quiet streams open through Jetty's idle timeout.
 */
final class Streams {
    /** A write still unfinished after this long drops its stream (the page stopped reading). */
    static final long STALL_NANOS = 5_000_000_000L;
    static final long HEARTBEAT_SECONDS = 10;

    private final int perSession;
    private final int perServer;
    private final Map<String, java.util.Deque<Stream>> bySession = new ConcurrentHashMap<>();
    private final Set<Stream> all = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor writers;
    private final ScheduledExecutorService heartbeat;

    Streams(int perSession, int perServer) {
        this.perSession = perSession;
        this.perServer = perServer;
        // at most one write in flight per stream, so this many threads are never all busy at once
        this.writers = new ThreadPoolExecutor(0, perServer + 2, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "shikumi-events"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "shikumi-events-heartbeat"));
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** One page's stream. {@link #send} never blocks. */
    final class Stream {
        final SseClient sse;
        private final String session;
        private final AtomicBoolean inFlight = new AtomicBoolean();
        private volatile long since;
        private volatile boolean closed;
        private volatile Runnable onDrop = () -> { };
        /** Called when a write ends after an event was coalesced into it (the owner publishes again). */
        volatile Runnable resend = () -> { };
        private volatile boolean coalesced;

        Stream(SseClient sse, String session) {
            this.sse = sse;
            this.session = session;
        }

        /**
         * Sends event {@code name} with {@code json} (made only when the stream is free); false when it was
         * not sent: a write is still in flight (the owner is told through {@link #resend} when it ends) or
         * the stream is gone.
         */
        boolean send(String name, java.util.function.Supplier<String> json) {
            if (closed) {
                return false;
            }
            if (!inFlight.compareAndSet(false, true)) {
                coalesced = true;
                if (System.nanoTime() - since > STALL_NANOS) {
                    drop();
                }
                return false;
            }
            since = System.nanoTime();
            String text = json.get();
            return submit(() -> sse.sendEvent(name, text));
        }

        private boolean submit(Runnable write) {
            try {
                writers.execute(() -> {
                    boolean ok = false;
                    try {
                        if (!sse.terminated()) {
                            write.run();
                            ok = true;
                        }
                    } catch (RuntimeException gone) {
                        ok = false;
                    } finally {
                        inFlight.set(false);
                    }
                    if (!ok) {
                        drop();
                    } else if (coalesced) {
                        coalesced = false;
                        resend.run();
                    }
                });
                return true;
            } catch (RejectedExecutionException stopping) {
                inFlight.set(false);
                drop();
                return false;
            }
        }

        private void heartbeat() {
            if (!closed && inFlight.compareAndSet(false, true)) {
                since = System.nanoTime();
                submit(() -> sse.sendComment("keep-alive"));
            } else if (!closed && System.nanoTime() - since > STALL_NANOS) {
                drop();
            }
        }

        boolean closed() {
            return closed;
        }

        /** Forgets the stream and closes it. */
        void drop() {
            if (closed) {
                return;
            }
            closed = true;
            forget(this);
            onDrop.run();
            try {
                sse.close();
            } catch (RuntimeException ignored) {
                // the page went away already
            }
        }
    }

    /**
     * Answers {@code ctx} with an event stream of session {@code session}: 429 when the server holds its
     * maximum of streams; {@code added} receives the new stream, {@code removed} is called when it ends.
     */
    void open(Context ctx, String session, Consumer<Stream> added, Consumer<Stream> removed) {
        if (all.size() >= perServer) {
            throw new ApiException(429, WebMsg.STREAMS_TOO_MANY, perServer);
        }
        // Javalin hands the stream over on another thread, once the answer has begun
        new SseHandler(client -> {
            Stream s = new Stream(client, session);
            s.onDrop = () -> removed.accept(s);
            client.onClose(s::drop);
            java.util.Deque<Stream> list = bySession.computeIfAbsent(session,
                    k -> new java.util.concurrent.ConcurrentLinkedDeque<>());
            list.addLast(s);
            all.add(s);
            if (all.size() > perServer) { // others opened at the same moment
                s.drop();
                return;
            }
            if (list.size() > perSession) {
                Stream oldest = list.peekFirst();
                if (oldest != null) {
                    oldest.drop();
                }
            }
            client.keepAlive();
            added.accept(s);
        }).handle(ctx);
    }

    private void forget(Stream s) {
        all.remove(s);
        java.util.Deque<Stream> list = bySession.get(s.session);
        if (list != null) {
            list.remove(s);
            if (list.isEmpty()) {
                bySession.remove(s.session, list);
            }
        }
    }

    /** Streams open on the whole server. */
    int count() {
        return all.size();
    }

    private void beat() {
        for (Stream s : all) {
            s.heartbeat();
        }
    }

    /** The server stops: every stream is closed. */
    void close() {
        heartbeat.shutdownNow();
        for (Stream s : all) {
            s.drop();
        }
        writers.shutdown();
    }
}
