package io.github.shikumi.optim;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.Divergence;
import io.github.shikumi.train.NetworkObjective;
import io.github.shikumi.train.OptimizationResult;
import io.github.shikumi.train.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several optimisers run one after the other from the same start network on the same data, each with
 * the same iteration budget: final E, training accuracy, iterations, evaluations of E and ∂E, time, and
 * the E curve (E at every iteration 0 … iterations).
 */
public final class Comparison {
    /** Told of every iteration of every optimiser; returning false stops the comparison. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param optimizer the optimiser's name
         * @param index     its position in the comparison, from 0
         * @param iteration the iteration, 0 for the start
         * @param e         E at this iteration
         */
        boolean onIteration(String optimizer, int index, int iteration, double e);

        Listener NONE = (o, i, k, e) -> true;
    }

    /**
     * One optimiser's run.
     *
     * @param optimizer            its name ("gd", "momentum", "cg", "derivative-free")
     * @param startE               E at the start (the same for every entry of a comparison)
     * @param e                    E at the end
     * @param accuracy             training accuracy at the end, 0…1
     * @param iterations           iterations done
     * @param objectiveEvaluations evaluations of E (forward passes over the data)
     * @param gradientEvaluations  evaluations of ∂E (backward passes)
     * @param seconds              wall-clock time of the optimiser's run
     * @param cancelled            whether the listener stopped it
     * @param diverged             the iteration at which E or a parameter became NaN or infinite (the run's last;
     *                             {@code e} and {@code accuracy} are then NaN), or −1
     */
    public record Entry(String optimizer, double startE, double e, double accuracy, int iterations,
                        long objectiveEvaluations, long gradientEvaluations, double seconds, boolean cancelled,
                        double[] eCurve, double[] params, int diverged) {
        public Entry(String optimizer, double startE, double e, double accuracy, int iterations,
                     long objectiveEvaluations, long gradientEvaluations, double seconds, boolean cancelled,
                     double[] eCurve, double[] params) {
            this(optimizer, startE, e, accuracy, iterations, objectiveEvaluations, gradientEvaluations, seconds,
                    cancelled, eCurve, params, Divergence.NONE);
        }

        /** True when the run stopped because E or a parameter became NaN or infinite. */
        public boolean hasDiverged() {
            return diverged != Divergence.NONE;
        }

        /** E at iteration k. */
        public double e(int k) {
            return eCurve[k];
        }
    }

    private Comparison() {
    }

    /** Runs every optimiser from {@code start} for at most {@code iterations} iterations. */
    public static List<Entry> run(Network start, Dataset data, List<Optimizer> optimizers, int iterations,
                                  Listener listener) {
        start.checkFits(data, "model");
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < optimizers.size(); i++) {
            Optimizer opt = optimizers.get(i);
            Entry entry = runOne(start, data, opt, i, iterations, listener);
            out.add(entry);
            if (entry.cancelled()) {
                break;
            }
        }
        return out;
    }

    private static Entry runOne(Network start, Dataset data, Optimizer opt, int index, int iterations, Listener listener) {
        NetworkObjective objective = new NetworkObjective(start.layout(), data);
        Curve curve = new Curve(iterations + 1);
        long t0 = System.nanoTime();
        OptimizationResult r = opt.minimize(objective, start.params(), iterations, (k, p, value) -> {
            curve.set(k, value);
            return listener.onIteration(opt.name(), index, k, value);
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        double accuracy = r.hasDiverged() ? Double.NaN // no prediction from NaN outputs
                : new NetworkObjective(start.layout(), data).accuracy(r.params());
        double[] e = curve.upTo(r.iterations());
        return new Entry(opt.name(), e[0], r.hasDiverged() ? Double.NaN : r.value(), accuracy, r.iterations(),
                r.valueEvaluations(), r.gradientEvaluations(), seconds, r.cancelled(), e, r.params(), r.diverged());
    }

    /** E by iteration number. */
    private static final class Curve {
        private double[] e;

        Curve(int capacity) {
            e = new double[Math.max(1, capacity)];
        }

        void set(int k, double value) {
            if (k >= e.length) {
                e = Arrays.copyOf(e, Math.max(k + 1, 2 * e.length));
            }
            e[k] = value;
        }

        double[] upTo(int k) {
            return Arrays.copyOf(e, k + 1);
        }
    }
}
