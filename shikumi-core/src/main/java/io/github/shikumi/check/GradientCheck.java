package io.github.shikumi.check;

import io.github.shikumi.train.Objective;

/**
 * Backpropagation against numerical differentiation: for every parameter p,
 * ∂E/∂p ≈ (E(p + h) − E(p − h)) / 2h (central differences, error O(h²)).
 */
public final class GradientCheck {
    /** Default step: balances the O(h²) truncation error against rounding in E. */
    public static final double DEFAULT_STEP = 1e-5;
    /** Default tolerance on the relative difference |a − n| / max(|a|, |n|, 1e-8). */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private GradientCheck() {
    }

    /** The numerical gradient of {@code f} at {@code p} by central differences with step {@code h}. */
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

    /** Compares the backprop gradient with central differences at {@code p}. */
    public static Result check(Objective f, double[] p, double h) {
        double[] analytic = new double[p.length];
        f.valueAndGradient(p, analytic);
        double[] numeric = numerical(f, p, h);
        return new Result(analytic, numeric);
    }

    /** Backprop and numerical gradients side by side, with the largest differences. */
    public static final class Result {
        private final double[] analytic;
        private final double[] numeric;
        private final int worstAbsolute;
        private final int worstRelative;

        Result(double[] analytic, double[] numeric) {
            this.analytic = analytic;
            this.numeric = numeric;
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

        public double analytic(int i) {
            return analytic[i];
        }

        public double numeric(int i) {
            return numeric[i];
        }

        public int size() {
            return analytic.length;
        }

        public double absolute(int i) {
            return Math.abs(analytic[i] - numeric[i]);
        }

        /** |a − n| / max(|a|, |n|, 1e-8): relative, but absolute for gradients near 0. */
        public double relative(int i) {
            return absolute(i) / Math.max(1e-8, Math.max(Math.abs(analytic[i]), Math.abs(numeric[i])));
        }

        public int worstAbsoluteIndex() {
            return worstAbsolute;
        }

        public int worstRelativeIndex() {
            return worstRelative;
        }

        public double maxAbsolute() {
            return absolute(worstAbsolute);
        }

        public double maxRelative() {
            return relative(worstRelative);
        }

        public boolean passes(double tolerance) {
            return maxRelative() <= tolerance;
        }
    }
}
