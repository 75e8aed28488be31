package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * One session's comparisons of optimisers: at most one runs at a time (on the server's run threads, like
 * a training run), and its progress goes to the session's comparison event stream (Server-Sent Events
 * {@code compare}). Each page receives, per optimiser, the E values it has not seen yet ({@code from}
 * says where they start), the rows of the table finished so far, and the state. A page that sees a new
 * {@code number} starts its curves again. Independent of the session's training run and its history.
 */
final class Comparisons {
    /** Publishing while a comparison runs is throttled to this interval. */
    static final long INTERVAL_NANOS = Progress.INTERVAL_NANOS;

    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Object publishLock = new Object();
    private volatile long lastPublish;
    private CompareJob job;
    private int count;

    private static final class Client {
        final SseClient sse;
        /** Guarded by the publish lock. */
        int number = -1;
        int[] sent = new int[0];

        Client(SseClient sse) {
            this.sse = sse;
        }
    }

    /** Starts a comparison in the background, or refuses (409) while one is running. */
    CompareJob start(CompareJob.Settings settings, Network start, Dataset data, ExecutorService executor) {
        CompareJob j;
        synchronized (this) {
            if (job != null && job.running()) {
                throw new ApiException(409, WebMsg.COMPARE_BUSY);
            }
            j = new CompareJob(++count, settings, start, data, this::maybePublish, this::publish);
            job = j;
        }
        publish(); // outside this object's monitor: publish takes its lock, then this monitor
        try {
            executor.execute(j);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            j.cancel(); // the server is stopping: the job ends as cancelled
            j.run();
        }
        return j;
    }

    /** Stops the running comparison after its current iteration; the rows and curves so far are kept. */
    synchronized boolean cancel() {
        if (job == null || !job.running()) {
            return false;
        }
        job.cancel();
        return true;
    }

    synchronized boolean running() {
        return job != null && job.running();
    }

    /** The whole state of the last comparison (every value of every curve), or {@code number} 0 when none was run. */
    Map<String, Object> state() {
        CompareJob j;
        synchronized (this) {
            j = job;
        }
        if (j == null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", 0);
            m.put("state", "none");
            m.put("running", false);
            m.put("curves", List.of());
            m.put("results", List.of());
            return m;
        }
        return j.snapshot(null);
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

    private void maybePublish() {
        if (System.nanoTime() - lastPublish >= INTERVAL_NANOS) {
            publish();
        }
    }

    /** Sends every page what it has not seen of the last comparison; pages that went away are dropped. */
    void publish() {
        synchronized (publishLock) {
            lastPublish = System.nanoTime();
            CompareJob j;
            synchronized (this) {
                j = job;
            }
            List<Object[]> out = new ArrayList<>();
            for (Client c : clients) {
                Map<String, Object> m;
                if (j == null) {
                    m = state();
                } else {
                    int n = j.settings.optimizers().size();
                    if (c.number != j.number) {
                        c.number = j.number;
                        c.sent = new int[n];
                    }
                    m = j.snapshot(c.sent);
                }
                out.add(new Object[] {c, m});
            }
            for (Object[] o : out) {
                Client c = (Client) o[0];
                if (!Events.send(c.sse, "compare", Events.json(o[1]))) {
                    clients.remove(c);
                }
            }
        }
    }

    /** Cancels the comparison and closes every stream (the session is forgotten or the server stops). */
    void close() {
        cancel();
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
