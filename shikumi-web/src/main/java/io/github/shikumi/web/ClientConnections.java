package io.github.shikumi.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * Connections one client address may hold open at once (a Jetty connection listener on the connector): one
 * device that opens more is closed at once, so one phone or one script cannot take the server's connections
 * (a browser needs about 6, plus its event streams). Jetty has a server-wide limit but none per address.
 */
final class ClientConnections implements Connection.Listener {
    private final int max;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    /** Each connection's address, as it was when it opened (a closed socket no longer tells it). */
    private final Map<Connection, String> addresses = new ConcurrentHashMap<>();

    ClientConnections(int max) {
        this.max = max;
    }

    private static String address(Connection c) {
        SocketAddress a = c.getEndPoint().getRemoteSocketAddress();
        return a instanceof InetSocketAddress ? ((InetSocketAddress) a).getAddress().getHostAddress() : String.valueOf(a);
    }

    @Override
    public void onOpened(Connection c) {
        String a = address(c);
        addresses.put(c, a);
        int n = open.computeIfAbsent(a, k -> new AtomicInteger()).incrementAndGet();
        if (n > max) {
            c.getEndPoint().close(); // onClosed follows and counts it out
        }
    }

    @Override
    public void onClosed(Connection c) {
        String a = addresses.remove(c);
        if (a == null) {
            return;
        }
        AtomicInteger n = open.get(a);
        if (n != null && n.decrementAndGet() <= 0) {
            open.remove(a, n);
        }
    }
}
