package io.github.shikumi.train;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import java.util.Arrays;

/**
 * The book's objective E = Σ_images ½ Σ_k (t_k − z_k)² (or the output layer's loss) of a network shape on a dataset, with its
 * backpropagation gradient, and the accuracy at any parameters. Not thread-safe.
 */
public final class NetworkObjective implements Objective {
    private final Backprop backprop;
    private final double[] lastParams;
    private boolean evaluated;

    /**
     * The book's E = Σ_images ½ Σ_k (t_k − z_k)² of a network of sigmoid units.
     *
     * @param layout the network's shape (layer sizes) and where each weight and threshold sits in the parameters
     * @param data   the images
     */
    public NetworkObjective(ParamLayout layout, Dataset data) {
        this(layout, Output.SIGMOID, data);
    }

    /**
     * E of {@code net}'s shape, activations and output layer (at any parameters).
     *
     * @param net  the network (its parameters are not used: they are the argument of every evaluation)
     * @param data the images
     */
    public NetworkObjective(Network net, Dataset data) {
        this.backprop = new Backprop(net, data);
        this.lastParams = new double[net.layout().count()];
    }

    /**
     * E of a network of sigmoid hidden units with the given output layer (softmax: E = −Σ_images Σ_k t_k·log z_k).
     *
     * @param layout the network's shape and where each weight and threshold sits in the parameters
     * @param output the output layer and its loss
     * @param data   the images
     */
    public NetworkObjective(ParamLayout layout, Output output, Dataset data) {
        this.backprop = new Backprop(layout, output, data);
        this.lastParams = new double[layout.count()];
    }

    @Override
    public int dimension() {
        return lastParams.length;
    }

    @Override
    public double value(double[] p) {
        double e = backprop.value(p);
        remember(p);
        return e;
    }

    @Override
    public double valueAndGradient(double[] p, double[] grad) {
        double e = backprop.gradient(p, grad);
        remember(p);
        return e;
    }

    /**
     * Share of images classified correctly at {@code p} (reuses the last evaluation when it was at p).
     *
     * @param p the parameters
     * @return the training accuracy, 0…1: images whose largest output is their label's, over all images
     */
    public double accuracy(double[] p) {
        if (!evaluated || !Arrays.equals(p, lastParams)) {
            value(p);
        }
        return backprop.correct() / (double) backprop.size();
    }

    private void remember(double[] p) {
        System.arraycopy(p, 0, lastParams, 0, lastParams.length);
        evaluated = true;
    }
}
