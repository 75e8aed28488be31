package io.github.shikumi.xlsx;

import io.github.shikumi.model.Network;
import io.github.shikumi.train.Training;
import io.github.shikumi.train.TrainingListener;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

public final class PhaseMain {
    static long t = System.nanoTime();

    static void lap(String what) {
        long now = System.nanoTime();
        System.err.printf("%-10s %6.0f ms%n", what, (now - t) / 1e6);
        t = now;
    }

    public static void main(String[] args) throws Exception {
        var data = TestData.aple();
        Locale locale = Locale.ENGLISH;
        lap("data");
        var h = Training.gradientDescent(Network.initial(data, 1, 3), data, 0.05, 500, TrainingListener.NONE);
        lap("train");
        BpLayout at = new BpLayout(h.initial().layout(), 5, 4, 128);
        XSSFWorkbook template = new XSSFWorkbook();
        lap("newwb");
        Styles st = new Styles(template);
        lap("styles");
        TrainingSheet.write(template, st, locale, h, 0.05);
        lap("training");
        ResultsSheet.write(template, st, locale, data, h);
        lap("results");
        MacroSheet.write(template, st, locale, h.iterations(), false);
        lap("macro");
        SXSSFWorkbook wb = new SXSSFWorkbook(template, -1);
        lap("sxssf");
        BpSheet.write(wb, st, locale, at, h.initial(), data, 0.05, h.iterations());
        lap("bp");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        wb.write(b);
        lap("write");
        wb.dispose();
        wb.close();
        lap("close");
    }
}
