package example;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.engine.Backprop;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Trace;
import io.github.shikumi.train.History;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;

/** Beneath the facade: the network, E and ∂E, and every number of one image. */
public class LowLevelExample {
    public static void main(String[] args) {
        Dataset aple = Datasets.bundled("aple");
        Network start = Network.initial(aple, 1, 3); // 20-3-4, seed 1
        History run = Training.gradientDescent(start, aple, 0.05, 500, TrainingListener.NONE);
        double[] grad = new double[start.layout().count()];
        double e = new Backprop(start.layout(), aple).gradient(run.trained().params(), grad); // E and ∂E
        Trace one = Trace.of(run.trained(), aple.image(0), aple.target(0)); // every s, z, δ of one image
        System.out.printf("E %.6f, ∂E/∂w_11 %.3g, z_1 of image 1 %.4f%n", e, grad[0], one.outputs()[0]);
    }
}
