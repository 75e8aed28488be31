package io.github.shikumi.check;

import io.github.shikumi.train.Objective;

/**
 * Backpropagation against numerical differentiation: for every parameter p,
 * ∂E/∂p ≈ (E(p + h) − E(p − h)) / 2h (central differences, error O(h²)).
 */
public final class GradientCheck {
    /** Default step: balances the O(h²) truncation error against rounding in E. */
    public static final double DEFAULT_STEP = 1e-5;
    /** Default tolerance on the relative difference |a_p − n_p| / max_q max(|a_q|, |n_q|) (see {@link Result#relative}). */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private GradientCheck() {
    }

    /**
     * The numerical gradient of {@code f} at {@code p} by central differences with step {@code h}.
     *
     * @param f the objective (for a network, E)
     * @param p the point; not changed
     * @param h the step, e.g. {@link #DEFAULT_STEP}
     * @return a new array: element i is (E(p + h·e_i) − E(p − h·e_i)) / 2h
     */
    public static double[] numerical(Objective f, double[] p, double h) {
        double[] q = p.clone();
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double saved = q[i];
            q[i] = saved + h;
            double plus = f.value(q);
            q[i] = saved - h;
            double minus = f.value(q);
            q[i] = saved;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /**
     * Compares the backprop gradient with central differences at {@code p}.
     *
     * @param f the objective; its {@link Objective#valueAndGradient} gives the backprop gradient
     * @param p the point; not changed
     * @param h the step of the central differences
     * @return both gradients, every parameter, with their largest differences
     */
    public static Result check(Objective f, double[] p, double h) {
        double[] analytic = new double[p.length];
        f.valueAndGradient(p, analytic);
        double[] numeric = numerical(f, p, h);
        return new Result(analytic, numeric);
    }

    /**
     * Like {@link #check}, for the parameters {@code indices} only (a long check limited or sampled): entry k of
     * the result is parameter {@code indices[k]}. {@code progress} is told after each parameter how many are
     * done; it returns false to stop (the result then holds the parameters done so far).
     *
     * @param f        the objective; its {@link Objective#valueAndGradient} gives the backprop gradient
     * @param p        the point; not changed
     * @param h        the step of the central differences
     * @param indices  the parameters to check, by their index in {@code p}
     * @param progress told the number of parameters done after each one; returns false to stop
     * @return both gradients of the parameters checked, in the order of {@code indices}
     */
    public static Result check(Objective f, double[] p, double h, int[] indices, java.util.function.IntPredicate progress) {
        double[] full = new double[p.length];
        f.valueAndGradient(p, full);
        double[] q = p.clone();
        double[] analytic = new double[indices.length];
        double[] numeric = new double[indices.length];
        int done = 0;
        for (; done < indices.length; done++) {
            int i = indices[done];
            double saved = q[i];
            q[i] = saved + h;
            double plus = f.value(q);
            q[i] = saved - h;
            double minus = f.value(q);
            q[i] = saved;
            analytic[done] = full[i];
            numeric[done] = (plus - minus) / (2 * h); // ∂E/∂p ≈ (E(p + h) − E(p − h)) / 2h
            if (!progress.test(done + 1)) {
                done++;
                break;
            }
        }
        return new Result(java.util.Arrays.copyOf(analytic, done), java.util.Arrays.copyOf(numeric, done));
    }

    /** Backprop and numerical gradients side by side, with the largest differences. */
    public static final class Result {
        private final double[] analytic;
        private final double[] numeric;
        private final int worstAbsolute;
        private final int worstRelative;
        /** The gradient's largest component, max_q max(|a_q|, |n_q|). */
        private final double scale;

        Result(double[] analytic, double[] numeric) {
            this.analytic = analytic;
            this.numeric = numeric;
            double s = 0;
            for (int i = 0; i < analytic.length; i++) {
                s = Math.max(s, Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])));
            }
            scale = s;
            int wa = 0;
            int wr = 0;
            for (int i = 0; i < analytic.length; i++) {
                if (absolute(i) > absolute(wa)) {
                    wa = i;
                }
                if (relative(i) > relative(wr)) {
                    wr = i;
                }
            }
            worstAbsolute = wa;
            worstRelative = wr;
        }

        /**
         * The backprop gradient's entry {@code i}.
         *
         * @param i the entry, 0 … size() − 1
         * @return ∂E/∂p by backpropagation
         */
        public double analytic(int i) {
            return analytic[i];
        }

        /**
         * The numerical gradient's entry {@code i}.
         *
         * @param i the entry, 0 … size() − 1
         * @return ∂E/∂p by central differences
         */
        public double numeric(int i) {
            return numeric[i];
        }

        /**
         * Number of entries.
         *
         * @return the parameters compared
         */
        public int size() {
            return analytic.length;
        }

        /**
         * |a_i − n_i|, the absolute difference of entry {@code i}.
         *
         * @param i the entry, 0 … size() − 1
         * @return the absolute difference of the two gradients there
         */
        public double absolute(int i) {
            return Math.abs(analytic[i] - numeric[i]);
        }

        /**
         * |a_p − n_p| / max_q max(|a_q|, |n_q|): the difference relative to the gradient's largest component
         * (0 when both gradients are 0). Not relative to the component's own size: central differences in
         * double have an absolute error of about ε·E/h + h²·E'''/6 (~1e-10 here) in every component, so a
         * component near 0 (a unit that barely reacts, a model near a minimum) would show a large "own"
         * relative difference while backprop is right. Relative to the largest component, correct gradients
         * of random and trained networks of several shapes stay below 1e-6 (BackpropGradientTest,
         * GradientCheckTest), while a wrong sign or index gives differences of order 1.
         *
         * @param i the entry, 0 … size() − 1
         * @return the relative difference of entry {@code i}
         */
        public double relative(int i) {
            return scale == 0 ? 0 : absolute(i) / scale;
        }

        /**
         * The entry with the largest absolute difference.
         *
         * @return its index, 0 … size() − 1 (0 when there are no entries)
         */
        public int worstAbsoluteIndex() {
            return worstAbsolute;
        }

        /**
         * The entry with the largest relative difference.
         *
         * @return its index, 0 … size() − 1 (0 when there are no entries)
         */
        public int worstRelativeIndex() {
            return worstRelative;
        }

        /**
         * The largest absolute difference.
         *
         * @return max_i |a_i − n_i|
         */
        public double maxAbsolute() {
            return absolute(worstAbsolute);
        }

        /**
         * The largest relative difference (see {@link #relative}).
         *
         * @return max_i |a_i − n_i| / max_q max(|a_q|, |n_q|)
         */
        public double maxRelative() {
            return relative(worstRelative);
        }

        /**
         * True when backprop agrees with the numerical gradient.
         *
         * @param tolerance the largest relative difference allowed, e.g. {@link #DEFAULT_TOLERANCE}
         * @return whether {@link #maxRelative()} is at most {@code tolerance}
         */
        public boolean passes(double tolerance) {
            return maxRelative() <= tolerance;
        }
    }
}
