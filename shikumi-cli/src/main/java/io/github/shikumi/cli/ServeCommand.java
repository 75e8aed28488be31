package io.github.shikumi.cli;

import io.github.shikumi.web.ShikumiServer;
import io.github.shikumi.web.WebConfig;
import io.javalin.Javalin;
import java.awt.Desktop;
import java.io.PrintWriter;
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

    @Override
    public Integer call() throws InterruptedException {
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
        Javalin app;
        try {
            app = ShikumiServer.create(WebConfig.defaults().withHost(host).withPort(port)).start();
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
