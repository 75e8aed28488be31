package io.github.shikumi.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every message the web server can answer with, as a key into {@code web/messages*.properties} (en, ja).
 * One test checks that each key exists in both languages with the same placeholders.
 */
public enum WebMsg {
    NOT_FOUND("api.notFound"),
    METHOD("api.method"),
    INTERNAL("api.internal"),
    BODY_MALFORMED("body.malformed"),
    BODY_NOT_OBJECT("body.notObject"),
    BODY_TOO_LARGE("body.tooLarge"),
    FIELD_MISSING("field.missing"),
    FIELD_TYPE("field.type"),
    FIELD_RANGE("field.range"),
    FIELD_CHOICE("field.choice"),
    SESSION_UNKNOWN("session.unknown"),
    SESSION_TOO_MANY("session.tooMany"),
    RUN_BUSY("run.busy"),
    RUN_HISTORY_FULL("run.historyFull"),
    ITERATION_RANGE("run.iterationRange"),
    IMAGE_RANGE("data.imageRange"),
    PIXELS_COUNT("data.pixelsCount"),
    PIXEL_VALUE("data.pixelValue"),
    TOO_MANY_IMAGES("data.tooManyImages"),
    IMAGE_TOO_LARGE("data.imageTooLarge"),
    TOO_MANY_LABELS("data.tooManyLabels"),
    LAST_IMAGE("data.lastImage"),
    LABEL_INVALID("data.labelInvalid"),
    GRADCHECK_TOO_LARGE("check.tooLarge"),
    TOO_MANY_PARAMS("train.tooManyParams"),
    COMPARE_UNKNOWN_OPTIMIZER("compare.unknownOptimizer"),
    COMPARE_TWICE("compare.twice"),
    COMPARE_TOO_MUCH_WORK("compare.tooMuchWork"),
    COMPARE_BUSY("compare.busy"),
    TYPE_INTEGER("type.integer"),
    TYPE_NUMBER("type.number"),
    TYPE_STRING("type.string"),
    TYPE_NUMBERS("type.numbers"),
    TYPE_STRINGS("type.strings"),
    TYPE_BOOLEAN("type.boolean"),
    TYPE_BASE64("type.base64"),
    VALUE_BINARY("value.binary"),
    VALUE_UNIT("value.unit"),
    // the large image data (ImageApi)
    IMAGES_UNAVAILABLE("images.unavailable"),
    IMAGES_SERVER_BUSY("images.serverBusy"),
    TYPE_SET("type.set"),
    // issue 14: classroom-safe
    STREAMS_TOO_MANY("server.streamsTooMany"),
    MEMORY_FULL("server.memoryFull"),
    SESSION_TOO_MANY_CLIENT("session.tooManyClient"),
    HOST_REFUSED("request.hostRefused"),
    ORIGIN_REFUSED("request.originRefused"),
    CONTENT_TYPE("request.contentType"),
    REQUEST_MALFORMED("request.malformed"),
    REQUEST_TIMEOUT("request.timeout"),
    HEADERS_TOO_LARGE("request.headersTooLarge"),
    HTTP_ERROR("request.httpError"),
    COMPARE_TOO_MUCH_MEMORY("compare.tooMuchMemory"),
    JOB_FAILED("job.failed"),
    COMPARE_TOO_MUCH_WORK_SIMPLEX("compare.tooMuchWorkSimplex"),
    // issue 15: the worksheets from the page
    WORKSHEET_UNFIT("worksheet.unfit"),
    TYPE_WORKSHEET_KIND("type.worksheetKind");

    public static final String BUNDLE = "io.github.shikumi.web.messages";

    private final String key;

    WebMsg(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The bundle for a locale: Japanese for any {@code ja} locale, English otherwise. */
    public static ResourceBundle bundle(Locale locale) {
        Locale l = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The message in the locale's language; arguments that are themselves {@code WebMsg}s are translated too. */
    public String format(Locale locale, Object... args) {
        Object[] a = args.clone();
        for (int i = 0; i < a.length; i++) {
            if (a[i] instanceof WebMsg) {
                a[i] = ((WebMsg) a[i]).format(locale);
            }
        }
        return new MessageFormat(bundle(locale).getString(key), locale).format(a);
    }
}
