package io.github.shikumi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private long now;

    @Test
    void stays_hidden_during_the_first_second_then_shows_progress_and_eta() {
        StringWriter sink = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), Text.of(Locale.ENGLISH), () -> now);
        now = 500_000_000L;
        bar.update(10, 100);
        assertThat(sink.toString()).isEmpty();
        now = 2_000_000_000L; // 2 s for 50 of 100 steps: 2 s to go
        bar.update(50, 100);
        assertThat(sink.toString()).contains("50/100", " 50 %", "ETA 2 s", "#".repeat(15) + ".".repeat(15));
        bar.finish();
        assertThat(sink.toString()).endsWith("\r");
    }

    @Test
    void a_short_run_never_draws_anything() {
        StringWriter sink = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sink), Text.of(Locale.ENGLISH), () -> now);
        now = 100_000_000L;
        bar.update(100, 100);
        bar.finish();
        assertThat(sink.toString()).isEmpty();
        assertThat(bar.shown()).isFalse();
    }
}
