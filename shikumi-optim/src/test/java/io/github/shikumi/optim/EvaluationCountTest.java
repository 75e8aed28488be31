package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.IterationListener;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.train.OptimizationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Evaluation counts are exact: checked against a counter wrapped around the objective by the test. */
class EvaluationCountTest {
    private final Dataset d = TestData.zeroOne(6);
    private final Network start = Network.initial(d, 3, 3);

    @ParameterizedTest
    @ValueSource(strings = {"gd", "momentum", "cg", "derivative-free", "solver"})
    void reported_counts_equal_the_calls_a_wrapper_counted(String name) {
        Reference.Counter counter = new Reference.Counter(new NetworkObjective(start.layout(), d));
        OptimizationResult r = Optimizers.byName(name, 0.05).minimize(counter, start.params(), 60, IterationListener.NONE);
        // every call computes E (a forward pass); valueAndGradient also computes ∂E (a backward pass)
        assertThat(r.valueEvaluations()).isEqualTo(counter.values + counter.gradients);
        assertThat(r.gradientEvaluations()).isEqualTo(counter.gradients);
        assertThat(r.valueEvaluations()).isPositive();
    }

    @Test
    void gradient_descent_makes_one_gradient_evaluation_per_iteration_and_one_for_the_end() {
        Reference.Counter counter = new Reference.Counter(new NetworkObjective(start.layout(), d));
        OptimizationResult r = Optimizers.byName("gd", 0.05).minimize(counter, start.params(), 60, IterationListener.NONE);
        assertThat(counter.gradients).isEqualTo(61);
        assertThat(counter.values).isZero();
        assertThat(r.gradientEvaluations()).isEqualTo(61);
    }

    @Test
    void nelder_mead_never_asks_for_the_gradient_and_counts_its_first_simplex() {
        Reference.Counter counter = new Reference.Counter(new NetworkObjective(start.layout(), d));
        LibraryRun run = new NelderMead().run(counter, start.params(), 1, IterationListener.NONE);
        assertThat(counter.gradients).isZero();
        assertThat(run.result().gradientEvaluations()).isZero();
        // n + 1 vertices of the first simplex, then one move: a reflection, perhaps an expansion or a
        // contraction, perhaps a shrink (n more)
        int n = start.layout().count();
        assertThat(counter.values).isBetween((long) n + 2, 2L * n + 3);
        assertThat(run.libraryEvaluations()).isEqualTo(counter.values);
    }

    @Test
    void conjugate_gradient_counts_match_the_librarys_own_counter() {
        Reference.Counter counter = new Reference.Counter(new NetworkObjective(start.layout(), d));
        LibraryRun run = new ConjugateGradient().run(counter, start.params(), 20, IterationListener.NONE);
        // Hipparchus counts the value-only calls; the gradient calls it makes are one per iteration plus the start
        assertThat(run.libraryEvaluations()).isEqualTo(counter.values);
        assertThat(counter.gradients).isEqualTo(run.result().iterations() + 1L);
        assertThat(run.result().valueEvaluations()).isEqualTo(counter.values + counter.gradients);
    }

    @Test
    void counting_objective_counts_forward_and_backward_passes() {
        Reference.Counter inner = new Reference.Counter(Reference.rosenbrock());
        CountingObjective c = new CountingObjective(inner);
        double[] g = new double[2];
        c.value(new double[] {0, 0});
        c.value(new double[] {1, 0});
        c.valueAndGradient(new double[] {0, 1}, g);
        assertThat(c.objectiveEvaluations()).isEqualTo(3);
        assertThat(c.gradientEvaluations()).isEqualTo(1);
        assertThat(c.valueOnlyEvaluations()).isEqualTo(2);
        assertThat(inner.values).isEqualTo(2);
        assertThat(inner.gradients).isEqualTo(1);
        assertThat(g).containsExactly(-2.0, 200.0); // ∂f/∂x = −2(1 − 0) − 0, ∂f/∂y = 200·(1 − 0)
    }
}
