package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.Divergence;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Comparisons and sweeps show a run whose E or parameters became NaN or infinite as diverged, not as numbers. */
class DivergedRunsTest {
    @Test
    void a_comparison_entry_that_diverged_has_its_iteration_and_no_E_or_accuracy() {
        Dataset d = Datasets.bundled("aple"); // 128 images: |∂E| is large enough for 1e308·∂E to overflow
        Network start = Network.initial(d, 1, 3);
        List<Comparison.Entry> entries = Comparison.run(start, d, Optimizers.byNames(List.of("gd", "cg"), 1e308), 20,
                Comparison.Listener.NONE);
        Comparison.Entry gd = entries.get(0);
        assertThat(gd.diverged()).isEqualTo(1);
        assertThat(gd.iterations()).isEqualTo(1);
        assertThat(gd.e()).isNaN();
        assertThat(gd.accuracy()).isNaN();
        assertThat(entries.get(1).diverged()).isEqualTo(Divergence.NONE); // cg chooses its own steps
        assertThat(entries.get(1).e()).isFinite();
    }

    @Test
    void a_sweep_row_counts_its_diverged_runs_and_takes_the_median_E_over_the_others() {
        Dataset d = Datasets.bundled("aple"); // 128 images: |∂E| is large enough for 1e308·∂E to overflow
        Sweep.Result r = new Sweep(d, new double[] {1e308, 0.05}, new int[] {3}, new long[] {1, 2, 3}, 30, 1)
                .run(Sweep.Listener.NONE);
        Sweep.Row huge = r.rows().get(0);
        assertThat(huge.diverged()).isEqualTo(3);
        assertThat(huge.reached()).isZero();
        assertThat(huge.medianE()).isNaN();
        Sweep.Row book = r.rows().get(1);
        assertThat(book.diverged()).isZero();
        assertThat(book.medianE()).isFinite();
    }
}
