package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.train.OptimizationResult;
import io.github.shikumi.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OptimizersLowerETest {
    static Stream<Arguments> optimizersAndData() {
        List<Arguments> out = new ArrayList<>();
        for (String name : Optimizers.NAMES) {
            out.add(Arguments.of(name, "aple"));
            out.add(Arguments.of(name, "zero-one"));
        }
        return out.stream();
    }

    static Dataset data(String name) {
        return Datasets.bundled(name);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("optimizersAndData")
    void every_optimizer_lowers_E_from_the_same_start(String name, String dataName) {
        Dataset d = data(dataName);
        Network start = Network.initial(d, 1, 3);
        double e0 = Reference.error(start, d);
        Optimizer opt = Optimizers.byName(name, 0.05);
        List<double[]> reported = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        OptimizationResult r = opt.minimize(new NetworkObjective(start.layout(), d), start.params(), 200, (k, p, e) -> {
            assertThat(k).as("iterations are reported in order from 0").isEqualTo(values.size());
            reported.add(p.clone());
            values.add(e);
            return true;
        });

        assertThat(values.get(0)).as("E at the start").isCloseTo(e0, within(1e-9 * e0));
        assertThat(r.value()).as(name + " lowers E").isLessThan(e0);
        assertThat(r.iterations()).isEqualTo(values.size() - 1);
        // the reported E is E at the reported parameters, recomputed by the plain forward pass
        assertThat(r.value()).isCloseTo(Reference.error(start.withParams(r.params()), d), within(1e-9 * e0));
        for (int k = 0; k < values.size(); k += Math.max(1, values.size() / 10)) {
            double expected = Reference.error(start.withParams(reported.get(k)), d);
            assertThat(values.get(k)).as("E at iteration " + k).isCloseTo(expected, within(1e-9 * e0));
        }
        assertThat(r.params()).isEqualTo(reported.get(reported.size() - 1));
        assertThat(start.params()).as("the start is not changed").isEqualTo(Network.initial(d, 1, 3).params());
    }
}
