package io.github.shikumi.text;

import java.util.Locale;

/**
 * Bad input to a library call: a message key with its arguments, and where the problem is. {@link #where()} is
 * the name of the argument or setting that is wrong when a library call rejects one ({@code "eta"},
 * {@code "hidden"}, {@code "iterations"}, {@code "image"}, …), or a file and its location
 * ({@code "aple.txt:57"}, {@code "model.json: layers[1].weights[2]"}). The message itself is library wording in
 * English ({@link #getMessage()}) or Japanese ({@link #message(Locale)}); a front end may put its own name for
 * the field in front ({@link #message(Locale, String)}): the CLI shows {@code --eta}, the web server the field.
 *
 * <p>It is an {@link IllegalArgumentException}: code that does not care about the details catches that.
 * It carries no stack trace: it reports bad input, not a fault of the program.
 */
public final class ShikumiException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Where the problem is: a field name or a file location; may be empty. */
    private final String where;
    /** The message key. */
    private final transient Msg msg;
    /** The message's arguments. */
    private final transient Object[] args;

    /**
     * A new exception.
     *
     * @param where the field that is wrong, or the file and location; {@code null} or empty for none
     * @param msg   the message key
     * @param args  the message's arguments, in the order of its placeholders
     */
    public ShikumiException(String where, Msg msg, Object... args) {
        super(null, null);
        this.where = where == null ? "" : where;
        this.msg = msg;
        this.args = args.clone();
    }

    /**
     * The field (argument or setting) that is wrong, such as {@code "eta"}, or the file and location.
     *
     * @return the field or location, empty when there is none
     */
    public String where() {
        return where;
    }

    /**
     * The message key.
     *
     * @return the key
     */
    public Msg msg() {
        return msg;
    }

    /**
     * The message's arguments.
     *
     * @return a copy of the arguments
     */
    public Object[] args() {
        return args.clone();
    }

    /**
     * The message alone, without {@link #where()}, control characters escaped as in {@link #message(Locale)}.
     *
     * @param locale the language: Japanese for any {@code ja} locale, English otherwise
     * @return the message text
     */
    public String text(Locale locale) {
        return escapeControls(Messages.format(locale, msg, args));
    }

    /**
     * One line: {@code where: message}, in the language of {@code locale}. Control characters quoted from the
     * input (a line feed, an escape sequence in a label) are written as {@code \\uXXXX}, so the message stays one
     * line and cannot act on the terminal or the log it is printed to.
     *
     * @param locale the language: Japanese for any {@code ja} locale, English otherwise
     * @return the line
     */
    public String message(Locale locale) {
        return message(locale, where);
    }

    /**
     * One line with another name for where the problem is (the CLI's {@code --eta} for the field {@code eta}).
     *
     * @param locale the language
     * @param as     the name to show in front; empty for none
     * @return {@code as: message}, or the message alone
     */
    public String message(Locale locale, String as) {
        String text = text(locale);
        return as == null || as.isEmpty() ? text : escapeControls(as) + ": " + text;
    }

    /**
     * {@code s} with C0 and C1 control characters, DEL and the Unicode line separators as {@code \\uXXXX}.
     *
     * @param s the text to show, for example a file name or a label from the user's data
     * @return {@code s} itself when it has no such character, otherwise a copy with each one escaped
     */
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

    /** Bad input carries no stack trace (the message says what and where). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
