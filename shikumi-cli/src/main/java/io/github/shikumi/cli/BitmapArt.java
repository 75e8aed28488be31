package io.github.shikumi.cli;

import io.github.shikumi.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/** Draws images in the terminal: Unicode half blocks (two pixel rows per line) or plain {@code #}/{@code .}. */
final class BitmapArt {
    private BitmapArt() {
    }

    /** Image n as text lines: ceil(h/2) lines of half blocks, or h lines of #/. when {@code ascii}. */
    static List<String> lines(Dataset data, int n, boolean ascii) {
        List<String> out = new ArrayList<>();
        int h = data.height();
        int w = data.width();
        if (ascii) {
            for (int r = 0; r < h; r++) {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < w; c++) {
                    sb.append(black(data, n, r, c) ? '#' : '.');
                }
                out.add(sb.toString());
            }
            return out;
        }
        for (int r = 0; r < h; r += 2) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < w; c++) {
                boolean top = black(data, n, r, c);
                boolean bottom = r + 1 < h && black(data, n, r + 1, c);
                sb.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : (r + 1 < h ? '·' : ' ')));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static boolean black(Dataset data, int n, int r, int c) {
        return data.pixel(n, r * data.width() + c) >= 0.5;
    }
}
