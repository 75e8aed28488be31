package io.github.shikumi.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formats of the human-readable output (JSON output always carries the full doubles). */
final class Fmt {
    private Fmt() {
    }

    /** Fixed decimals: {@code fixed(0.12345, 3)} = "0.123". */
    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Six significant digits, plain when readable, else with an exponent: "0.000123457", "1.23457E-9". */
    static String sig(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        return a >= 1e-5 && a < 1e7 ? b.toPlainString() : b.toString();
    }

    /** A value in a formula: negative numbers in parentheses, "(−0.25)". */
    static String term(double v) {
        String s = sig(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** Pads to a display width, counting East Asian wide characters as 2 columns. */
    static String pad(String s, int width) {
        int w = width(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }

    static String padLeft(String s, int width) {
        int w = width(s);
        return w >= width ? s : " ".repeat(width - w) + s;
    }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += (c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
                    || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
                    || (c >= 0xffe0 && c <= 0xffe6))) ? 2 : 1;
        }
        return w;
    }
}
