package io.github.shikumi.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.Fixtures;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.train.OptimizationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The update rules' life cycle, their registry and their refusals. */
class UpdateRulesTest {
    private static final Dataset APLE = Datasets.bundled("aple");

    /**
     * A run stopped after any number of iterations and continued from its {@link UpdateState} takes the steps
     * of one uninterrupted run, bit for bit (what the web's Step button and time travel rely on); a fresh state
     * instead would not, for the rules that have state.
     */
    @Test
    void a_run_continued_from_its_state_is_bit_identical_to_one_run() {
        Network start = Network.initial(APLE, 1, 3);
        for (UpdateRule rule : List.of(new PlainUpdate(0.05), new MomentumUpdate(0.05, 0.9), new AdamUpdate(0.01))) {
            NetworkObjective f = new NetworkObjective(start, APLE);
            double[] straight = new GradientDescent(rule).minimize(f, start.params(), 60, IterationListener.NONE).params();

            UpdateState state = UpdateState.fresh(rule, start.layout().count());
            double[] p = start.params();
            List<double[]> checkpoints = new ArrayList<>();
            List<UpdateState> states = new ArrayList<>();
            for (int chunk : new int[] {1, 7, 13, 39}) {
                checkpoints.add(p.clone());
                states.add(state.copy());
                p = new GradientDescent(rule).minimize(f, p, chunk, IterationListener.NONE, state).params();
            }
            assertThat(p).as(rule.name()).containsExactly(straight);
            assertThat(state.steps()).isEqualTo(60);
            // from the checkpoint after 8 steps (a copy: later steps did not change it) to the end
            double[] again = new GradientDescent(rule).minimize(f, checkpoints.get(2), 52, IterationListener.NONE,
                    states.get(2).copy()).params();
            assertThat(again).as(rule.name() + " from a checkpoint").containsExactly(straight);
            // the same checkpoint written flat beside the parameters (as the web keeps it) and read back
            UpdateState kept = states.get(2);
            double[] flat = new double[3 + (int) kept.size()];
            kept.copyTo(flat, 3);
            UpdateState restored = UpdateState.restore(rule, start.layout().count(), flat, 3, kept.steps());
            assertThat(restored.steps()).isEqualTo(8);
            double[] fromFlat = new GradientDescent(rule).minimize(f, checkpoints.get(2), 52, IterationListener.NONE,
                    restored).params();
            assertThat(fromFlat).as(rule.name() + " from a flat copy").containsExactly(straight);
            if (rule.slots() > 0) {
                assertThatThrownBy(() -> UpdateState.restore(rule, start.layout().count(), flat, 4, 8))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(rule.name());
            }
            if (rule.slots() > 0) {
                double[] fresh = new GradientDescent(rule).minimize(f, checkpoints.get(2), 52, IterationListener.NONE)
                        .params();
                assertThat(fresh).as(rule.name() + " restarted without its state").isNotEqualTo(straight);
            }
        }
    }

    /** Adam on the book's job lowers E, and its provenance names it with its settings. */
    @Test
    void adam_trains_the_book_network() {
        Network start = Network.initial(APLE, 1, 3);
        GradientDescent adam = new GradientDescent(new AdamUpdate(0.05));
        OptimizationResult r = adam.minimize(new NetworkObjective(start, APLE), start.params(), 200, IterationListener.NONE);
        assertThat(r.value()).isLessThan(0.1 * new NetworkObjective(start, APLE).value(start.params()));
        assertThat(adam.name()).isEqualTo("adam");
        assertThat(adam.settings()).containsExactly(Map.entry("eta", 0.05), Map.entry("beta1", 0.9),
                Map.entry("beta2", 0.999), Map.entry("epsilon", 1e-8));
    }

    @Test
    void the_registry_names_every_rule_and_refuses_what_does_not_apply() {
        assertThat(UpdateRules.names()).containsExactly("gd", "momentum", "adam");
        assertThat(UpdateRules.create("momentum", 0.1, Map.of())).isInstanceOf(MomentumUpdate.class);
        assertThat(((MomentumUpdate) UpdateRules.create("momentum", 0.1, Map.of("momentum", 0.5))).momentum())
                .isEqualTo(0.5);
        assertThat(UpdateRules.create("adam", 0.1, Map.of("beta2", 0.99)).settings()).containsEntry("beta2", 0.99);
        assertThat(Fixtures.englishMessage(() -> UpdateRules.create("rmsprop", 0.1, Map.of())))
                .isEqualTo("optimizer: update rule \"rmsprop\" is not known (known: gd, momentum, adam)");
        assertThat(Fixtures.englishMessage(() -> UpdateRules.create("adam", 0.1, Map.of("momentum", 0.9))))
                .isEqualTo("momentum: momentum does not apply to the update rule adam (its settings: eta, beta1, beta2, epsilon)");
        assertThat(Fixtures.englishMessage(() -> UpdateRules.create("gd", 0.1, Map.of("beta1", 0.9))))
                .isEqualTo("beta1: beta1 does not apply to the update rule gd (its settings: eta)");
        assertThat(Fixtures.englishMessage(() -> new AdamUpdate(0.1, 1.0, 0.999, 1e-8)))
                .isEqualTo("beta1: beta1 must be from 0 to below 1, got 1.0");
        assertThat(Fixtures.englishMessage(() -> new AdamUpdate(0.1, 0.9, 0.999, 0)))
                .isEqualTo("epsilon: ε must be a positive finite number, got 0.0");
        assertThat(Fixtures.englishMessage(() -> new PlainUpdate(Double.NaN)))
                .isEqualTo("eta: η (learning rate) must be a positive finite number, got NaN");
    }

    /** Momentum with μ = 0 takes exactly the book's steps p ← p − η·g, on both number types. */
    @Test
    void momentum_without_momentum_is_the_books_rule_bit_for_bit() {
        double[] g = {0.3, -1e-3, 7.25, 0.0};
        double[] a = {1, 2, 3, 4};
        double[] b = a.clone();
        double[][] v = new double[1][4];
        new PlainUpdate(0.05).step(a, g, new double[0][], 3, 1);
        new MomentumUpdate(0.05, 0).step(b, g, v, 3, 1);
        assertThat(b).containsExactly(a);
        float[] gf = {0.3f, -1e-3f, 7.25f, 0f};
        float[] af = {1, 2, 3, 4};
        float[] bf = af.clone();
        new PlainUpdate(0.05).step(af, gf, new float[0][], 4, 3, 1);
        new MomentumUpdate(0.05, 0).step(bf, gf, new float[1][4], 4, 3, 1);
        assertThat(bf).containsExactly(af);
    }
}
