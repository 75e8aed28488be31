package io.github.shikumi.xlsx;

import io.github.shikumi.model.Network;
import java.nio.file.Path;
import java.util.Locale;

public final class OneMain {
    public static void main(String[] args) {
        var data = TestData.aple();
        long t0 = System.nanoTime();
        WorkbookExport.export(Network.initial(data, 1, 3), data, 0.05, 500, Locale.ENGLISH, Path.of(args[0]), true);
        System.err.println("export " + (System.nanoTime() - t0) / 1e6 + " ms");
    }
}
