package example;

import io.github.shikumi.Model;
import io.github.shikumi.Prediction;
import io.github.shikumi.Shikumi;
import java.nio.file.Path;

/** The book's experiment in a few calls: train, classify a letter drawn as text, save and load the model. */
public class BookExample {
    public static void main(String[] args) {
        Model model = Shikumi.trainBook(); // 20-3-4 from seed 1, η = 0.05, 500 iterations on the 128 images
        double[] e = model.errorCurve();
        System.out.printf("E %.6f -> %.6f, accuracy %.1f %%%n", e[0], e[500], 100 * model.accuracy(Shikumi.bookData()));

        Prediction p = model.predict("""
                .##.
                #..#
                ####
                #..#
                #..#
                """);
        System.out.printf("%s (z = %.4f)%n", p.label(), p.score(p.label()));

        model.save(Path.of("book-model.json")); // the same file as ./shikumi train --out
        Model again = Model.load(Path.of("book-model.json"));
        System.out.println(again.predict(Shikumi.bookData().image(0)).label());
    }
}
