package io.github.shikumi.xlsx;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The worksheets' words (worksheet.properties, en and ja): the page's headings, notes and captions. */
final class WorksheetText {
    static final String BUNDLE = "io.github.shikumi.xlsx.worksheet";

    private final Locale locale;
    private final ResourceBundle bundle;

    WorksheetText(Locale locale) {
        this.locale = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale == Locale.JAPANESE ? Locale.JAPANESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }
}
