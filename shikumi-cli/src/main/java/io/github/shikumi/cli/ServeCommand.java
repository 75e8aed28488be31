package io.github.shikumi.cli;

import io.github.shikumi.web.ShikumiServer;
import io.github.shikumi.web.WebConfig;
import io.javalin.Javalin;
import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shikumi serve}: the web workbench on http://HOST:PORT/ until Ctrl+C. Binds 127.0.0.1 unless
 * {@code --host} says otherwise; prints the URL; {@code --open} also opens it in the default browser.
 */
@Command(name = "serve", mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
    /** Running servers' stop signals (tests stop them; Ctrl+C ends the process). */
    static final CopyOnWriteArrayList<CountDownLatch> RUNNING = new CopyOnWriteArrayList<>();

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", descriptionKey = "port")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", descriptionKey = "host")
    String host;

    @Option(names = "--open", descriptionKey = "open")
    boolean open;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",", hideParamSyntax = true, descriptionKey = "allowHost")
    java.util.List<String> allowHosts = new java.util.ArrayList<>();

    @Option(names = "--client-sessions", paramLabel = "N", defaultValue = "10", descriptionKey = "sessionsPerClient")
    int sessionsPerClient;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Text t = Text.of(Locale.getDefault());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("shikumi: --port: " + t.get("serve.badPort", String.valueOf(port)));
            return 2;
        }
        if (host.isBlank()) {
            err.println("shikumi: --host: " + t.get("serve.badHost", host));
            return 2;
        }
        if (!localAddress(host)) {
            err.println("shikumi: --host: " + t.get("serve.notLocal", TerminalSafe.escape(host)));
            return 2;
        }
        if (sessionsPerClient < 1 || sessionsPerClient > 100) {
            err.println("shikumi: --client-sessions: " + t.get("serve.badSessionsPerClient", String.valueOf(sessionsPerClient)));
            return 2;
        }
        for (String name : allowHosts) {
            if (!name.matches("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+]")) {
                err.println("shikumi: --allow-host: " + t.get("serve.badAllowHost", TerminalSafe.escape(name)));
                return 2;
            }
        }
        Javalin app;
        try {
            app = ShikumiServer.create(WebConfig.defaults().withHost(host).withPort(port).withAllowedHosts(allowHosts)
                    .withSessionsPerClient(sessionsPerClient)).start();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            err.println("shikumi: " + t.get("serve.failed", host + ":" + port, String.valueOf(cause.getMessage())));
            return 1;
        }
        String shown = host.contains(":") ? "[" + host + "]" : host;
        String url = "http://" + shown + ":" + app.port() + "/";
        out.println(t.get("serve.url", url));
        java.util.List<String> others = ShikumiServer.reachableAddresses(host);
        if (isWildcard(host) || !others.isEmpty() && !InetAddress.getByName(host).isLoopbackAddress()) {
            // every machine on the networks listed can open it: say so, and where the students go
            err.println("shikumi: " + t.get("serve.openToNetwork"));
            err.flush();
            for (String a : others) {
                out.println(t.get("serve.studentsOpen", "http://" + a + ":" + app.port() + "/"));
            }
        }
        out.println(t.get("serve.stop"));
        out.flush();
        if (open) {
            openBrowser(url, err, t);
        }
        CountDownLatch stop = new CountDownLatch(1);
        RUNNING.add(stop);
        Thread hook = new Thread(app::stop, "shikumi-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } finally {
            RUNNING.remove(stop);
            app.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
        return 0;
    }

    /**
     * Whether {@code host} is an address of this computer (or the wildcard), checked before the server starts:
     * "999.1.1.1" or another machine's address is a usage error, not a stack trace. Names are looked up.
     */
    static boolean localAddress(String host) {
        if (host.matches("[0-9.]+") && !host.matches("((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])")) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(host);
            return a.isAnyLocalAddress() || a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isWildcard(String host) {
        try {
            return InetAddress.getByName(host).isAnyLocalAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops every server started by this class in this JVM (for tests). */
    static void stopAll() {
        RUNNING.forEach(CountDownLatch::countDown);
    }

    private static void openBrowser(String url, PrintWriter err, Text t) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
                return;
            }
            new ProcessBuilder(System.getProperty("os.name").startsWith("Mac") ? "open" : "xdg-open", url)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (Exception e) {
            err.println("shikumi: " + t.get("serve.noBrowser", url));
        }
    }
}
