package io.github.shikumi.web;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own protections, set from the config: the whole body of a request is read without a thread
 * ({@link EagerContentHandler}) before a handler runs, so clients that trickle bodies hold no request
 * thread; bodies must arrive at {@link WebConfig#minDataRate()} bytes per second ({@link MinimumDataRateHandler});
 * a connection silent for {@link WebConfig#idleTimeout()} is closed (also one whose reader stopped); one
 * client address uses at most {@link WebConfig#threadsPerClient()} request threads at once, its further
 * requests waiting without one ({@link ThreadLimitHandler}) and holds at most
 * {@link WebConfig#connectionsPerClient()} connections ({@link ClientConnections}); at most
 * {@link WebConfig#maxConnections()} connections in all ({@link NetworkConnectionLimit}). Jetty's own error answers (malformed paths, a body too large)
 * are {@code {"error": "..."}} too.
 */
final class JettyGuards {
    private JettyGuards() {
    }

    static void configure(JavalinConfig c, WebConfig config) {
        c.jetty.modifyServer(server -> {
            ThreadLimitHandler perClient = new ThreadLimitHandler(null, null, false);
            perClient.setThreadLimit(config.threadsPerClient());
            EagerContentHandler wholeBody = new EagerContentHandler(perClient,
                    new EagerContentHandler.RetainedContentLoaderFactory(config.maxBodyBytes(), -1, true));
            server.setHandler(new MinimumDataRateHandler(wholeBody, config.minDataRate(), 0));
            server.setErrorHandler(new JsonErrors(config));
            server.addBean(new NetworkConnectionLimit(config.maxConnections(), server));
        });
        c.jetty.addConnector((server, http) -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(config.host());
            connector.setPort(config.port());
            connector.setIdleTimeout(config.idleTimeout().toMillis());
            connector.addBean(new ClientConnections(config.connectionsPerClient()));
            return connector;
        });
    }

    /** True when {@code e} says the client closed the connection (nothing to answer, nothing to report). */
    static boolean clientAborted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EofException || t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /** Jetty's error answers as {@code {"error": "..."}}, in the client's language, naming no library. */
    static final class JsonErrors extends ErrorHandler {
        private final WebConfig config;

        JsonErrors(WebConfig config) {
            this.config = config;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            Locale locale = locale(request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
            String text = Texts.clean(describe(code, locale));
            byte[] body;
            try {
                body = Body.MAPPER.writeValueAsBytes(Map.of("error", text));
            } catch (IOException e) {
                body = "{\"error\": \"error\"}".getBytes(StandardCharsets.UTF_8);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8"));
            try {
                return ByteBuffer.wrap(Body.MAPPER.writeValueAsBytes(
                        Map.of("error", Texts.clean(describe(status, Locale.ENGLISH)))));
            } catch (IOException e) {
                return null;
            }
        }

        private String describe(int code, Locale locale) {
            switch (code) {
                case 400:
                    return WebMsg.REQUEST_MALFORMED.format(locale);
                case 404:
                    return WebMsg.NOT_FOUND.format(locale, "");
                case 408:
                    return WebMsg.REQUEST_TIMEOUT.format(locale, config.minDataRate());
                case 413:
                    return WebMsg.BODY_TOO_LARGE.format(locale, config.maxBodyBytes());
                case 431:
                    return WebMsg.HEADERS_TOO_LARGE.format(locale);
                default:
                    return WebMsg.HTTP_ERROR.format(locale, code);
            }
        }

        private static Locale locale(String acceptLanguage) {
            return acceptLanguage != null && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("ja")
                    ? Locale.JAPANESE : Locale.ENGLISH;
        }
    }
}
