package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run whose E or parameters become NaN or infinite is not kept: the session stays at its last finite
 * iteration and its summary and event stream say where the run diverged, for the Train view to show.
 * (The API caps η at 100, which does not diverge on images of pixels from 0 to 1; the session is driven directly.)
 */
class DivergedRunTest {
    private static final Dataset APLE = Datasets.bundled("aple");

    private static Session session() {
        WebConfig config = WebConfig.defaults();
        return new Session("t", config, WorkingData.of("aple", true, APLE, config), 0.05, 3, 1, 0,
                new MemoryBudget(Long.MAX_VALUE));
    }

    @Test
    void a_diverged_iteration_is_not_kept_and_the_summary_and_progress_name_it() {
        Session s = session();
        s.advance(s.objectiveForRun(), 10, 1e308, () -> false, null); // p − 1e308·∂E overflows at once
        assertThat(s.last()).isZero();
        assertThat(s.diverged()).isEqualTo(1);
        assertThat(Double.isFinite(s.e(0))).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) s.summary().get("run");
        assertThat(run.get("diverged")).isEqualTo(1);
        assertThat(s.progressSince(0).get("diverged")).isEqualTo(1);
    }

    @Test
    void the_next_run_that_does_not_diverge_clears_the_message() {
        Session s = session();
        s.advance(s.objectiveForRun(), 10, 1e308, () -> false, null);
        assertThat(s.diverged()).isEqualTo(1);
        s.step(1);
        assertThat(s.diverged()).isEqualTo(-1);
        assertThat(s.progressSince(0).get("diverged")).isNull();
        assertThat(s.last()).isEqualTo(1);
    }
}
