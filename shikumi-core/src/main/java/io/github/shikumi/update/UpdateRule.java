package io.github.shikumi.update;

import java.util.Map;

/**
 * How a step turns the gradient into a change of the parameters: one role, used by the book's full-batch loop
 * ({@code train.GradientDescent}), by both mini-batch engines (double and float) and by the web's time travel.
 *
 * <p>Life cycle (as Tribuo's optimisers have one): a rule is an immutable description (η and its own
 * settings). Its <em>state</em> belongs to whoever runs it: {@link #slots()} arrays of the parameters' shape
 * (a velocity for momentum, the two moments for Adam), all 0 at the start, and the number t of the step
 * (1, 2, …). Each step calls {@link #step(double[], double[], double[][], int, long)} once (or the float form
 * once per row of parameters, in any order: every parameter's update reads only its own gradient and state).
 * Saving the state arrays and t and restoring them later continues the run bit for bit, which is what the
 * web's checkpoints do. Starting again means new zero arrays and t = 1.
 *
 * <p>The gradient handed to a step is a sum over {@code count} images; the rules use its mean g/count (count
 * is 1 for the book's E, a sum over all images that the book descends as it is). Every rule computes each
 * value in one fixed order, the same on every machine (no {@code Math.pow}: {@link StrictMath}).
 *
 * <p>A further rule (RMSProp, say) is one more class and one more entry in {@link UpdateRules}.
 */
public interface UpdateRule {
    /**
     * The name on the command line, in the web's forms and in provenance: "gd", "momentum", "adam".
     *
     * @return the name
     */
    String name();

    /**
     * η, the learning rate.
     *
     * @return η
     */
    double eta();

    /**
     * Its settings as they go into a model's provenance, η first ({@code "eta"}, then e.g. {@code "momentum"}).
     *
     * @return the settings in order
     */
    Map<String, Object> settings();

    /**
     * The same rule as a PyTorch optimiser, for a script that trains the network in PyTorch (shikumi-export):
     * e.g. {@code torch.optim.Adam(params, lr=ETA, betas=(0.9, 0.999), eps=1e-08)}; null when PyTorch has no
     * optimiser that takes the same steps (such a rule cannot be exported).
     *
     * @param parameters the Python expression of the parameters
     * @param lr         the Python expression of η
     * @return the Python expression of the optimiser, or null
     */
    default String torchOptimizer(String parameters, String lr) {
        return null;
    }

    /**
     * Arrays of state the rule keeps per parameter array: 0 for gradient descent, 1 for momentum, 2 for Adam.
     *
     * @return the number of state arrays
     */
    int slots();

    /**
     * One step of every parameter: {@code p} and {@code state} change in place.
     *
     * @param p     the parameters
     * @param g     the gradient at p, summed over {@code count} images
     * @param state {@link #slots()} arrays as long as p (zeros before step 1)
     * @param count the images g is summed over (the rule uses g/count)
     * @param t     the step's number, 1 for the first
     */
    void step(double[] p, double[] g, double[][] state, int count, long t);

    /**
     * One step of a row of float parameters {@code p[0 … n)} (the float path).
     *
     * @param p     the parameters
     * @param g     their gradient, summed over {@code count} images
     * @param state {@link #slots()} rows as long as p
     * @param n     how many values of the rows
     * @param count the images g is summed over
     * @param t     the step's number, 1 for the first
     */
    void step(float[] p, float[] g, float[][] state, int n, int count, long t);
}
