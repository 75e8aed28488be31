package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the README's examples as a new user would and checks what they print (the README shows the same lines). */
class ExamplesTest {
    @Test
    void the_book_example_trains_classifies_and_round_trips_the_model() throws Exception {
        assertEquals("""
                E 57.902796 -> 0.783364, accuracy 100.0 %
                A (z = 0.9593)
                A
                """, run(() -> BookExample.main(new String[0])));
        assertTrue(Files.exists(Path.of("book-model.json")));
    }

    @Test
    void the_settings_example_shows_the_field_of_a_bad_setting() throws Exception {
        String out = run(() -> SettingsExample.main(new String[0]));
        assertTrue(out.startsWith("accuracy on aple-test: "), out);
        assertTrue(out.endsWith("hidden | hidden: hidden units must be 1 or more, got 0\n"), out);
    }

    @Test
    void the_export_example_writes_onnx_and_pytorch_files() throws Exception {
        assertEquals("wrote book.onnx and run.py\n", run(() -> ExportExample.main(new String[0])));
        assertTrue(Files.size(Path.of("book.onnx")) > 1000);
        assertTrue(Files.readString(Path.of("run.py")).contains("import torch"));
    }

    @Test
    void the_low_level_example_gives_e_and_the_gradient_of_the_trained_network() throws Exception {
        String out = run(() -> LowLevelExample.main(new String[0]));
        assertTrue(out.startsWith("E 0.783364, "), out);
    }

    private static String run(Runnable main) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
