package io.github.shikumi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.shikumi.text.ShikumiException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web workbench: the single-page app (plain HTML, CSS and ES modules from the jar, uPlot from its
 * webjar) and the JSON API under {@code /api}. {@link #create} builds the app unstarted; start it with
 * {@code app.start()} (host and port from the config) or {@code app.start(0)} in tests.
 */
public final class ShikumiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ShikumiServer.class);
    static final String APP_DIR = "/io/github/shikumi/web/app";

    private ShikumiServer() {
    }

    /** The app with its routes, bound (when started) to {@code config.host()} and {@code config.port()}. */
    public static Javalin create(WebConfig config) {
        return create(config, System::currentTimeMillis);
    }

    static Javalin create(WebConfig config, LongSupplier millis) {
        return create(config, millis, FashionMnist.SHARED);
    }

    /** @param imageData the large image data offered (tests pass a folder without the files) */
    static Javalin create(WebConfig config, LongSupplier millis, FashionMnist imageData) {
        Sessions sessions = new Sessions(config, millis);
        ExecutorService runs = Executors.newFixedThreadPool(config.runThreads(), r -> daemon(r, "shikumi-run"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "shikumi-timer"));
        timer.scheduleWithFixedDelay(sessions::purge, 1, 1, TimeUnit.MINUTES);
        Streams streams = new Streams(config.maxStreamsPerSession(), config.maxStreams());
        Api api = new Api(config, sessions, runs, timer, streams, imageData);
        Guards guards = new Guards(config);
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.host();
            c.jetty.port = config.port();
            c.jetty.threadPool = requestThreads(config.requestThreads());
            JettyGuards.configure(c, config);
            c.http.maxRequestSize = config.maxBodyBytes();
            c.http.prefer405over404 = true;
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = APP_DIR;
                sf.location = Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", "no-cache");
            });
            c.staticFiles.enableWebjars();
            c.events.serverStopping(() -> {
                sessions.closeAll();
                api.close();
                streams.close();
                timer.shutdownNow();
                runs.shutdownNow();
            });
            c.routes.before(guards::before);
            api.routes(c.routes);
            c.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.message(locale(ctx))));
            c.routes.exception(ShikumiException.class, (e, ctx) -> error(ctx, 400, e.message(locale(ctx))));
            c.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 413) {
                    error(ctx, 413, WebMsg.BODY_TOO_LARGE.format(locale(ctx), config.maxBodyBytes()));
                } else {
                    error(ctx, e.getStatus(), e.getMessage());
                }
            });
            c.routes.exception(Exception.class, (e, ctx) -> {
                if (JettyGuards.clientAborted(e)) {
                    LOG.debug("{} {}: the client went away ({})", ctx.method(), ctx.path(), e.getClass().getSimpleName());
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, WebMsg.INTERNAL.format(locale(ctx)));
            });
            c.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.result() == null) {
                    error(ctx, 404, WebMsg.NOT_FOUND.format(locale(ctx), Texts.shorten(ctx.path())));
                }
            });
            c.routes.error(405, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    error(ctx, 405, WebMsg.METHOD.format(locale(ctx), ctx.method(), Texts.shorten(ctx.path())));
                }
            });
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The host names requests may use in Host and Origin (for the CLI's message and tests). */
    public static java.util.Set<String> allowedNames(WebConfig config) {
        return Guards.allowedNames(config);
    }

    /** The addresses other machines can open when the server listens on {@code host} (all of them for 0.0.0.0). */
    public static java.util.List<String> reachableAddresses(String host) {
        return Guards.reachable(host);
    }

    /** Jetty's pool of request threads, bounded (see {@link WebConfig#requestThreads()}), named for thread dumps. */
    private static QueuedThreadPool requestThreads(int max) {
        QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(max, WebConfig.MIN_REQUEST_THREADS));
        pool.setName("shikumi-http");
        return pool;
    }

    /** The language of the answer: {@code ?lang=ja|en}, else the first language of Accept-Language. */
    static Locale locale(Context ctx) {
        String lang = ctx.queryParam("lang");
        if (lang == null) {
            lang = ctx.header("Accept-Language");
        }
        return lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("ja") ? Locale.JAPANESE : Locale.ENGLISH;
    }

    /** Answers {@code {"error": message}}: one line, control characters escaped, long input cut (see {@link Texts}). */
    static void error(Context ctx, int status, String message) {
        ctx.status(status);
        json(ctx, Map.of("error", Texts.clean(message)));
    }

    static void json(Context ctx, Object value) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(Body.MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
