package io.github.shikumi.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The CLI's own words (table headings, verdicts), in English or Japanese. */
public final class Text {
    public static final String BUNDLE = "io.github.shikumi.cli.text";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Text(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Text of(Locale locale) {
        return new Text(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** Whether the bundle has {@code key} (texts that a role may or may not have, e.g. a setting's symbol). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }
}
