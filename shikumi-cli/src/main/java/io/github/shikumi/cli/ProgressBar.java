package io.github.shikumi.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * A progress bar with ETA on stderr, shown only once a run has taken more than a second, redrawn at
 * most ten times a second, and erased at the end.
 */
final class ProgressBar {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final Text text;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private boolean shown;

    ProgressBar(PrintWriter err, Text text, LongSupplier nanoClock) {
        this.err = err;
        this.text = text;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
        this.lastDraw = start;
    }

    ProgressBar(PrintWriter err, Text text) {
        this(err, text, System::nanoTime);
    }

    /** Reports that {@code done} of {@code total} steps are finished. */
    void update(long done, long total) {
        update(done, total, (String) null);
    }

    /** Likewise, with a label before the bar ("epoch 2/5  batch 300/600  loss 0.41"); null for none. */
    void update(long done, long total, String label) {
        update(done, total, () -> label);
    }

    /**
     * Likewise, with the label made only when the bar is redrawn (a run of thousands of steps formats it ten
     * times a second, not at every step).
     */
    void update(long done, long total, java.util.function.Supplier<String> labelText) {
        long now = clock.getAsLong();
        long elapsed = now - start;
        if (elapsed < SHOW_AFTER_NANOS || (shown && now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        lastDraw = now;
        shown = true;
        String label = labelText.get();
        err.print("\r" + (label == null ? "" : label + "  ") + line(done, total, elapsed));
        err.flush();
    }

    /** The bar's text: {@code [#####.....]  50 %  250/500  ETA 3 s}. */
    String line(long done, long total, long elapsedNanos) {
        double share = total == 0 ? 1 : done / (double) total;
        int filled = (int) Math.round(share * WIDTH);
        long etaSeconds = done == 0 ? -1 : Math.round(elapsedNanos * (total - done) / (double) done / 1e9);
        String eta = etaSeconds < 0 ? "?" : String.valueOf(etaSeconds);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format("%3d %%", Math.round(share * 100)) + "  " + done + "/" + total + "  "
                + text.get("progress.eta", eta);
    }

    /** Erases the bar, if it was shown. */
    void finish() {
        if (shown) {
            err.print("\r" + " ".repeat(WIDTH + 90) + "\r");
            err.flush();
        }
    }

    boolean shown() {
        return shown;
    }
}
