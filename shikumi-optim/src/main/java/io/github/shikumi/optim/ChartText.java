package io.github.shikumi.optim;

import java.awt.Font;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The words of the charts and the optimisers' long names, in English or Japanese ({@code charts*.properties}). */
public final class ChartText {
    public static final String BUNDLE = "io.github.shikumi.optim.charts";

    private final Locale locale;
    private final ResourceBundle bundle;

    private ChartText(Locale locale) {
        this.locale = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static ChartText of(Locale locale) {
        return new ChartText(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** The long name of an optimiser ("gd" → "gradient descent"), or the name itself when unknown. */
    public String optimizer(String name) {
        String key = "optimizer." + name;
        return bundle.containsKey(key) ? bundle.getString(key) : name;
    }

    /**
     * This text, or the English one when {@code font} cannot draw this language's letters (a machine
     * without Japanese fonts would draw boxes in a PNG).
     */
    ChartText drawableWith(Font font) {
        if (locale.equals(Locale.ENGLISH) || font.canDisplayUpTo(get("chart.iteration") + get("chart.share")) == -1) {
            return this;
        }
        return of(Locale.ENGLISH);
    }
}
