package io.github.shikumi.web;

/**
 * Texts that go back to a client in an error: control characters escaped (no terminal or log escapes),
 * long runs cut to a readable length, and the whole line bounded, so a 900 KB input line is not echoed.
 */
final class Texts {
    /** Longest run without a space kept in a message. */
    static final int MAX_WORD = 60;
    /** Longest message. */
    static final int MAX_MESSAGE = 400;

    private Texts() {
    }

    /** {@code s} with control characters escaped and cut to {@link #MAX_WORD} characters. */
    static String shorten(String s) {
        String e = escape(s);
        return e.length() > MAX_WORD ? e.substring(0, MAX_WORD) + "…" : e;
    }

    /** A message as it is answered: control characters escaped, each run cut, the whole bounded. */
    static String clean(String message) {
        String e = escape(message == null ? "" : message);
        StringBuilder out = new StringBuilder();
        int run = 0;
        boolean cut = false;
        for (int i = 0; i < e.length() && out.length() < MAX_MESSAGE; i++) {
            char c = e.charAt(i);
            if (c == ' ') {
                run = 0;
                cut = false;
                out.append(c);
            } else if (run < MAX_WORD) {
                run++;
                out.append(c);
            } else if (!cut) {
                cut = true;
                out.append('…');
            }
        }
        if (out.length() >= MAX_MESSAGE && out.length() < e.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /** Control characters (C0, DEL, C1, line and paragraph separators) as \\uXXXX. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
