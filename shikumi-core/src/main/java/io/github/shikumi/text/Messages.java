package io.github.shikumi.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Formats {@link Msg} keys in English or Japanese. */
public final class Messages {
    /** The base name of the message bundles ({@code messages.properties}, {@code messages_ja.properties}). */
    public static final String BUNDLE = "io.github.shikumi.text.messages";

    private Messages() {
    }

    /**
     * The bundle for a locale: Japanese for any {@code ja} locale, English otherwise.
     *
     * @param locale the user's locale; only its language is looked at
     * @return the Japanese bundle for {@code ja}, the English (root) bundle for every other language
     */
    public static ResourceBundle bundle(Locale locale) {
        Locale l = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * The message {@code msg} in the language of {@code locale}, with its placeholders
     * {@code {0}}, {@code {1}}, … filled in by {@link MessageFormat}.
     *
     * @param locale the language (see {@link #bundle(Locale)}) and the number format of the arguments
     * @param msg    which message
     * @param args   the values of the placeholders, in order
     * @return the formatted message
     */
    public static String format(Locale locale, Msg msg, Object... args) {
        String pattern = bundle(locale).getString(msg.key());
        return new MessageFormat(pattern, locale).format(args);
    }
}
