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
