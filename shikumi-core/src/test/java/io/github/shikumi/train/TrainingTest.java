package io.github.shikumi.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.Fixtures;
import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingTest {
    private final Dataset data = Fixtures.aple4();
    private final Network start = Fixtures.randomNetwork(41, data, 3);

    @Test
    void history_records_e_and_accuracy_of_every_iteration() {
        List<double[]> points = new ArrayList<>();
        History h = Training.gradientDescent(start, data, 0.5, 30, (k, total, e, acc, p) -> {
            assertThat(total).isEqualTo(30);
            assertThat(k).isEqualTo(points.size());
            points.add(p.clone());
            return true;
        });

        assertThat(h.iterations()).isEqualTo(30);
        assertThat(h.eCurve()).hasSize(31);
        assertThat(h.accuracyCurve()).hasSize(31);
        assertThat(points).hasSize(31);
        for (int k = 0; k <= 30; k++) {
            Network at = start.withParams(points.get(k));
            // E and accuracy recomputed from the forward pass alone
            assertThat(h.e(k)).as("E at %d", k).isCloseTo(Fixtures.error(at, data), within(1e-12));
            assertThat(h.accuracy(k)).as("accuracy at %d", k).isEqualTo(Confusion.of(at, data).accuracy());
        }
        assertThat(h.initial()).isEqualTo(start);
        assertThat(h.trained().params()).containsExactly(points.get(30));
        assertThat(h.cancelled()).isFalse();
        assertThat(h.result().iterations()).isEqualTo(30);
    }

    @Test
    void cancelling_stops_early_and_keeps_what_was_done() {
        List<double[]> points = new ArrayList<>();
        History h = Training.gradientDescent(start, data, 0.5, 100, (k, total, e, acc, p) -> {
            points.add(p.clone());
            return k < 5;
        });
        assertThat(h.cancelled()).isTrue();
        assertThat(h.iterations()).isEqualTo(5);
        assertThat(h.eCurve()).hasSize(6);
        assertThat(h.trained().params()).containsExactly(points.get(5));
    }

    @Test
    void training_the_four_letters_reaches_full_accuracy_and_remembers_when() {
        History h = Training.gradientDescent(start, data, 0.5, 2000, TrainingListener.NONE);
        assertThat(h.accuracy(2000)).isEqualTo(1.0);
        int first = h.firstPerfectIteration();
        assertThat(first).isBetween(0, 2000);
        assertThat(h.accuracy(first)).isEqualTo(1.0);
        for (int k = 0; k < first; k++) {
            assertThat(h.accuracy(k)).isLessThan(1.0);
        }
        assertThat(h.e(2000)).isLessThan(h.e(0) / 10);
    }

    @Test
    void the_trained_network_records_how_it_was_made() {
        Network initial = Network.initial(data, 7, 3);
        History h = Training.gradientDescent(initial, data, 0.05, 3, TrainingListener.NONE);
        assertThat(h.trained().provenance())
                .containsEntry("seed", 7L)
                .containsEntry("data", "aple4.txt")
                .containsEntry("optimizer", "gd")
                .containsEntry("eta", 0.05)
                .containsEntry("iterations", 3);
        assertThat(h.trained().labels()).isEqualTo(data.labels());
        assertThat(h.trained().layout()).isEqualTo(initial.layout());
    }

    @Test
    void initial_parameters_are_seeded_and_uniform_in_minus_half_to_half() {
        Network a = Network.initial(data, 123, 3);
        Network b = Network.initial(data, 123, 3);
        Network c = Network.initial(data, 124, 3);
        assertThat(a.params()).containsExactly(b.params());
        assertThat(a.params()).isNotEqualTo(c.params());
        assertThat(a.layout().shapeText()).isEqualTo("20-3-4");
        // the documented generator: SplittableRandom(seed).nextDouble(−0.5, 0.5) in layout order
        java.util.SplittableRandom r = new java.util.SplittableRandom(123);
        for (double v : a.params()) {
            assertThat(v).isEqualTo(r.nextDouble(-0.5, 0.5)).isGreaterThanOrEqualTo(-0.5).isLessThan(0.5);
        }
    }
}
