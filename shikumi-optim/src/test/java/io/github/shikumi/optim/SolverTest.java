package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.NetworkObjective;
import org.junit.jupiter.api.Test;

/**
 * The solver optimiser (Excel's Solver as the book uses it): forward-difference gradients from values of
 * E only, every E counted, no backward pass; its gradient agrees with backpropagation's.
 */
class SolverTest {
    private final Dataset d = Datasets.bundled("aple");
    private final Network start = Network.initial(d, 1, 3);

    @Test
    void solver_never_asks_for_the_backprop_gradient_and_pays_n_plus_one_E_per_gradient() {
        Reference.Counter counter = new Reference.Counter(new NetworkObjective(start.layout(), d));
        LibraryRun run = new Solver().run(counter, start.params(), 5, IterationListener.NONE);
        int n = start.layout().count();
        assertThat(n).isEqualTo(79);
        assertThat(counter.gradients).isZero();
        assertThat(run.result().gradientEvaluations()).isZero();
        assertThat(run.result().valueEvaluations()).isEqualTo(counter.values);
        // one gradient at the start and one after each line search, each E(p) + 79 nudged values; the
        // library's own counter holds the line searches' values
        assertThat(run.result().iterations()).isEqualTo(5);
        assertThat(counter.values).isEqualTo(run.libraryEvaluations() + (run.result().iterations() + 1L) * (n + 1));
    }

    @Test
    void forward_difference_gradient_agrees_with_backpropagation_on_the_book_network() {
        NetworkObjective obj = new NetworkObjective(start.layout(), d);
        double[] p = start.params();
        double[] backprop = new double[p.length];
        obj.valueAndGradient(p, backprop);
        Reference.Counter counter = new Reference.Counter(obj);
        LibraryOptimizer.Functions f = new LibraryOptimizer.Functions(new CountingObjective(counter), p,
                new IterationMonitor(new Solver().convergence(), IterationListener.NONE, 1, 1, p));
        double[] fd = f.forwardDifferenceGradient(p, Solver.STEP);
        assertThat(counter.values).isEqualTo(80);
        double scale = 0;
        for (double g : backprop) {
            scale = Math.max(scale, Math.abs(g));
        }
        for (int i = 0; i < p.length; i++) {
            // forward differences: error ~ h·|∂²E| + ε·E/h, about 1e-6 of the largest component here
            assertThat(fd[i]).as("component " + i).isCloseTo(backprop[i], within(1e-5 * scale));
        }
    }

    @Test
    void solver_trains_the_book_network_like_conjugate_gradient_on_backprop() {
        double e0 = Reference.error(start, d);
        LibraryRun solver = new Solver().run(new NetworkObjective(start.layout(), d), start.params(), 100, IterationListener.NONE);
        LibraryRun cg = new ConjugateGradient().run(new NetworkObjective(start.layout(), d), start.params(), 100, IterationListener.NONE);
        assertThat(solver.result().value()).isLessThan(e0 / 10);
        assertThat(solver.result().value()).isCloseTo(cg.result().value(), within(0.2 * e0));
        assertThat(Reference.accuracy(start.withParams(solver.result().params()), d)).isGreaterThan(0.9);
    }
}
