package io.github.shikumi.text;

import java.util.Locale;

/**
 * Bad input: a message key with its arguments, and where the problem is ("aple.txt:57",
 * "model.json: layers[1].weights[2]", "--eta"). The CLI prints it on one line and exits 2;
 * the web server answers 400 with it.
 */
public final class ShikumiException extends RuntimeException {
    private final String where;
    private final Msg msg;
    private final Object[] args;

    public ShikumiException(String where, Msg msg, Object... args) {
        super(null, null, false, false);
        this.where = where;
        this.msg = msg;
        this.args = args.clone();
    }

    public String where() {
        return where;
    }

    public Msg msg() {
        return msg;
    }

    public Object[] args() {
        return args.clone();
    }

    /**
     * One line: {@code where: message}, in the language of {@code locale}. Control characters quoted from the
     * input (a line feed, an escape sequence in a label) are written as {@code \\uXXXX}, so the message stays one
     * line and cannot act on the terminal or the log it is printed to.
     */
    public String message(Locale locale) {
        String text = Messages.format(locale, msg, args);
        return escapeControls(where == null || where.isEmpty() ? text : where + ": " + text);
    }

    /** {@code s} with C0 and C1 control characters, DEL and the Unicode line separators as {@code \\uXXXX}. */
    public static String escapeControls(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029;
            if (control && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (control) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
