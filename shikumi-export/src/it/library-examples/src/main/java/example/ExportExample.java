package example;

import io.github.shikumi.Model;
import io.github.shikumi.Shikumi;
import io.github.shikumi.export.OnnxExport;
import io.github.shikumi.export.PyTorchScript;
import io.github.shikumi.model.Network;
import java.nio.file.Path;
import java.util.Locale;

/** Take it with you: the trained model as ONNX, the run as a PyTorch script (module shikumi-export). */
public class ExportExample {
    public static void main(String[] args) {
        Model model = Shikumi.trainBook();
        OnnxExport.write(model.network(), Path.of("book.onnx")); // input "image" [N, 20], output "scores" [N, 4]

        Network start = Network.initial(Shikumi.bookData(), 1, 3); // the book's initial parameters, seed 1
        PyTorchScript.write(Path.of("run.py"), start, Shikumi.bookData(), 0.05, 500, Locale.ENGLISH);
        System.out.println("wrote book.onnx and run.py");
    }
}
