package example;

import io.github.shikumi.format.Idx;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.train.EpochListener;
import io.github.shikumi.train.SgdResult;
import io.github.shikumi.train.SgdSettings;
import io.github.shikumi.train.SgdTraining;

/** Mini-batch training on real images (Debian's dataset-fashion-mnist); run the JVM with --add-modules jdk.incubator.vector. */
public class FashionExample {
    public static void main(String[] args) {
        Idx.Split fm = Idx.open("idx:/usr/share/datasets/fashion-mnist");
        Network start = Network.initialFanIn(new ParamLayout(784, 128, 10), fm.train(), Output.SOFTMAX, 1);
        SgdResult run = SgdTraining.run(start, fm.train(), fm.test(), SgdSettings.defaults(), EpochListener.NONE);
        System.out.printf("test accuracy %.3f%n", run.epochs().get(run.epochs().size() - 1).testAccuracy());
    }
}
