package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.GradientDescent;
import io.github.shikumi.train.NetworkObjective;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
