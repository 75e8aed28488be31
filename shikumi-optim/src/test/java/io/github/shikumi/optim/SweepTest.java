package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.Training;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {
    private final Dataset d = TestData.aple(6);
    private final double[] etas = {0.05, 1.0};
    private final int[] hidden = {1, 3};
    private final long[] seeds = {1, 2, 3, 4, 5, 6};

    @Test
    void rows_are_the_share_and_medians_of_runs_done_one_by_one() {
        List<Sweep.Row> rows = new Sweep(d, etas, hidden, seeds, 120, 2).run(Sweep.Listener.NONE).rows();
        assertThat(rows).hasSize(4);
        int r = 0;
        for (double eta : etas) {
            for (int h : hidden) {
                double[] finalE = new double[seeds.length];
                List<Double> firstPerfect = new ArrayList<>();
                for (int s = 0; s < seeds.length; s++) {
                    Network start = Network.initial(d, seeds[s], h);
                    int[] first = {-1};
                    var hist = Training.run(start, d, new GradientDescent(eta), 120, (k, n, e, a, p) -> {
                        // 100 % by the plain forward pass, not by the sweep's bookkeeping
                        if (first[0] < 0 && Reference.accuracy(start.withParams(p), d) == 1.0) {
                            first[0] = k;
                        }
                        return true;
                    });
                    finalE[s] = Reference.error(hist.trained(), d);
                    if (first[0] >= 0) {
                        firstPerfect.add((double) first[0]);
                    }
                }
                Sweep.Row row = rows.get(r++);
                assertThat(row.eta()).isEqualTo(eta);
                assertThat(row.hidden()).isEqualTo(h);
                assertThat(row.seeds()).isEqualTo(seeds.length);
                assertThat(row.reached()).isEqualTo(firstPerfect.size());
                assertThat(row.share()).isEqualTo(firstPerfect.size() / 6.0);
                Arrays.sort(finalE); // 6 values: the median is the mean of the 3rd and 4th
                assertThat(row.medianE()).isCloseTo((finalE[2] + finalE[3]) / 2, org.assertj.core.api.Assertions.within(1e-9));
                assertThat(Double.valueOf(row.medianIterationsTo100())).isEqualTo(Double.valueOf(medianOf(firstPerfect)));
            }
        }
        // the settings differ enough for the check to mean something
        assertThat(rows.stream().mapToDouble(Sweep.Row::share).distinct().count()).isGreaterThan(1);
    }

    @Test
    void the_same_seeds_give_the_same_rows_on_every_run_in_parallel_or_not() {
        List<Sweep.Row> one = new Sweep(d, etas, hidden, seeds, 80, 1).run(Sweep.Listener.NONE).rows();
        List<Sweep.Row> four = new Sweep(d, etas, hidden, seeds, 80, 4).run(Sweep.Listener.NONE).rows();
        List<Sweep.Row> again = new Sweep(d, etas, hidden, seeds, 80, 4).run(Sweep.Listener.NONE).rows();
        assertThat(four).isEqualTo(one);
        assertThat(again).isEqualTo(one);
    }

    @Test
    void cancelling_keeps_the_rows_that_had_finished() {
        List<Sweep.Row> full = new Sweep(d, etas, hidden, seeds, 80, 1).run(Sweep.Listener.NONE).rows();
        Sweep sweep = new Sweep(d, etas, hidden, seeds, 80, 1);
        List<Sweep.Row> told = new ArrayList<>();
        Sweep.Result result = sweep.run(new Sweep.Listener() {
            @Override
            public void onRunDone(int done, int total) {
                assertThat(total).isEqualTo(24);
            }

            @Override
            public void onRow(Sweep.Row row) {
                told.add(row);
                sweep.cancel();
            }
        });
        assertThat(result.cancelled()).isTrue();
        assertThat(result.rows()).hasSize(1).isEqualTo(told).isEqualTo(sweep.finishedRows());
        assertThat(result.rows().get(0)).isEqualTo(full.get(0));
        assertThat(result.runsDone()).isEqualTo(seeds.length);
    }

    @Test
    void progress_counts_every_run_once() {
        List<Integer> done = new ArrayList<>();
        Sweep.Result r = new Sweep(d, etas, hidden, seeds, 10, 2).run((n, total) -> done.add(n));
        assertThat(done).hasSize(24).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList());
        assertThat(r.runsDone()).isEqualTo(24);
        assertThat(r.cancelled()).isFalse();
    }

    @Test
    void bad_settings_are_rejected_before_any_run() {
        assertThatThrownBy(() -> new Sweep(d, new double[] {0}, hidden, seeds, 10, 1)).isInstanceOf(ShikumiException.class)
                .hasMessageContaining("η");
        assertThatThrownBy(() -> new Sweep(d, etas, new int[] {0}, seeds, 10, 1)).isInstanceOf(ShikumiException.class)
                .hasMessageContaining("hidden");
        assertThatThrownBy(() -> new Sweep(d, etas, hidden, seeds, -1, 1)).isInstanceOf(ShikumiException.class)
                .hasMessageContaining("iterations");
    }

    @Test
    void median_of_odd_even_and_no_values() {
        assertThat(Sweep.median(new double[] {3, 1, 2}, 3)).isEqualTo(2);
        assertThat(Sweep.median(new double[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
        assertThat(Sweep.median(new double[] {5, 9, 100}, 2)).isEqualTo(7);
        assertThat(Sweep.median(new double[0], 0)).isNaN();
    }

    private static double medianOf(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
