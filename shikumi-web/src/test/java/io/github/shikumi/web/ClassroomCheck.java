package io.github.shikumi.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The classroom load check (a benchmark, not a test; issue 14): the server runs in a child JVM as
 * {@code shikumi serve} starts it ({@code -Xmx1g}, the Vector API module), on loopback. STUDENTS simulated
 * students each create their own session and, with a think time of 100–300 ms between requests, run 500
 * iterations in slow motion (100 per second) while they classify drawings and travel in time (the network at
 * an iteration of the run so far), then step 10 iterations three times and reset; each also runs one
 * comparison of the four optimisers. For the first half of the time nothing else happens; in the second half
 * the server is attacked at the same time: 6 sockets trickle request bodies, 500 event streams are opened
 * (on sessions of their own), and one stream stops reading while its session runs. A prober asks
 * {@code /api/health} every 100 ms throughout. Reports p50/p99 per request kind and phase, errors, runs
 * finished per phase, the health p99, and the server's resident memory. Run:
 * {@code ClassroomCheck [students] [seconds]} (see shikumi-bench/README.md).
 */
public final class ClassroomCheck {
    private ClassroomCheck() {
    }

    static final String[] KINDS = {"step", "classify", "time travel", "run", "compare", "health"};

    record Sample(int kind, boolean attacked, long nanos, boolean ok) {
    }

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        System.out.println(report(students, seconds));
    }

    static String report(int students, int seconds) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                LoadCheck.SERVE_HEAP, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                DevServer.class.getName(), String.valueOf(port)));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        List<AutoCloseable> attack = Collections.synchronizedList(new ArrayList<>());
        try {
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Runnable::run).build();
            waitForHealth(http, base);
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            AtomicLong errors = new AtomicLong();
            List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
            Map<Boolean, AtomicLong> runsDone = new ConcurrentHashMap<>(Map.of(false, new AtomicLong(), true, new AtomicLong()));
            long start = System.nanoTime();
            long attackFrom = start + seconds * 500_000_000L;
            long end = start + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int u = 0; u < students; u++) {
                long seed = u;
                threads.add(new Thread(() -> student(http, base, seed, attackFrom, end, samples, errors, firstErrors, runsDone),
                        "student-" + u));
            }
            Thread prober = new Thread(() -> probe(http, base, attackFrom, end, samples, errors, firstErrors), "health");
            threads.forEach(Thread::start);
            prober.start();
            long peakRss = 0;
            boolean attacking = false;
            int streamsOpened = 0;
            int streamsRefused = 0;
            while (threads.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(200);
                if (!attacking && System.nanoTime() >= attackFrom) {
                    attacking = true;
                    int[] opened = attack(port, http, base, attack);
                    streamsOpened = opened[0];
                    streamsRefused = opened[1];
                }
                peakRss = Math.max(peakRss, LoadCheckRss.rssKb(server.pid()));
            }
            prober.join();
            long rss = LoadCheckRss.rssKb(server.pid());
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "students %d for %d s (the last %d s under attack), think time 100-300 ms%n",
                    students, seconds, seconds / 2));
            sb.append(String.format(Locale.ROOT, "attack: 6 slow-body sockets, 500 event streams offered (%d open, %d refused"
                    + " with 429), 1 stream that stopped reading on a running session%n", streamsOpened, streamsRefused));
            sb.append(String.format(Locale.ROOT, "requests: %d, errors: %d%n", samples.size(), errors.get()));
            for (boolean attacked : new boolean[] {false, true}) {
                sb.append(attacked ? "-- under attack --\n" : "-- no attack --\n");
                for (int k = 0; k < KINDS.length; k++) {
                    sb.append(line(KINDS[k], samples, k, attacked));
                }
                sb.append(String.format(Locale.ROOT, "slow-motion runs of 500 iterations finished: %d%n",
                        runsDone.get(attacked).get()));
            }
            sb.append(String.format(Locale.ROOT, "server memory (resident set of its JVM, " + LoadCheck.SERVE_HEAP + "): %.0f MB at the end, peak %.0f MB%n",
                    rss / 1024.0, peakRss / 1024.0));
            if (!firstErrors.isEmpty()) {
                sb.append("first errors: ").append(firstErrors.subList(0, Math.min(5, firstErrors.size()))).append('\n');
            }
            return sb.toString();
        } finally {
            for (AutoCloseable c : attack) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing the attack
                }
            }
            server.destroy();
            server.waitFor();
        }
    }

    /** Opens the attack; returns {event streams open, refused}. */
    private static int[] attack(int port, HttpClient http, String base, List<AutoCloseable> open) throws Exception {
        // one page that stops reading, on a session that runs for the rest of the check
        HttpResponse<String> made = post(http, base + "/api/sessions", "{}");
        String stopped = base + "/api/sessions/" + made.body().replaceAll("(?s).*\"id\":\"([0-9a-f]+)\".*", "$1");
        Socket reader = new Socket();
        reader.setReceiveBufferSize(1024);
        reader.connect(new java.net.InetSocketAddress("127.0.0.1", port));
        open.add(reader);
        reader.getOutputStream().write(("GET " + URI.create(stopped).getPath() + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        post(http, stopped + "/run", "{\"iterations\": 60000}");
        for (int i = 0; i < 6; i++) { // bodies that trickle: a byte now and then, never complete
            Socket s = new Socket("127.0.0.1", port);
            open.add(s);
            OutputStream o = s.getOutputStream();
            o.write(("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            o.flush();
            Thread t = new Thread(() -> {
                try {
                    while (!s.isClosed()) {
                        o.write(' ');
                        o.flush();
                        Thread.sleep(500);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server closed it (minimum data rate) or the check ended
                }
            }, "trickle");
            t.setDaemon(true);
            t.start();
        }
        int opened = 0;
        int refused = 0;
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 125; i++) {
            HttpResponse<String> r = post(http, base + "/api/sessions", "{}");
            if (r.statusCode() == 201) {
                sessions.add(base + "/api/sessions/" + r.body().replaceAll("(?s).*\"id\":\"([0-9a-f]+)\".*", "$1"));
            }
        }
        for (int i = 0; i < 500 && !sessions.isEmpty(); i++) {
            Socket s = new Socket("127.0.0.1", port);
            open.add(s);
            String path = URI.create(sessions.get(i % sessions.size())).getPath() + "/events";
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(5000);
            byte[] head = new byte[12];
            int n = s.getInputStream().readNBytes(head, 0, 12);
            if (n == 12 && new String(head, StandardCharsets.US_ASCII).contains(" 200")) {
                opened++;
            } else {
                refused++;
            }
        }
        return new int[] {opened, refused};
    }

    private static void student(HttpClient http, String base, long seed, long attackFrom, long end, List<Sample> samples,
                                AtomicLong errors, List<String> firstErrors, Map<Boolean, AtomicLong> runsDone) {
        SplittableRandom random = new SplittableRandom(seed);
        try {
            HttpResponse<String> created = post(http, base + "/api/sessions", "{\"dataset\": \"aple\", \"seed\": " + seed + "}");
            if (created.statusCode() != 201) {
                errors.incrementAndGet();
                firstErrors.add("create " + created.statusCode() + " " + created.body());
                return;
            }
            String session = base + "/api/sessions/" + created.body().replaceAll("(?s).*\"id\":\"([0-9a-f]+)\".*", "$1");
            long compareAt = System.nanoTime() + (long) (random.nextDouble() * (end - System.nanoTime()) * 0.8);
            boolean compared = false;
            while (System.nanoTime() < end) {
                timed(samples, errors, firstErrors, 3, attackFrom, () -> post(http, session + "/run",
                        "{\"iterations\": 500, \"perSecond\": 100}"), 202);
                boolean running = true;
                while (running && System.nanoTime() < end) {
                    think(random);
                    String last = timed(samples, errors, firstErrors, 1, attackFrom, () -> post(http, session + "/classify",
                            "{\"pixels\": " + drawing(random) + "}"), 200);
                    think(random);
                    java.util.regex.Matcher m = last == null ? null
                            : java.util.regex.Pattern.compile("\"iteration\":(\\d+)").matcher(last);
                    int at = m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
                    timed(samples, errors, firstErrors, 2, attackFrom, () -> get(http, session + "/network?iteration="
                            + random.nextInt(at + 1)), 200);
                    if (!compared && System.nanoTime() >= compareAt) {
                        compared = true;
                        timed(samples, errors, firstErrors, 4, attackFrom, () -> post(http, session + "/compare", "{}"), 202);
                    }
                    HttpResponse<String> s = get(http, session);
                    running = s.body().contains("\"running\":true");
                }
                if (!running) {
                    runsDone.get(System.nanoTime() >= attackFrom).incrementAndGet();
                }
                for (int i = 0; i < 3 && System.nanoTime() < end; i++) {
                    think(random);
                    timed(samples, errors, firstErrors, 0, attackFrom, () -> post(http, session + "/step",
                            "{\"iterations\": 10}"), 200);
                }
                post(http, session + "/cancel", "{}");
                post(http, session + "/reset", "{}");
            }
            http.send(HttpRequest.newBuilder(URI.create(session)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException | RuntimeException e) {
            errors.incrementAndGet();
            firstErrors.add(e.toString());
        }
    }

    private static void probe(HttpClient http, String base, long attackFrom, long end, List<Sample> samples,
                              AtomicLong errors, List<String> firstErrors) {
        try {
            while (System.nanoTime() < end) {
                timed(samples, errors, firstErrors, 5, attackFrom, () -> get(http, base + "/api/health"), 200);
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** Times one request; returns its body when it had the expected status, else null (an error counted). */
    private static String timed(List<Sample> samples, AtomicLong errors, List<String> firstErrors, int kind, long attackFrom,
                                Call call, int expected) throws InterruptedException {
        long t0 = System.nanoTime();
        boolean ok;
        String body = null;
        try {
            HttpResponse<String> r = call.send();
            ok = r.statusCode() == expected;
            body = r.body();
            if (!ok) {
                firstErrors.add(KINDS[kind] + " " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            ok = false;
            firstErrors.add(KINDS[kind] + " " + e);
        }
        samples.add(new Sample(kind, t0 >= attackFrom, System.nanoTime() - t0, ok));
        if (!ok) {
            errors.incrementAndGet();
        }
        return ok ? body : null;
    }

    private static void think(SplittableRandom random) throws InterruptedException {
        Thread.sleep(100 + random.nextInt(200));
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
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String line(String name, List<Sample> all, int kind, boolean attacked) {
        long[] ns;
        synchronized (all) {
            ns = all.stream().filter(s -> s.kind() == kind && s.attacked() == attacked).mapToLong(Sample::nanos).sorted().toArray();
        }
        if (ns.length == 0) {
            return String.format(Locale.ROOT, "%-12s no requests%n", name);
        }
        return String.format(Locale.ROOT, "%-12s %7d requests  p50 %6.2f ms  p99 %7.2f ms  max %8.2f ms%n", name, ns.length,
                ns[(int) (ns.length * 0.50)] / 1e6, ns[Math.min(ns.length - 1, (int) (ns.length * 0.99))] / 1e6,
                ns[ns.length - 1] / 1e6);
    }

    private static void waitForHealth(HttpClient http, String base) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            try {
                if (get(http, base + "/api/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the server did not start");
    }

    /** Resident memory from /proc (Linux). */
    static final class LoadCheckRss {
        static long rssKb(long pid) {
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
}
