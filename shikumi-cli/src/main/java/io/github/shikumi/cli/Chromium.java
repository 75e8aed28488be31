package io.github.shikumi.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints an HTML file to PDF through an installed Chromium or Chrome in headless mode (its own print engine,
 * the same the browser's Print dialog uses). Found as {@code $SHIKUMI_CHROMIUM}, else the first of chromium,
 * chromium-browser, google-chrome, google-chrome-stable on the PATH.
 */
final class Chromium {
    static final String ENV = "SHIKUMI_CHROMIUM";
    private static final long TIMEOUT_SECONDS = 120;

    private Chromium() {
    }

    /** The browser to print with, if one is installed. */
    static Optional<Path> find() {
        String env = System.getProperty("shikumi.chromium", System.getenv(ENV)); // the property: tests
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : new String[] {"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Prints {@code html} to {@code pdf} (A4, no header or footer), with a fresh profile deleted afterwards.
     *
     * @throws IOException when the browser fails or gives no PDF in time (the message says which)
     */
    static void print(Path browser, Path html, Path pdf) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("shikumi-chromium");
        Path tmp = Files.createTempFile(pdf.toAbsolutePath().getParent(), ".shikumi-", ".pdf");
        try {
            List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless=new", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile, "--no-pdf-header-footer", "--print-to-pdf=" + tmp.toAbsolutePath()));
            if ("root".equals(System.getProperty("user.name"))) {
                cmd.add(1, "--no-sandbox"); // Chromium refuses to run as root with its sandbox
            }
            cmd.add(html.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(browser + " gave no PDF within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0 || Files.size(tmp) == 0) {
                throw new IOException(browser + " exited with " + p.exitValue() + " and no PDF");
            }
            Files.move(tmp, pdf, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
