package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
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
        final Streams.Stream stream;
        /** Guarded by the publish lock. */
        int number = -1;
        int[] sent = new int[0];

        Client(Streams.Stream stream) {
            this.stream = stream;
        }
    }

    /** Starts a comparison in the background, or refuses (409) while one is running. */
    CompareJob start(CompareJob.Settings settings, Network start, Dataset data, ExecutorService executor,
                     MemoryBudget budget, long bytes) {
        CompareJob j;
        synchronized (this) {
            if (job != null && job.running()) {
                throw new ApiException(409, WebMsg.COMPARE_BUSY);
            }
            budget.reserve(bytes); // 503 when the server's memory is taken; given back when the job ends
            j = new CompareJob(++count, settings, start, data, this::maybePublish, this::publish, () -> budget.release(bytes));
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

    private void maybePublish() {
        if (System.nanoTime() - lastPublish >= INTERVAL_NANOS) {
            publish();
        }
    }

    /**
     * Sends every page what it has not seen of the last comparison, without waiting for any page: a page
     * still receiving the last event gets what it missed with the next one (see {@link Streams}).
     */
    void publish() {
        synchronized (publishLock) {
            lastPublish = System.nanoTime();
            CompareJob j;
            synchronized (this) {
                j = job;
            }
            for (Client c : clients) {
                if (j == null) {
                    c.stream.send("compare", () -> Events.json(state()));
                    continue;
                }
                int n = j.settings.optimizers().size();
                int[] from = c.number != j.number ? new int[n] : c.sent.clone();
                if (c.stream.send("compare", () -> Events.json(j.snapshot(from)))) {
                    c.number = j.number;
                    c.sent = from;
                }
            }
        }
    }

    /** Cancels the comparison and closes every stream (the session is forgotten or the server stops). */
    void close() {
        cancel();
        for (Client c : clients) {
            c.stream.drop();
        }
        clients.clear();
    }
}
