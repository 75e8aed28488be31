package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Sizes and counts checked before anything is allocated: the parameters of a network of the sizes asked for
 * (exactly, so {@code --hidden 1000000000} is refused instead of overflowing), and the memory a run will hold
 * (parameters, gradient and optimiser state, the activations of every image, the E and accuracy of every
 * iteration) against what this Java may use. Over the limit: a usage error, one line, exit 2, naming the limit.
 */
final class Sizes {
    /** Share of the heap a run may plan to hold (the rest is the JVM's, the data's and the output's). */
    static final double SHARE = 0.8;

    private Sizes() {
    }

    /** Parameters of a network inputs-hidden…-outputs (weights and thresholds), or Long.MAX_VALUE on overflow. */
    static long parameters(int inputs, int[] hidden, int outputs) {
        try {
            long p = 0;
            long below = inputs;
            for (int h : hidden) {
                p = Math.addExact(p, Math.addExact(Math.multiplyExact(below, h), h));
                below = h;
            }
            return Math.addExact(p, Math.addExact(Math.multiplyExact(below, outputs), outputs));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Refuses (exit 2) a network of {@code hidden} layers on {@code d} trained for {@code iterations} iterations,
     * with {@code curves} E curves kept (1 for train, one per optimiser for compare, runs at once for sweep),
     * when it would not fit in memory or its arrays would exceed Java's largest.
     */
    static void checkRun(CommandSpec spec, Text t, Dataset d, int[] hidden, long iterations, long curves, String option) {
        checkRun(spec, t, d, hidden, iterations, curves, 0, option);
    }

    /** As above, with {@code extraBytes} held besides (a sweep's table of every seed's results). */
    static void checkRun(CommandSpec spec, Text t, Dataset d, int[] hidden, long iterations, long curves, double extraBytes,
                         String option) {
        long p = parameters(d.pixels(), hidden, d.labels().size());
        long units = d.pixels() + d.labels().size();
        for (int h : hidden) {
            units += h;
        }
        double bytes = 8.0 * (8.0 * p + 3.0 * d.size() * units + 2.0 * (iterations + 1)) * curves + extraBytes;
        long have = Runtime.getRuntime().maxMemory();
        if (p > Integer.MAX_VALUE - 8 || bytes > SHARE * have) {
            String what = d.pixels() + "-" + join(hidden) + "-" + d.labels().size() + ", " + iterations + " iterations"
                    + (curves > 1 ? " × " + curves : "");
            throw new UsageError(spec.commandLine(), option + ": " + t.get("usage.tooLarge", what,
                    p == Long.MAX_VALUE ? "∞" : String.format("%,d", p), mb(bytes), mb(SHARE * have)));
        }
    }

    /**
     * Refuses (exit 2) a network whose parameters alone (with their gradient, optimiser state and copies, about
     * eight values each) would not fit, for the mini-batch path, whose activations are per batch.
     */
    static void checkParameters(CommandSpec spec, Text t, int inputs, int[] hidden, int outputs, String option) {
        long p = parameters(inputs, hidden, outputs);
        long have = Runtime.getRuntime().maxMemory();
        double bytes = 8.0 * 8.0 * p;
        if (p > Integer.MAX_VALUE - 8 || bytes > SHARE * have) {
            throw new UsageError(spec.commandLine(), option + ": " + t.get("usage.tooLarge",
                    inputs + "-" + join(hidden) + "-" + outputs, p == Long.MAX_VALUE ? "∞" : String.format("%,d", p),
                    mb(bytes), mb(SHARE * have)));
        }
    }

    private static String join(int[] hidden) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hidden.length; i++) {
            b.append(i == 0 ? "" : "-").append(hidden[i]);
        }
        return b.toString();
    }

    private static String mb(double bytes) {
        return String.format("%,d", (long) Math.ceil(bytes / 1_000_000));
    }
}
