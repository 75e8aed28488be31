package io.github.shikumi.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the CLI prints, with control characters other than line feed, carriage return and tab written as
 * {@code \\uXXXX}: labels, file names and other text read from files cannot move the cursor, retitle the
 * terminal or hide what was printed (ESC sequences, BEL, C1 controls). The progress bar's carriage return stays.
 */
final class TerminalSafe extends FilterWriter {
    TerminalSafe(Writer out) {
        super(out);
    }

    /** Whether {@code c} is escaped. */
    static boolean unsafe(char c) {
        return c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029;
    }

    /** {@code s} as it is printed. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void write(int c) throws IOException {
        if (unsafe((char) c)) {
            out.write(String.format("\\u%04x", c));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        write(new String(cbuf, off, len), 0, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        String part = str.substring(off, off + len);
        out.write(escape(part));
    }
}
