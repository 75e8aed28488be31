package io.github.shikumi.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The web load check (a benchmark, not a test): the server runs in a child JVM on loopback; USERS
 * simulated users each create their own session on the bundled aple data, then, in a closed loop,
 * step it by 10 iterations and classify a random drawing, for SECONDS seconds after a warm-up.
 * Prints requests per second, p50/p99 latency per request kind, errors and the server's memory.
 * Run: {@code LoadCheck [users] [seconds] [warmupSeconds]} (see shikumi-bench/README.md).
 */
public final class LoadCheck {
    private LoadCheck() {
    }

    record Sample(int kind, long nanos, boolean ok) {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.println(report(users, seconds, warmup));
    }

    /** The heap the launcher gives {@code shikumi serve}, read from ./shikumi: the checks start the server as users do. */
    static final String SERVE_HEAP = serveHeap();

    private static String serveHeap() {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("exec java --add-modules jdk.incubator.vector (-Xmx\\S+)")
                    .matcher(java.nio.file.Files.readString(Path.of("..", "shikumi")));
            if (!m.find()) {
                throw new IllegalStateException("the launcher ../shikumi starts serve without -Xmx");
            }
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String report(int users, int seconds, int warmup) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // as `shikumi serve` starts it (the launcher adds the Vector API module for long-lived commands), in the heap the launcher gives it
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SERVE_HEAP, "--add-modules", "jdk.incubator.vector"));
        String extra = System.getProperty("loadcheck.serverJvm", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DevServer.class.getName(), String.valueOf(port)));
        String serverThreads = System.getProperty("loadcheck.threads", "");
        if (!serverThreads.isBlank()) {
            command.add(serverThreads.trim()); // request threads, for a baseline (the server's default otherwise)
        }
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String base = "http://127.0.0.1:" + port;
            // perf: the client runs its completions on its own selector thread (executor Runnable::run). By default
            // the JDK client hands every response to a thread pool, and the user's thread then wakes: on two cores
            // shared with the server that cost 230 µs of CPU per request, against 100–150 µs this way.
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Runnable::run).build();
            waitForHealth(http, base);
            List<List<Sample>> perUser = new ArrayList<>();
            AtomicLong errors = new AtomicLong();
            List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            long measureFrom = start + warmup * 1_000_000_000L;
            long end = measureFrom + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                List<Sample> samples = new ArrayList<>();
                perUser.add(samples);
                long seed = u;
                threads.add(new Thread(() -> user(http, base, seed, measureFrom, end, samples, errors, firstErrors),
                        "user-" + u));
            }
            threads.forEach(Thread::start);
            long peakRss = 0;
            long cpuFrom = -1;
            long cpuTo = -1;
            long clientFrom = -1;
            long clientTo = -1;
            long self = ProcessHandle.current().pid();
            while (threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(100);
                long now = System.nanoTime();
                if (cpuFrom < 0 && now >= measureFrom) {
                    cpuFrom = cpuTicks(server.pid());
                    clientFrom = cpuTicks(self);
                }
                if (cpuTo < 0 && now >= end) {
                    cpuTo = cpuTicks(server.pid());
                    clientTo = cpuTicks(self);
                }
                peakRss = Math.max(peakRss, rssKb(server.pid()));
            }
            long rss = rssKb(server.pid());
            List<Sample> all = new ArrayList<>();
            perUser.forEach(all::addAll);
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "users %d, measured %d s after %d s warm-up, closed loop (each user waits for its answer)%n",
                    users, seconds, warmup));
            sb.append(String.format(Locale.ROOT, "server request threads: %s%n",
                    serverThreads.isBlank() ? "default (" + WebConfig.defaults().requestThreads() + ")" : serverThreads.trim()));
            sb.append(String.format(Locale.ROOT, "requests: %d (%.0f per second), errors: %d%n",
                    all.size(), all.size() / (double) seconds, errors.get()));
            sb.append(line("step (10 iterations)", all, 0));
            sb.append(line("classify", all, 1));
            sb.append(line("both", all, -1));
            double cpuSeconds = (cpuTo - cpuFrom) / 100.0;
            sb.append(String.format(Locale.ROOT, "server CPU: %.1f s in %d s (%.0f %% of one core), %.0f µs per request%n",
                    cpuSeconds, seconds, 100 * cpuSeconds / seconds, 1e6 * cpuSeconds / Math.max(1, all.size())));
            double clientSeconds = (clientTo - clientFrom) / 100.0;
            sb.append(String.format(Locale.ROOT, "client CPU (the simulated users' JVM): %.1f s (%.0f %% of one core), %.0f µs per request%n",
                    clientSeconds, 100 * clientSeconds / seconds, 1e6 * clientSeconds / Math.max(1, all.size())));
            sb.append(String.format(Locale.ROOT, "server memory (resident set of its JVM, " + SERVE_HEAP + "): %.0f MB at the end, peak %.0f MB%n",
                    rss / 1024.0, peakRss / 1024.0));
            if (!firstErrors.isEmpty()) {
                sb.append("first errors: ").append(firstErrors.subList(0, Math.min(5, firstErrors.size()))).append('\n');
            }
            return sb.toString();
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void user(HttpClient http, String base, long seed, long measureFrom, long end, List<Sample> samples,
                             AtomicLong errors, List<String> firstErrors) {
        SplittableRandom random = new SplittableRandom(seed);
        try {
            HttpResponse<String> created = post(http, base + "/api/sessions", "{\"dataset\": \"aple\", \"seed\": " + seed + "}");
            if (created.statusCode() != 201) {
                errors.incrementAndGet();
                firstErrors.add("create " + created.statusCode() + " " + created.body());
                return;
            }
            String id = created.body().replaceAll("(?s).*\"id\":\"([0-9a-f]+)\".*", "$1");
            String session = base + "/api/sessions/" + id;
            int kind = 0;
            while (System.nanoTime() < end) {
                String path = kind == 0 ? session + "/step" : session + "/classify";
                String body = kind == 0 ? "{\"iterations\": 10}" : "{\"pixels\": " + drawing(random) + "}";
                long t0 = System.nanoTime();
                boolean ok;
                try {
                    HttpResponse<String> r = post(http, path, body);
                    ok = r.statusCode() == 200;
                    if (!ok) {
                        firstErrors.add(path + " " + r.statusCode() + " " + r.body());
                    }
                } catch (IOException e) {
                    ok = false;
                    firstErrors.add(path + " " + e);
                }
                long t1 = System.nanoTime();
                if (t0 >= measureFrom && t1 <= end) {
                    samples.add(new Sample(kind, t1 - t0, ok));
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
                kind = 1 - kind;
            }
            http.send(HttpRequest.newBuilder(URI.create(session)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            errors.incrementAndGet();
            firstErrors.add(e.toString());
        }
    }

    private static String drawing(SplittableRandom random) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            sb.append(i == 0 ? "" : ",").append(random.nextInt(2));
        }
        return sb.append(']').toString();
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String line(String name, List<Sample> all, int kind) {
        long[] ns = all.stream().filter(s -> kind < 0 || s.kind() == kind).mapToLong(Sample::nanos).sorted().toArray();
        if (ns.length == 0) {
            return name + ": no requests\n";
        }
        return String.format(Locale.ROOT, "%-22s %7d requests  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", name, ns.length,
                ns[(int) (ns.length * 0.50)] / 1e6, ns[Math.min(ns.length - 1, (int) (ns.length * 0.99))] / 1e6,
                ns[ns.length - 1] / 1e6);
    }

    private static void waitForHealth(HttpClient http, String base) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the server did not start");
    }

    /** User + system CPU time of a process in clock ticks (1/100 s), from /proc. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Resident memory of a process in kB (Linux /proc), 0 when unknown. */
    private static long rssKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

}
