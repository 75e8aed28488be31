package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private final Dataset d = TestData.aple(8);
    private final Network start = Network.initial(d, 2, 3);

    @Test
    void every_optimizer_starts_from_the_same_E_and_reports_its_curve_and_counts() {
        List<Comparison.Entry> entries = Comparison.run(start, d, Optimizers.byNames(Optimizers.NAMES, 0.05), 100,
                Comparison.Listener.NONE);
        double e0 = Reference.error(start, d);
        assertThat(entries).extracting(Comparison.Entry::optimizer).containsExactlyElementsOf(Optimizers.NAMES);
        for (Comparison.Entry e : entries) {
            assertThat(e.startE()).as(e.optimizer()).isCloseTo(e0, within(1e-9 * e0));
            assertThat(e.eCurve()).hasSize(e.iterations() + 1);
            assertThat(e.e(0)).isEqualTo(e.startE());
            assertThat(e.e(e.iterations())).isEqualTo(e.e());
            assertThat(e.e()).isLessThan(e0).isCloseTo(Reference.error(start.withParams(e.params()), d), within(1e-9 * e0));
            assertThat(e.accuracy()).isEqualTo(Reference.accuracy(start.withParams(e.params()), d));
            assertThat(e.iterations()).isBetween(1, 100);
            assertThat(e.objectiveEvaluations()).isGreaterThanOrEqualTo(e.iterations());
            assertThat(e.seconds()).isPositive();
            assertThat(e.cancelled()).isFalse();
        }
        Comparison.Entry gd = entries.get(0);
        assertThat(gd.iterations()).isEqualTo(100);
        assertThat(gd.gradientEvaluations()).isEqualTo(101);
        assertThat(entries.get(Optimizers.NAMES.indexOf("derivative-free")).gradientEvaluations()).as("derivative-free").isZero();
    }

    @Test
    void the_listener_sees_every_iteration_and_can_stop_the_comparison() {
        List<String> seen = new ArrayList<>();
        List<Comparison.Entry> entries = Comparison.run(start, d, Optimizers.byNames(List.of("gd", "cg"), 0.05), 50,
                (name, index, k, e) -> {
                    seen.add(name + ":" + k);
                    return !(index == 0 && k == 10);
                });
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).cancelled()).isTrue();
        assertThat(entries.get(0).iterations()).isEqualTo(10);
        assertThat(seen).hasSize(11).startsWith("gd:0").endsWith("gd:10");
    }
}
