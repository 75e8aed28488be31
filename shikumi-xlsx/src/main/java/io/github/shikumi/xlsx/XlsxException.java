package io.github.shikumi.xlsx;

import java.util.Locale;

/**
 * A model and data that the workbook cannot hold (the CLI prints {@link #message} on one line and exits 2).
 * Bad input that core already checks (model/data mismatch, η, iterations, files) comes as core's
 * {@link io.github.shikumi.text.ShikumiException}.
 */
public final class XlsxException extends RuntimeException {
    private final String where;
    private final Text text;
    private final Object[] args;

    XlsxException(String where, Text text, Object... args) {
        super(null, null, false, false);
        this.where = where;
        this.text = text;
        this.args = args.clone();
    }

    public Text text() {
        return text;
    }

    /** One line: {@code where: message}, in the language of {@code locale}. */
    public String message(Locale locale) {
        String m = text.format(locale, args);
        return where == null || where.isEmpty() ? m : where + ": " + m;
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
