package io.github.shikumi.web;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where the server listens and how much work one session and one request may ask for. Every request is
 * checked against these bounds at the door; over-limit requests get a 4xx with {@code {"error": "..."}}.
 *
 * @param host               address to bind (127.0.0.1 unless the user says otherwise)
 * @param port               TCP port (0 = any free port)
 * @param maxSessions        training sessions kept in memory at once (one per browser tab)
 * @param sessionIdle        a session untouched this long is forgotten
 * @param maxBodyBytes       largest request body (Javalin's {@code http.maxRequestSize})
 * @param maxImages          images in one session's dataset
 * @param maxSide            image height and width in pixels
 * @param maxLabels          labels (output units)
 * @param maxHidden          hidden units
 * @param maxStepIterations  iterations of one synchronous step request
 * @param maxRunIterations   iterations of one background run
 * @param maxHistoryValues   parameter values one session keeps as checkpoints for time travel (checkpoints ×
 *                           parameters; at most 1,024 checkpoints, 64 iterations apart at most, see RunHistory)
 * @param maxGradcheckWork   parameters² × images allowed for one numerical-gradient request
 * @param runThreads         background runs computed at once (others wait in line)
 * @param maxCompareIterations iterations of each optimiser in one comparison
 * @param maxCompareWork     images × parameters × iterations × optimisers allowed for one comparison
 * @param requestThreads     threads that answer requests (Jetty's pool, its acceptor and selector included);
 *                           further requests wait in line. A few per core: with 50 tabs busy on 2 cores, 8
 *                           threads answered faster at the 99th percentile than Jetty's default of up to 250
 *                           (which time-slices every request at once); see shikumi-bench/README.md
 * @param maxSessionsPerClient sessions one client address may hold (a class shares the server)
 * @param maxStreams         event streams open on the whole server (429 beyond)
 * @param maxStreamsPerSession event streams of one session (a new one closes that session's oldest)
 * @param maxMemoryBytes     the server's memory budget for sessions and comparisons (default 60% of the heap)
 * @param idleTimeout        a connection that sends nothing (or does not read what it is sent) this long is
 *                           closed (Jetty's idle timeout)
 * @param minDataRate        bytes per second a request body must arrive at, at least (Jetty's minimum data rate)
 * @param maxConnections     connections open on the whole server (Jetty stops accepting beyond, until one closes)
 * @param threadsPerClient   request threads one client address may use at once (Jetty's ThreadLimitHandler;
 *                           its further requests wait without a thread)
 * @param connectionsPerClient connections one client address may hold open (more are closed at once)
 * @param allowedHosts       names besides the listening addresses that requests may name in Host and Origin
 *                           (e.g. the laptop's name on the school network)
 */
public record WebConfig(String host, int port, int maxSessions, Duration sessionIdle, long maxBodyBytes,
                        int maxImages, int maxSide, int maxLabels, int maxHidden, int maxStepIterations,
                        int maxRunIterations, long maxHistoryValues, long maxGradcheckWork, int runThreads,
                        int maxCompareIterations, long maxCompareWork, int requestThreads,
                        int maxSessionsPerClient, int maxStreams, int maxStreamsPerSession, long maxMemoryBytes,
                        Duration idleTimeout, long minDataRate, int maxConnections, int threadsPerClient,
                        int connectionsPerClient, java.util.List<String> allowedHosts) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** Jetty needs an acceptor and a selector thread besides the ones that answer. */
    public static final int MIN_REQUEST_THREADS = 4;

    public WebConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
        }
        if (maxSessions < 1 || maxImages < 1 || maxSide < 1 || maxLabels < 2 || maxHidden < 1
                || maxStepIterations < 1 || maxRunIterations < 1 || maxHistoryValues < 1 || runThreads < 1
                || maxBodyBytes < 1 || maxCompareIterations < 1 || maxCompareWork < 1 || requestThreads < MIN_REQUEST_THREADS
                || sessionIdle.isNegative() || sessionIdle.isZero() || maxSessionsPerClient < 1 || maxStreams < 1
                || maxStreamsPerSession < 1 || maxMemoryBytes < 1 || idleTimeout.isNegative() || idleTimeout.isZero()
                || minDataRate < 0 || maxConnections < 1 || threadsPerClient < 1 || connectionsPerClient < 1) {
            throw new IllegalArgumentException("limits must be positive: " + this);
        }
        allowedHosts = java.util.List.copyOf(allowedHosts);
    }

    /**
     * The defaults: 127.0.0.1:8080, 100 sessions idle at most 30 minutes, 1 MB bodies; a comparison runs
     * each optimiser at most 10,000 iterations and at most 10⁹ images × parameters × iterations × optimisers
     * (the book's 500 iterations of 4 optimisers on 128 images and 79 parameters are 2·10⁷).
     */
    public static WebConfig defaults() {
        return new WebConfig(DEFAULT_HOST, DEFAULT_PORT, 100, Duration.ofMinutes(30), 1_000_000,
                1000, 28, 10, 32, 100, 100_000, 4_000_000, 2_000_000_000L, 2,
                10_000, 1_000_000_000L, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()),
                10, 400, 4, Runtime.getRuntime().maxMemory() / 10 * 6, Duration.ofSeconds(30), 1024, 2000,
                Math.max(2, Math.max(8, 4 * Runtime.getRuntime().availableProcessors()) / 2), 64, java.util.List.of());
    }

    public WebConfig withMaxImages(int max) {
        return edit(b -> b.maxImages = max);
    }

    public WebConfig withRunThreads(int threads) {
        return edit(b -> b.runThreads = threads);
    }

    public WebConfig withSessionsPerClient(int max) {
        return edit(b -> b.maxSessionsPerClient = max);
    }

    public WebConfig withStreams(int perServer, int perSession) {
        return edit(b -> {
            b.maxStreams = perServer;
            b.maxStreamsPerSession = perSession;
        });
    }

    public WebConfig withMaxMemoryBytes(long max) {
        return edit(b -> b.maxMemoryBytes = max);
    }

    public WebConfig withIdleTimeout(Duration timeout) {
        return edit(b -> b.idleTimeout = timeout);
    }

    public WebConfig withThreadsPerClient(int threads) {
        return edit(b -> b.threadsPerClient = threads);
    }

    public WebConfig withConnectionsPerClient(int max) {
        return edit(b -> b.connectionsPerClient = max);
    }

    public WebConfig withAllowedHosts(java.util.List<String> names) {
        return edit(b -> b.allowedHosts = names);
    }

    public WebConfig withHost(String newHost) {
        return edit(b -> b.host = newHost);
    }

    public WebConfig withPort(int newPort) {
        return edit(b -> b.port = newPort);
    }

    public WebConfig withSessions(int max, Duration idle) {
        return edit(b -> {
            b.maxSessions = max;
            b.sessionIdle = idle;
        });
    }

    public WebConfig withMaxBodyBytes(long max) {
        return edit(b -> b.maxBodyBytes = max);
    }

    public WebConfig withMaxHistoryValues(long max) {
        return edit(b -> b.maxHistoryValues = max);
    }

    public WebConfig withCompareLimits(int maxIterations, long maxWork) {
        return edit(b -> {
            b.maxCompareIterations = maxIterations;
            b.maxCompareWork = maxWork;
        });
    }

    public WebConfig withRequestThreads(int threads) {
        return edit(b -> b.requestThreads = threads);
    }

    /** A copy with some values changed (checked again by the constructor). */
    private WebConfig edit(Consumer<Editable> change) {
        Editable b = new Editable(this);
        change.accept(b);
        return b.build();
    }

    /** The values of a config while a copy is being changed: the field list is written here once. */
    private static final class Editable {
        String host;
        int port;
        int maxSessions;
        Duration sessionIdle;
        long maxBodyBytes;
        int maxImages;
        int maxSide;
        int maxLabels;
        int maxHidden;
        int maxStepIterations;
        int maxRunIterations;
        long maxHistoryValues;
        long maxGradcheckWork;
        int runThreads;
        int maxCompareIterations;
        long maxCompareWork;
        int requestThreads;
        int maxSessionsPerClient;
        int maxStreams;
        int maxStreamsPerSession;
        long maxMemoryBytes;
        Duration idleTimeout;
        long minDataRate;
        int maxConnections;
        int threadsPerClient;
        int connectionsPerClient;
        java.util.List<String> allowedHosts;

        Editable(WebConfig c) {
            host = c.host;
            port = c.port;
            maxSessions = c.maxSessions;
            sessionIdle = c.sessionIdle;
            maxBodyBytes = c.maxBodyBytes;
            maxImages = c.maxImages;
            maxSide = c.maxSide;
            maxLabels = c.maxLabels;
            maxHidden = c.maxHidden;
            maxStepIterations = c.maxStepIterations;
            maxRunIterations = c.maxRunIterations;
            maxHistoryValues = c.maxHistoryValues;
            maxGradcheckWork = c.maxGradcheckWork;
            runThreads = c.runThreads;
            maxCompareIterations = c.maxCompareIterations;
            maxCompareWork = c.maxCompareWork;
            requestThreads = c.requestThreads;
            maxSessionsPerClient = c.maxSessionsPerClient;
            maxStreams = c.maxStreams;
            maxStreamsPerSession = c.maxStreamsPerSession;
            maxMemoryBytes = c.maxMemoryBytes;
            idleTimeout = c.idleTimeout;
            minDataRate = c.minDataRate;
            maxConnections = c.maxConnections;
            threadsPerClient = c.threadsPerClient;
            connectionsPerClient = c.connectionsPerClient;
            allowedHosts = c.allowedHosts;
        }

        WebConfig build() {
            return new WebConfig(host, port, maxSessions, sessionIdle, maxBodyBytes, maxImages, maxSide, maxLabels,
                    maxHidden, maxStepIterations, maxRunIterations, maxHistoryValues, maxGradcheckWork, runThreads,
                    maxCompareIterations, maxCompareWork, requestThreads, maxSessionsPerClient, maxStreams,
                    maxStreamsPerSession, maxMemoryBytes, idleTimeout, minDataRate, maxConnections, threadsPerClient,
                    connectionsPerClient, allowedHosts);
        }
    }
}
