package io.github.shikumi.update;

/**
 * The state of an {@link UpdateRule} over one parameter vector: its {@link UpdateRule#slots()} arrays and the
 * number of steps taken. A run that stops and goes on later (the web's Step button, its time travel) keeps
 * this object, or a {@link #copy()} of it at a checkpoint, and continues bit for bit.
 */
public final class UpdateState {
    private final double[][] slots;
    private long steps;

    private UpdateState(double[][] slots, long steps) {
        this.slots = slots;
        this.steps = steps;
    }

    /**
     * The state before the first step: zeros, no steps taken.
     *
     * @param rule the rule
     * @param n    the number of parameters
     * @return the fresh state
     */
    public static UpdateState fresh(UpdateRule rule, int n) {
        return new UpdateState(new double[rule.slots()][n], 0);
    }

    /**
     * One step of {@code rule} from this state: p and the state change in place.
     *
     * @param rule  the rule (the one this state was made for)
     * @param p     the parameters
     * @param g     the gradient at p, summed over {@code count} images
     * @param count the images g is summed over
     */
    public void step(UpdateRule rule, double[] p, double[] g, int count) {
        if (slots.length != rule.slots() || (slots.length > 0 && slots[0].length != p.length)) {
            throw new IllegalArgumentException("state of " + slots.length + " arrays for " + rule.name());
        }
        rule.step(p, g, slots, count, ++steps);
    }

    /**
     * Steps taken so far (the next step is number {@code steps() + 1}).
     *
     * @return the count
     */
    public long steps() {
        return steps;
    }

    /**
     * One state array (a copy), e.g. momentum's velocity.
     *
     * @param slot 0 … {@code slots − 1}
     * @return the values
     */
    public double[] slot(int slot) {
        return slots[slot].clone();
    }

    /**
     * Writes the state arrays one after another (slot 0, then slot 1, …) into {@code dst} from {@code offset}:
     * {@link #size()} values, e.g. beside the parameters of a checkpoint.
     *
     * @param dst    where to write
     * @param offset the first index written
     */
    public void copyTo(double[] dst, int offset) {
        for (int s = 0; s < slots.length; s++) {
            System.arraycopy(slots[s], 0, dst, offset + s * slots[s].length, slots[s].length);
        }
    }

    /**
     * The state {@link #copyTo} wrote, after {@code steps} steps: continuing from it continues the run that
     * wrote it bit for bit.
     *
     * @param rule   the rule the state is for
     * @param n      the number of parameters
     * @param values the arrays one after another, {@code rule.slots() × n} values from {@code offset}
     * @param offset the first index read
     * @param steps  the steps taken (0 or more)
     * @return the state (its own arrays)
     * @throws IllegalArgumentException when {@code values} is too short or {@code steps} is negative
     */
    public static UpdateState restore(UpdateRule rule, int n, double[] values, int offset, long steps) {
        int k = rule.slots();
        if (steps < 0 || offset < 0 || values.length - offset < (long) k * n) {
            throw new IllegalArgumentException("state of " + rule.name() + ": " + k + " × " + n
                    + " values from " + offset + " of " + values.length + ", " + steps + " steps");
        }
        double[][] s = new double[k][];
        for (int i = 0; i < k; i++) {
            s[i] = java.util.Arrays.copyOfRange(values, offset + i * n, offset + (i + 1) * n);
        }
        return new UpdateState(s, steps);
    }

    /**
     * An independent copy (a checkpoint).
     *
     * @return the copy
     */
    public UpdateState copy() {
        double[][] c = new double[slots.length][];
        for (int s = 0; s < c.length; s++) {
            c[s] = slots[s].clone();
        }
        return new UpdateState(c, steps);
    }

    /**
     * Doubles this state holds (for memory budgets).
     *
     * @return slots × parameters
     */
    public long size() {
        return slots.length == 0 ? 0 : (long) slots.length * slots[0].length;
    }
}
