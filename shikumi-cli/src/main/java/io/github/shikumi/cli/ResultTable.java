package io.github.shikumi.cli;

import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import java.io.PrintWriter;
import java.util.List;

/**
 * The book's "未学習 / 学習済み" sheets as one table: per image its bitmap, then z_1 … z_K, the predicted
 * label and whether it is right (○/×), before and (optionally) after training.
 */
final class ResultTable {
    private static final int VALUE = 8;
    private static final int PRED = 6;

    private ResultTable() {
    }

    /** @param after null for a single set of predictions (classify) */
    static void print(PrintWriter w, Text t, Dataset d, Confusion before, Confusion after, boolean ascii) {
        int k = d.labels().size();
        int imgWidth = Math.max(d.width(), Fmt.width(t.get("table.image")));
        int block = k * VALUE + 2 + PRED + 1 + Math.max(2, Fmt.width(t.get("table.ok")));
        String lead = Fmt.padLeft("", 4) + "  " + Fmt.pad("", imgWidth) + "  " + Fmt.pad("", PRED);
        StringBuilder titles = new StringBuilder(lead);
        titles.append(" | ").append(Fmt.pad(after == null ? t.get("table.outputs") : t.get("table.before"), block));
        if (after != null) {
            titles.append(" | ").append(t.get("table.after"));
        }
        w.println(titles.toString().stripTrailing());
        StringBuilder head = new StringBuilder();
        head.append(Fmt.padLeft("#", 4)).append("  ").append(Fmt.pad(t.get("table.image"), imgWidth)).append("  ")
                .append(Fmt.pad(t.get("table.label"), PRED));
        String cols = columns(t, d, block);
        head.append(" | ").append(cols);
        if (after != null) {
            head.append(" | ").append(cols);
        }
        w.println(head.toString().stripTrailing());
        for (int n = 0; n < d.size(); n++) {
            List<String> art = BitmapArt.lines(d, n, ascii);
            for (int line = 0; line < art.size(); line++) {
                boolean first = line == 0;
                StringBuilder row = new StringBuilder();
                row.append(Fmt.padLeft(first ? String.valueOf(n + 1) : "", 4)).append("  ")
                        .append(Fmt.pad(art.get(line), imgWidth)).append("  ")
                        .append(Fmt.pad(first ? d.labelOf(n) : "", PRED));
                if (first) {
                    row.append(" | ").append(Fmt.pad(values(before, n), block));
                    if (after != null) {
                        row.append(" | ").append(values(after, n));
                    }
                }
                w.println(row.toString().stripTrailing());
            }
        }
    }

    private static String columns(Text t, Dataset d, int block) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < d.labels().size(); j++) {
            sb.append(Fmt.padLeft("z" + (j + 1) + "(" + d.labels().get(j) + ")", VALUE));
        }
        sb.append("  ").append(Fmt.pad(t.get("table.predicted"), PRED)).append(' ').append(t.get("table.ok"));
        return Fmt.pad(sb.toString(), block);
    }

    private static String values(Confusion c, int n) {
        StringBuilder sb = new StringBuilder();
        for (double v : c.outputs(n)) {
            sb.append(Fmt.padLeft(Fmt.fixed(v, 3), VALUE));
        }
        sb.append("  ").append(Fmt.pad(c.labels().get(c.predicted(n)), PRED)).append(' ').append(c.correct(n) ? "○" : "×");
        return sb.toString();
    }
}
