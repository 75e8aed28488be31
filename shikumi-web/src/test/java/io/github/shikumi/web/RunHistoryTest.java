package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.update.UpdateRule;
import io.github.shikumi.update.UpdateRules;
import io.github.shikumi.update.UpdateState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Time travel keeps checkpoints and recomputes the iterations between them: every iteration must still be
 * bit for bit the parameters that training had. The reference is an independent run of core's gradient
 * descent from the same initial parameters that records every iteration's parameters.
 */
class RunHistoryTest {
    private static final Dataset APLE = Datasets.bundled("aple");

    /** Every iteration's parameters of the book's network trained with {@code eta}, starting at {@code p0}. */
    private static List<double[]> reference(double[] p0, double eta, int iterations) {
        List<double[]> all = new ArrayList<>();
        NetworkObjective f = new NetworkObjective(Network.initial(APLE, 1, 3).layout(), APLE);
        new GradientDescent(eta).minimize(f, p0, iterations, (k, p, v) -> all.add(p.clone()));
        return all;
    }

    private static Session session(long maxHistoryValues) {
        WebConfig config = WebConfig.defaults().withMaxHistoryValues(maxHistoryValues);
        return new Session("t", config, WorkingData.of("aple", true, APLE, config), 0.05, 3, 1, 0,
                new MemoryBudget(Long.MAX_VALUE));
    }

    private static void assertSameEverywhere(Session s, List<double[]> expected, int from) {
        for (int k = from; k < expected.size(); k++) {
            assertThat(s.network(k).params()).as("iteration %d", k).containsExactly(expected.get(k));
        }
        // backwards too: each request starts from the checkpoint before it, not from the last one asked
        for (int k = expected.size() - 1; k >= from; k -= 7) {
            assertThat(s.network(k).params()).as("iteration %d (backwards)", k).containsExactly(expected.get(k));
        }
    }

    @Test
    void the_books_run_keeps_every_iteration() {
        Session s = session(WebConfig.defaults().maxHistoryValues());
        s.step(100);
        s.step(100);
        s.step(100);
        s.step(100);
        s.step(100);
        List<double[]> expected = reference(Network.initial(APLE, 1, 3).params(), 0.05, 500);
        assertSameEverywhere(s, expected, 0);
        assertThat(s.checkpointStride()).isEqualTo(1);
    }

    @Test
    void a_long_run_keeps_few_checkpoints_and_recomputes_every_iteration_exactly() {
        // room for 100 checkpoints of 79 parameters: 6,000 iterations thin them to every 64th
        Session s = session(79 * 100 + 78);
        for (int i = 0; i < 60; i++) {
            s.step(100);
        }
        List<double[]> expected = reference(Network.initial(APLE, 1, 3).params(), 0.05, 6000);
        assertThat(s.checkpointStride()).isEqualTo(64);
        assertThat(s.historyValuesHeld()).isLessThanOrEqualTo(79L * 101);
        assertSameEverywhere(s, expected, 5900);
        for (int k = 0; k < 6000; k += 37) {
            assertThat(s.network(k).params()).as("iteration %d", k).containsExactly(expected.get(k));
        }
    }

    @Test
    void branching_between_checkpoints_continues_from_the_exact_parameters_with_the_new_eta() {
        Session s = session(79 * 100);
        for (int i = 0; i < 5; i++) {
            s.step(100);
        }
        for (int i = 0; i < 20; i++) {
            s.step(100); // 2,500 iterations: checkpoints every 32nd
        }
        int at = 1000 + 13; // not a checkpoint
        s.branch(at, 0.2);
        for (int i = 0; i < 3; i++) {
            s.step(100);
        }
        List<double[]> first = reference(Network.initial(APLE, 1, 3).params(), 0.05, at);
        List<double[]> expected = new ArrayList<>(first);
        expected.addAll(reference(first.get(at), 0.2, 300).subList(1, 301));
        assertThat(s.last()).isEqualTo(at + 300);
        assertSameEverywhere(s, expected, at - 40);
        for (int k = 0; k < at; k += 29) {
            assertThat(s.network(k).params()).as("iteration %d", k).containsExactly(expected.get(k));
        }
    }

