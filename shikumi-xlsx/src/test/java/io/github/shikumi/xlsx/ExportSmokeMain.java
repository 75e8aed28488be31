package io.github.shikumi.xlsx;

import io.github.shikumi.model.Network;
import java.nio.file.Path;
import java.util.Locale;

/** Writes sample workbooks for looking at: {@code ExportSmokeMain OUT_DIR}. */
public final class ExportSmokeMain {
    public static void main(String[] args) {
        var data = TestData.aple();
        long t0 = System.nanoTime();
        WorkbookExport.export(Network.initial(data, 1, 3), data, 0.05, 500, Locale.ENGLISH,
                Path.of(args[0], "aple-en.xlsx"), true);
        long t1 = System.nanoTime();
        System.out.println("aple en: " + (t1 - t0) / 1e6 + " ms");
        WorkbookExport.export(Network.initial(data, 1, 3), data, 0.05, 500, Locale.JAPANESE,
                Path.of(args[0], "aple-ja.xlsx"), true);
        System.out.println("aple ja: " + (System.nanoTime() - t1) / 1e6 + " ms");
    }
}
