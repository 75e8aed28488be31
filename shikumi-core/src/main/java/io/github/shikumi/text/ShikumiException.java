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

    /** One line: {@code where: message}, in the language of {@code locale}. */
    public String message(Locale locale) {
        String text = Messages.format(locale, msg, args);
        return where == null || where.isEmpty() ? text : where + ": " + text;
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
