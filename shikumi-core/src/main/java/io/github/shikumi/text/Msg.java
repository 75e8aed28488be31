package io.github.shikumi.text;

/**
 * Every message shikumi-core can report, as a key into {@code messages*.properties} (en, ja).
 * One test checks that each key exists in every language with the same placeholders.
 * Public because shikumi's other modules report through the same keys; a library user reads
 * {@link ShikumiException#where()} and the message, and need not use these keys.
 */
public enum Msg {
    FILE_NOT_FOUND("file.notFound"),
    FILE_UNREADABLE("file.unreadable"),
    FILE_NOT_WRITABLE("file.notWritable"),
    FILE_DIR_MISSING("file.dirMissing"),
    FILE_EXISTS("file.exists"),
    DATA_UNKNOWN_NAME("data.unknownName"),
    DATA_EMPTY("data.empty"),
    DATA_ROW_WIDTH("data.rowWidth"),
    DATA_BAD_CHAR("data.badChar"),
    DATA_ROW_COUNT("data.rowCount"),
    DATA_LABEL_MISSING("data.labelMissing"),
    DATA_LABEL_SPACE("data.labelSpace"),
    DATA_LABEL_UNKNOWN("data.labelUnknown"),
    DATA_LABELS_DUPLICATE("data.labelsDuplicate"),
    DATA_NO_ROWS("data.noRows"),
    DATA_ONE_LABEL("data.oneLabel"),
    CSV_FIELD_COUNT("csv.fieldCount"),
    CSV_NOT_A_NUMBER("csv.notANumber"),
    CSV_OUT_OF_RANGE("csv.outOfRange"),
    CSV_SHAPE_NEEDED("csv.shapeNeeded"),
    CSV_GREY_RANGE("csv.greyRange"),
    CSV_MIXED("csv.mixed"),
    IDX_SPEC("idx.spec"),
    IDX_DIR_FILES("idx.dirFiles"),
    IDX_MAGIC("idx.magic"),
    IDX_TYPE("idx.type"),
    IDX_TRUNCATED("idx.truncated"),
    IDX_GZIP_TRUNCATED("idx.gzipTruncated"),
    IDX_EXTRA("idx.extra"),
    IDX_COUNTS("idx.counts"),
    IDX_DIMENSIONS("idx.dimensions"),
    IDX_LABEL_RANGE("idx.labelRange"),
    SHAPE_SYNTAX("shape.syntax"),
    JSON_MALFORMED("json.malformed"),
    MODEL_FORMAT("model.format"),
    MODEL_FIELD_MISSING("model.fieldMissing"),
    MODEL_FIELD_TYPE("model.fieldType"),
    MODEL_ROW_LENGTH("model.rowLength"),
    MODEL_ROWS("model.rows"),
    MODEL_ACTIVATION("model.activation"),
    MODEL_NOT_FINITE("model.notFinite"),
    MODEL_OUTPUT("model.output"),
    MODEL_LABELS("model.labels"),
    MISMATCH_INPUTS("mismatch.inputs"),
    MISMATCH_LABELS("mismatch.labels"),
    MISMATCH_PARAMS("mismatch.params"),
    ETA_INVALID("train.eta"),
    ITERATIONS_INVALID("train.iterations"),
    HIDDEN_INVALID("train.hidden"),
    MOMENTUM_INVALID("train.momentum"),
    IMAGE_INDEX("data.imageIndex"),
    LAYERS_INVALID("train.layers"),
    BATCH_INVALID("train.batch"),
    EPOCHS_INVALID("train.epochs"),
    VALIDATION_INVALID("train.validation"),
    PATIENCE_INVALID("train.patience"),
    THREADS_INVALID("train.threads"),
    PRECISION_INVALID("train.precision"),
    TRACE_OUTPUT("trace.output"),
    // issue 10: data checks and divergence
    MISMATCH_SHAPE("mismatch.shape"),
    CSV_GREY_AFTER_BINARY("csv.greyAfterBinary"),
    CSV_BINARY_AFTER_GREY("csv.binaryAfterGrey"),
    CHECK_NOT_FINITE("check.notFinite"),
    DATA_LABEL_EMPTY("data.labelEmpty"),
    // issue 14: classroom-safe
    FILE_NAME_EMPTY("file.nameEmpty"),
    FILE_NOT_REGULAR("file.notRegular"),
    IDX_TOO_LARGE("idx.tooLarge"),
    SIZE_TOO_LARGE("size.tooLarge"),
    // issue 16: the library's own checks at the door
    IMAGE_LENGTH("image.length"),
    IMAGE_ROWS("image.rows"),
    IMAGE_CHAR("image.char"),
    FILE_IS_DIRECTORY("file.isDirectory"),
    EXPORT_DATA_TOO_LARGE("export.dataTooLarge"),
    // issue 12: roles
    UPDATE_UNKNOWN("update.unknown"),
    UPDATE_SETTING("update.setting"),
    UPDATE_BETA("update.beta"),
    UPDATE_EPSILON("update.epsilon"),
    MODEL_ACTIVATIONS("model.activations");

    private final String key;

    Msg(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
