package io.github.shikumi.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The sessions in memory: at most {@link WebConfig#maxSessions()}, at most
 * {@link WebConfig#maxSessionsPerClient()} per client address, all within the server's memory budget; each
 * forgotten after {@link WebConfig#sessionIdle()} without a request, whatever it is doing (its runs are
 * cancelled; the server purges once a minute). Ids are 128 random bits, so one tab cannot guess another's.
 */
final class Sessions {
    private final WebConfig config;
    private final LongSupplier millis;
    private final Map<String, Session> map = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final List<Consumer<String>> removed = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final MemoryBudget budget;

    Sessions(WebConfig config, LongSupplier millis) {
        this.config = config;
        this.millis = millis;
        this.budget = new MemoryBudget(config.maxMemoryBytes());
    }

    interface Factory {
        Session make(String id, long now, MemoryBudget budget);
    }

    /** The server's memory budget, which every session's data and history count against. */
    MemoryBudget budget() {
        return budget;
    }

    /** Also told when a session is forgotten (its large-data run is cancelled). */
    void onRemove(Consumer<String> listener) {
        removed.add(listener);
    }

    /**
     * Creates a session for the client at {@code client} (its address), after forgetting the idle ones;
     * refuses (429) when the server is full or that client holds {@link WebConfig#maxSessionsPerClient()}.
     */
    synchronized Session create(String client, Factory factory) {
        purge();
        if (map.size() >= config.maxSessions()) {
            throw new ApiException(429, WebMsg.SESSION_TOO_MANY, config.maxSessions());
        }
        long mine = owners.values().stream().filter(client::equals).count();
        if (mine >= config.maxSessionsPerClient()) {
            throw new ApiException(429, WebMsg.SESSION_TOO_MANY_CLIENT, config.maxSessionsPerClient());
        }
        byte[] b = new byte[16];
        random.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        Session s = factory.make(id, millis.getAsLong(), budget);
        map.put(id, s);
        owners.put(id, client);
        return s;
    }

    /** The session {@code id}, marked as used now; 404 when unknown or forgotten. */
    Session get(String id) {
        Session s = map.get(id);
        long now = millis.getAsLong();
        if (s == null || s.idleSince(now - config.sessionIdle().toMillis())) {
            if (s != null) {
                remove(id);
            }
            throw new ApiException(404, WebMsg.SESSION_UNKNOWN, id.length() > 40 ? id.substring(0, 40) + "…" : id,
                    config.sessionIdle().toMinutes());
        }
        s.touch(now);
        return s;
    }

    /** True while the server keeps session {@code id} (without marking it as used). */
    boolean contains(String id) {
        return map.containsKey(id);
    }

    boolean remove(String id) {
        Session s = map.remove(id);
        if (s == null) {
            return false;
        }
        owners.remove(id);
        s.cancel();
        s.progress().closeAll();
        s.comparisons().close();
        s.release();
        for (Consumer<String> l : removed) {
            l.accept(id);
        }
        return true;
    }

    int size() {
        return map.size();
    }

    /** Forgets the sessions idle for longer than the configured lifetime. */
    synchronized void purge() {
        long cutoff = millis.getAsLong() - config.sessionIdle().toMillis();
        for (Map.Entry<String, Session> e : map.entrySet()) {
            if (e.getValue().idleSince(cutoff)) {
                remove(e.getKey());
            }
        }
    }

    void closeAll() {
        for (String id : map.keySet()) {
            remove(id);
        }
    }
}
