package io.github.shikumi.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 by hand over a socket, for what java.net.http will not send (any Host, malformed paths, slow bodies). */
final class Raw implements AutoCloseable {
    final Socket socket;

    Raw(TestServer server) throws IOException {
        this(server, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes (0: the system's), set before connecting */
    Raw(TestServer server, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", server.app.port()), 5000);
        socket.setSoTimeout(10_000);
    }

    Raw write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return this;
    }

    /** Everything the server sends until it closes the connection or is quiet for the socket's timeout. */
    String readAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] b = new byte[8192];
        try {
            int n;
            while ((n = in.read(b)) > 0) {
                out.write(b, 0, n);
                String s = out.toString(StandardCharsets.UTF_8);
                int head = s.indexOf("\r\n\r\n");
                if (head > 0) {
                    int len = contentLength(s.substring(0, head));
                    if (len >= 0 && out.size() >= head + 4 + len) {
                        break;
                    }
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException quietOrClosed) {
            // what came so far
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return -1;
    }

    /** A whole request with {@code Connection: close}; the answer as text. */
    static String request(TestServer server, String method, String path, String host, String body) throws IOException {
        try (Raw r = new Raw(server)) {
            String b = body == null ? "" : body;
            r.write(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + b.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + b);
            return r.readAll();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
