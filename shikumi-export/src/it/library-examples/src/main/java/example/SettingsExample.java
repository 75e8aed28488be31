package example;

import io.github.shikumi.Model;
import io.github.shikumi.Settings;
import io.github.shikumi.Shikumi;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.ShikumiException;

/** Other settings, other data, and what a bad setting says. */
public class SettingsExample {
    public static void main(String[] args) {
        Dataset train = Shikumi.data("aple"); // a bundled set, a bitmap text or CSV file, or idx:FOLDER
        Settings settings = Settings.book().withHidden(5).withEta(0.1).withIterations(300).withSeed(7);
        Model model = Shikumi.train(train, settings);
        System.out.printf("accuracy on aple-test: %.1f %%%n", 100 * model.accuracy(Shikumi.data("aple-test")));

        try {
            Settings.book().withHidden(0);
        } catch (ShikumiException e) { // an IllegalArgumentException that names the setting
            System.out.println(e.where() + " | " + e.getMessage());
        }
    }
}
