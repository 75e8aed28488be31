package io.github.shikumi.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sessions in memory: at most {@link WebConfig#maxSessions()}, each forgotten after
 * {@link WebConfig#sessionIdle()} without a request (a session with a run in progress stays). Ids are
 * 128 random bits, so one tab cannot guess another's.
 */
final class Sessions {
    private final WebConfig config;
    private final LongSupplier millis;
    private final Map<String, Session> map = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    Sessions(WebConfig config, LongSupplier millis) {
        this.config = config;
        this.millis = millis;
    }

    interface Factory {
        Session make(String id, long now);
    }

    /** Creates a session, after forgetting the idle ones; refuses (429) when the server is full. */
    synchronized Session create(Factory factory) {
        purge();
        if (map.size() >= config.maxSessions()) {
            throw new ApiException(429, WebMsg.SESSION_TOO_MANY, config.maxSessions());
        }
        byte[] b = new byte[16];
        random.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        Session s = factory.make(id, millis.getAsLong());
        map.put(id, s);
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
        s.cancel();
        s.progress().closeAll();
        s.comparisons().close();
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
