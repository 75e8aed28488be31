package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.train.OptimizationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The README's explanation of all-zero initial parameters: every hidden unit then computes the same
 * s and z, receives the same δH_j = (Σ_k δO_k·wO_kj)·h_j(1 − h_j) (its outgoing weights wO_kj are equal
 * too) and so the same update; the units stay identical for ever, and the 20-3-4 network learns no more
 * than a 20-1-4 one.
 */
class ZeroInitSymmetryTest {
    private final Dataset d = Datasets.bundled("aple");

    @ParameterizedTest
    @ValueSource(strings = {"gd", "momentum", "cg"})
    void all_zero_initial_parameters_keep_the_hidden_units_identical_after_training(String name) {
        Network zero = Network.initial(d, 1, 3).withParams(new double[79]);
        OptimizationResult r = Optimizers.byName(name, 0.05)
                .minimize(new NetworkObjective(zero.layout(), d), zero.params(), 300, IterationListener.NONE);
        Network trained = zero.withParams(r.params());

        assertThat(r.value()).as("E still falls").isLessThan(Reference.error(zero, d));
        assertThat(differentHiddenUnits(trained)).as("hidden units differ").isZero();
        assertThat(trained.weight(0, 0, 0)).as("and they did move").isNotZero();
    }

    @Test
    void from_random_initial_parameters_the_hidden_units_become_different() {
        // the check above can fail: trained from a random start, no two hidden units are alike
        Network start = Network.initial(d, 1, 3);
        OptimizationResult r = Optimizers.byName("gd", 0.05)
                .minimize(new NetworkObjective(start.layout(), d), start.params(), 300, IterationListener.NONE);
        assertThat(differentHiddenUnits(start.withParams(r.params()))).isEqualTo(3);
    }

    @Test
    void nelder_mead_breaks_the_symmetry_because_its_simplex_moves_parameters_one_at_a_time() {
        Network zero = Network.initial(d, 1, 3).withParams(new double[79]);
        OptimizationResult r = new NelderMead()
                .minimize(new NetworkObjective(zero.layout(), d), zero.params(), 300, IterationListener.NONE);
        assertThat(differentHiddenUnits(zero.withParams(r.params()))).isPositive();
    }

    /** Pairs (j, j') of hidden units whose incoming weights, threshold or outgoing weights differ at all. */
    static int differentHiddenUnits(Network net) {
        ParamLayout l = net.layout();
        int hidden = l.units(0);
        int pairs = 0;
        for (int j = 0; j < hidden; j++) {
            for (int j2 = j + 1; j2 < hidden; j2++) {
                boolean same = net.threshold(0, j) == net.threshold(0, j2);
                for (int i = 0; i < l.inputs(); i++) {
                    same &= net.weight(0, j, i) == net.weight(0, j2, i);
                }
                for (int k = 0; k < l.outputs(); k++) {
                    same &= net.weight(1, k, j) == net.weight(1, k, j2);
                }
                if (!same) {
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
