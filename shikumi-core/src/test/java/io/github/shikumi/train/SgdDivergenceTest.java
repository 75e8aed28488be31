package io.github.shikumi.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mini-batch training stops at the first step whose loss or update is NaN or infinite, and names it. */
class SgdDivergenceTest {
    private static SgdResult run(SgdSettings.Precision precision, double eta, List<Double> losses) {
        Dataset d = Datasets.bundled("aple");
        SgdSettings s = new SgdSettings(1, 3, eta, 0, 1, 0, 0, 1, precision);
        return SgdTraining.run(Network.initial(d, 1, 3), d, null, s, (e, n, b, m, loss) -> losses.add(loss));
    }

    @Test
    void a_too_large_eta_stops_the_run_in_its_first_epoch_after_finite_steps_only() {
        // the float path: η·g overflows float's range (the double path's sigmoids saturate first: ∂E = 0)
        for (SgdSettings.Precision precision : new SgdSettings.Precision[] {SgdSettings.Precision.FLOAT}) {
            List<Double> losses = new ArrayList<>();
            SgdResult r = run(precision, 1e308, losses);
            assertThat(r.hasDiverged()).as(precision.name()).isTrue();
            assertThat(r.divergedEpoch()).isEqualTo(1);
            assertThat(r.divergedBatch()).isEqualTo(losses.size() + 1); // every step before it was finite
            assertThat(losses).allMatch(Double::isFinite);
            assertThat(r.epochs()).isEmpty(); // the diverged epoch has no evaluation
            assertThat(r.outputs()).isNull(); // and no predictions from NaN parameters
        }
    }

    @Test
    void the_default_run_does_not_diverge() {
        SgdResult r = run(SgdSettings.Precision.DOUBLE, 0.1, new ArrayList<>());
        assertThat(r.hasDiverged()).isFalse();
        assertThat(r.divergedEpoch()).isEqualTo(-1);
        assertThat(r.epochs()).hasSize(3);
    }
}
