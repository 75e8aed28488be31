package io.github.shikumi.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Formats {@link Msg} keys in English or Japanese. */
public final class Messages {
    public static final String BUNDLE = "io.github.shikumi.text.messages";

    private Messages() {
    }

    /** The bundle for a locale: Japanese for any {@code ja} locale, English otherwise. */
    public static ResourceBundle bundle(Locale locale) {
        Locale l = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String format(Locale locale, Msg msg, Object... args) {
        String pattern = bundle(locale).getString(msg.key());
        return new MessageFormat(pattern, locale).format(args);
    }
}
