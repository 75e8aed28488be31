package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.NetworkObjective;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.junit.jupiter.api.Test;

/** The library optimisers' results, checked against what the library itself reported. */
class LibraryReportTest {
    private final Dataset d = Datasets.bundled("aple");
    private final Network start = Network.initial(d, 1, 3);

    /** Records every reported iteration. */
    static final class Recorder implements IterationListener {
        final List<double[]> points = new ArrayList<>();
        final List<Double> values = new ArrayList<>();

        @Override
        public boolean iteration(int k, double[] p, double value) {
            assertThat(k).isEqualTo(values.size());
            points.add(p.clone());
            values.add(value);
            return true;
        }

        double e(int k) {
            return values.get(k);
        }

        int last() {
            return values.size() - 1;
        }
    }

    @Test
    void conjugate_gradient_stops_where_its_own_convergence_checker_says_so() {
        ConjugateGradient cg = new ConjugateGradient();
        Recorder rec = new Recorder();
        LibraryRun run = cg.run(new NetworkObjective(start.layout(), d), start.params(), 500, rec);

        assertThat(run.stop()).isEqualTo(StopReason.CONVERGED);
        int k = run.result().iterations();
        assertThat(k).isLessThan(500).isEqualTo(rec.last());
        // Hipparchus counts its first iteration at the start point: its count is one more than ours
        assertThat(run.libraryIterations()).isEqualTo(k + 1);
        // the point and value the library returned are the result
        assertThat(run.libraryPoint()).isEqualTo(run.result().params());
        assertThat(run.libraryValue()).isEqualTo(run.result().value());
        // the library's checker accepts the last two iterations and did not accept the two before
        SimpleValueChecker checker = cg.convergenceChecker();
        assertThat(checker.converged(k, pair(rec, k - 1), pair(rec, k))).isTrue();
        assertThat(checker.converged(k - 1, pair(rec, k - 2), pair(rec, k - 1))).isFalse();
        // and the value is E at the point, recomputed independently
        assertThat(run.result().value()).isCloseTo(Reference.error(start.withParams(run.result().params()), d), within(1e-9));
    }

    @Test
    void conjugate_gradient_finds_the_minimum_of_rosenbrocks_function() {
        LibraryRun run = new ConjugateGradient().run(Reference.rosenbrock(), new double[] {-1.2, 1}, 10_000, IterationListener.NONE);
        assertThat(run.stop()).isEqualTo(StopReason.CONVERGED);
        assertThat(run.result().params()[0]).isCloseTo(1.0, within(1e-3));
        assertThat(run.result().params()[1]).isCloseTo(1.0, within(2e-3));
        assertThat(run.libraryPoint()).isEqualTo(run.result().params());
    }

    @Test
    void nelder_mead_finds_the_minimum_of_rosenbrocks_function_and_returns_the_librarys_best_vertex() {
        Recorder rec = new Recorder();
        NelderMead nm = new NelderMead(0.5, 1e-14, 1e-14);
        LibraryRun run = nm.run(Reference.rosenbrock(), new double[] {-1.2, 1}, 10_000, rec);
        assertThat(run.stop()).isEqualTo(StopReason.CONVERGED);
        assertThat(run.result().params()[0]).isCloseTo(1.0, within(1e-4));
        assertThat(run.result().params()[1]).isCloseTo(1.0, within(1e-4));
        assertThat(run.libraryPoint()).isEqualTo(run.result().params());
        assertThat(run.libraryValue()).isEqualTo(run.result().value());
        // Hipparchus's simplex counts iterations from 0 at the start, like we do
        assertThat(run.libraryIterations()).isEqualTo(run.result().iterations());
        assertThat(run.libraryEvaluations()).isEqualTo(run.result().valueEvaluations());
        // the best vertex never gets worse
        for (int k = 1; k <= rec.last(); k++) {
            assertThat(rec.e(k)).isLessThanOrEqualTo(rec.e(k - 1));
        }
    }

    @Test
    void the_iteration_budget_stops_a_library_optimizer_at_exactly_that_iteration() {
        for (LibraryOptimizer opt : List.of(new ConjugateGradient(), new NelderMead())) {
            Recorder rec = new Recorder();
            LibraryRun run = opt.run(new NetworkObjective(start.layout(), d), start.params(), 7, rec);
            assertThat(run.stop()).as(opt.name()).isEqualTo(StopReason.MAX_ITERATIONS);
            assertThat(run.result().iterations()).isEqualTo(7);
            assertThat(rec.last()).isEqualTo(7);
            assertThat(run.result().params()).isEqualTo(rec.points.get(7)).isEqualTo(run.libraryPoint());
            assertThat(run.result().cancelled()).isFalse();
        }
    }

    @Test
    void a_listener_returning_false_cancels_at_that_iteration() {
        for (LibraryOptimizer opt : List.of(new ConjugateGradient(), new NelderMead())) {
            for (int stopAt : new int[] {0, 3}) {
                List<double[]> seen = new ArrayList<>();
                LibraryRun run = opt.run(new NetworkObjective(start.layout(), d), start.params(), 100, (k, p, e) -> {
                    seen.add(p.clone());
                    return k < stopAt;
                });
                assertThat(run.stop()).isEqualTo(StopReason.CANCELLED);
                assertThat(run.result().cancelled()).isTrue();
                assertThat(run.result().iterations()).isEqualTo(stopAt);
                assertThat(seen).hasSize(stopAt + 1);
                assertThat(run.result().params()).isEqualTo(seen.get(stopAt));
            }
        }
    }

    @Test
    void zero_iterations_return_the_start_and_its_E() {
        for (LibraryOptimizer opt : List.of(new ConjugateGradient(), new NelderMead())) {
            LibraryRun run = opt.run(new NetworkObjective(start.layout(), d), start.params(), 0, IterationListener.NONE);
            assertThat(run.result().params()).isEqualTo(start.params());
            assertThat(run.result().value()).isCloseTo(Reference.error(start, d), within(1e-9));
            assertThat(run.result().iterations()).isZero();
            assertThat(run.result().valueEvaluations()).isEqualTo(1);
        }
    }

    private static PointValuePair pair(Recorder rec, int k) {
        return new PointValuePair(rec.points.get(k), rec.e(k));
    }
}
