package io.github.shikumi.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.shikumi.FashionMnist;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import org.junit.jupiter.api.Test;

/** The README's library example (section "Real images"), on the first 3,000 Fashion-MNIST images. */
class ReadmeLibraryExampleTest {
    @Test
    void the_readme_library_example_trains_fashion_mnist() {
        Dataset train = FashionMnist.firstTrain(3000);
        Dataset test = FashionMnist.firstTest(1000);
        Network start = Network.initialFanIn(new ParamLayout(784, 128, 10), train, Output.SOFTMAX, 1);
        SgdResult run = SgdTraining.run(start, train, test, SgdSettings.defaults(), EpochListener.NONE);
        double accuracy = run.epochs().get(run.epochs().size() - 1).testAccuracy();
        assertThat(run.epochs()).hasSize(5);
        assertThat(accuracy).isGreaterThan(0.75); // 10 labels: chance is 0.1
    }
}