    /**
     * Every iteration's parameters of a run by {@code rule} from {@code p0}, going on from {@code state} (which
     * it advances): core's loop recorded as it runs, the run time travel must reproduce.
     */
    private static List<double[]> recorded(double[] p0, UpdateRule rule, int iterations, UpdateState state) {
        List<double[]> all = new ArrayList<>();
        NetworkObjective f = new NetworkObjective(Network.initial(APLE, 1, 3), APLE);
        new GradientDescent(rule).minimize(f, p0, iterations, (k, p, v) -> all.add(p.clone()), state);
        return all;
    }

    private static Session session(long maxHistoryValues, String optimizer) {
        WebConfig config = WebConfig.defaults().withMaxHistoryValues(maxHistoryValues);
        return new Session("t", config, WorkingData.of("aple", true, APLE, config), 0.05, 3, 1,
                Activation.SIGMOID, optimizer, 0, new MemoryBudget(Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"momentum", "adam"})
    void a_rule_with_state_recomputes_every_iteration_exactly_across_thinning_and_a_branch(String name) {
        int slots = UpdateRules.create(name, 0.05, Map.of()).slots();
        // room for 100 checkpoints of 79 parameters and the rule's state: 2,500 iterations keep every 32nd
        Session s = session(79L * (1 + slots) * 100, name);
        for (int i = 0; i < 25; i++) {
            s.step(100);
        }
        assertThat(s.checkpointStride()).isEqualTo(32);
        assertThat(s.historyValuesHeld()).isLessThanOrEqualTo(79L * (1 + slots) * 101);
        int at = 1000 + 13; // not a checkpoint: the rule's state there is recomputed too
        s.branch(at, 0.02);
        for (int i = 0; i < 3; i++) {
            s.step(100);
        }
        double[] p0 = Network.initial(APLE, 1, 3).params();
        UpdateState state = UpdateState.fresh(UpdateRules.create(name, 0.05, Map.of()), p0.length);
        List<double[]> expected = new ArrayList<>(recorded(p0, UpdateRules.create(name, 0.05, Map.of()), at, state));
        // the branch goes on with the state the run had at iteration `at` and the new η
        expected.addAll(recorded(expected.get(at), UpdateRules.create(name, 0.02, Map.of()), 300, state).subList(1, 301));
        assertThat(s.last()).isEqualTo(at + 300);
        assertSameEverywhere(s, expected, at - 40);
        for (int k = 0; k < at; k += 29) {
            assertThat(s.network(k).params()).as("iteration %d", k).containsExactly(expected.get(k));
        }
        // the state matters: gradient descent from the branch point does not give these parameters
        List<double[]> stateless = recorded(expected.get(at), UpdateRules.create(name, 0.02, Map.of()), 1,
                UpdateState.fresh(UpdateRules.create(name, 0.02, Map.of()), p0.length));
        assertThat(stateless.get(1)).isNotEqualTo(expected.get(at + 1));
    }

    @Test
    void a_full_history_refuses_more_iterations_and_keeps_the_run() {
        Session s = session(79 * 100);
        int max = (int) ((java.util.Map<?, ?>) s.summary().get("run")).get("maxIterations");
        assertThat(max).isEqualTo(100 * RunHistory.MAX_STRIDE - 1);
        while (s.last() + 100 <= max) {
            s.step(100);
        }
        int last = s.last();
        assertThatThrownBy(() -> s.step(100)).isInstanceOf(ApiException.class);
        assertThat(s.last()).isEqualTo(last);
        s.step(max - last);
        assertThat(s.last()).isEqualTo(max);
        assertThat(s.historyValuesHeld()).isLessThanOrEqualTo(79L * 101);
    }
}
