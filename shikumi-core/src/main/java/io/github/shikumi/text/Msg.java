package io.github.shikumi.text;

/**
 * Every message shikumi-core can report, as a key into {@code messages*.properties} (en, ja).
 * One test checks that each key exists in every language with the same placeholders.
 * Public because shikumi's other modules report through the same keys; a library user reads
 * {@link ShikumiException#where()} and the message, and need not use these keys.
 */
public enum Msg {
    /** "file not found" */
    FILE_NOT_FOUND("file.notFound"),
    /** "cannot read the file: {0}" */
    FILE_UNREADABLE("file.unreadable"),
    /** "cannot write the file: {0}" */
    FILE_NOT_WRITABLE("file.notWritable"),
    /** "folder {0} does not exist" */
    FILE_DIR_MISSING("file.dirMissing"),
    /** "file already exists (use --force to overwrite)" */
    FILE_EXISTS("file.exists"),
    /** "no bundled dataset or file named "{0}" (bundled: {1})" */
    DATA_UNKNOWN_NAME("data.unknownName"),
    /** "no images found" */
    DATA_EMPTY("data.empty"),
    /** "row has {0} pixels, expected {1}" */
    DATA_ROW_WIDTH("data.rowWidth"),
    /** "unexpected character "{0}" in column {1} (pixels are # for black and . for white; separate images with a blank line)" */
    DATA_BAD_CHAR("data.badChar"),
    /** "image "{0}" has {1} rows, expected {2}" */
    DATA_ROW_COUNT("data.rowCount"),
    /** "expected a label line, found a row of pixels" */
    DATA_LABEL_MISSING("data.labelMissing"),
    /** "label "{0}" contains a space" */
    DATA_LABEL_SPACE("data.labelSpace"),
    /** "label "{0}" is not one of the declared labels {1}" */
    DATA_LABEL_UNKNOWN("data.labelUnknown"),
    /** "label "{0}" is declared twice" */
    DATA_LABELS_DUPLICATE("data.labelsDuplicate"),
    /** "image "{0}" has no rows" */
    DATA_NO_ROWS("data.noRows"),
    /** "the data need at least two labels, found {0}" */
    DATA_ONE_LABEL("data.oneLabel"),
    /** "line has {0} fields, expected {1} (label and {2} pixels)" */
    CSV_FIELD_COUNT("csv.fieldCount"),
    /** "field {0} is not a number: "{1}"" */
    CSV_NOT_A_NUMBER("csv.notANumber"),
    /** "field {0} is {1}, expected a value from 0 to 1" */
    CSV_OUT_OF_RANGE("csv.outOfRange"),
    /** "{0} pixels per line: give the image shape with --shape HxW" */
    CSV_SHAPE_NEEDED("csv.shapeNeeded"),
    /** "field {0} is {1}, expected a grey level from 0 to 255" */
    CSV_GREY_RANGE("csv.greyRange"),
    /** "field {0} is {1}, but line {2} has grey levels from 0 to 255: write every pixel either from 0 to 1 or as a whole number from 0 to 255" */
    CSV_MIXED("csv.mixed"),
    /** "expected idx:FOLDER or idx:IMAGES,LABELS" */
    IDX_SPEC("idx.spec"),
    /** "the folder has no IDX training files (expected {0} and {1})" */
    IDX_DIR_FILES("idx.dirFiles"),
    /** "magic number {0}, expected {1} (an IDX {2} file of unsigned bytes)" */
    IDX_MAGIC("idx.magic"),
    /** "IDX data type {0} is not supported (expected unsigned bytes, 0x08)" */
    IDX_TYPE("idx.type"),
    /** "the file is truncated: {0} bytes, expected {1}" */
    IDX_TRUNCATED("idx.truncated"),
    /** "the gzip data end early (the file is truncated)" */
    IDX_GZIP_TRUNCATED("idx.gzipTruncated"),
    /** "{0} bytes after the data (the header says {1} bytes)" */
    IDX_EXTRA("idx.extra"),
    /** "{0} labels, but {2} has {1} images" */
    IDX_COUNTS("idx.counts"),
    /** "dimension {1} is {0}" */
    IDX_DIMENSIONS("idx.dimensions"),
    /** "label {0} of item {1} is out of range: the training set has labels 0 to {2}" */
    IDX_LABEL_RANGE("idx.labelRange"),
    /** "shape "{0}" is not of the form HxW (e.g. 5x4)" */
    SHAPE_SYNTAX("shape.syntax"),
    /** "malformed JSON: {0}" */
    JSON_MALFORMED("json.malformed"),
    /** "format is "{0}", expected "{1}"" */
    MODEL_FORMAT("model.format"),
    /** "missing field "{0}"" */
    MODEL_FIELD_MISSING("model.fieldMissing"),
    /** "field "{0}" should be {1}" */
    MODEL_FIELD_TYPE("model.fieldType"),
    /** "has {0} values, expected {1}" */
    MODEL_ROW_LENGTH("model.rowLength"),
    /** "has {0} rows, expected {1}" */
    MODEL_ROWS("model.rows"),
    /** "activation "{0}" is not supported (supported: {1})" */
    MODEL_ACTIVATION("model.activation"),
    /** "value {0} is not a finite number" */
    MODEL_NOT_FINITE("model.notFinite"),
    /** "output "{0}" is not supported (supported: {1})" */
    MODEL_OUTPUT("model.output"),
    /** "the model has {0} outputs but {1} labels" */
    MODEL_LABELS("model.labels"),
    /** "the model takes {0} inputs ({1}) but the data have {2} pixels per image ({3})" */
    MISMATCH_INPUTS("mismatch.inputs"),
    /** "the model's labels {0} do not match the data's labels {1}" */
    MISMATCH_LABELS("mismatch.labels"),
    /** "expected {0} parameters, got {1}" */
    MISMATCH_PARAMS("mismatch.params"),
    /** "η (learning rate) must be a positive finite number, got {0}" */
    ETA_INVALID("train.eta"),
    /** "iterations must be 0 or more, got {0}" */
    ITERATIONS_INVALID("train.iterations"),
    /** "hidden units must be 1 or more, got {0}" */
    HIDDEN_INVALID("train.hidden"),
    /** "momentum must be from 0 to below 1, got {0}" */
    MOMENTUM_INVALID("train.momentum"),
    /** "image number {0} is out of range: the data have images 1 to {1}" */
    IMAGE_INDEX("data.imageIndex"),
    /** "layer sizes must be at least two numbers of 1 or more, inputs first (e.g. 784,128,10): {0}" */
    LAYERS_INVALID("train.layers"),
    /** "the batch size must be 1 or more, got {0}" */
    BATCH_INVALID("train.batch"),
    /** "epochs must be 1 or more, got {0}" */
    EPOCHS_INVALID("train.epochs"),
    /** "the validation share must be from 0 to below 1, got {0}" */
    VALIDATION_INVALID("train.validation"),
    /** "patience must be 1 or more epochs, got {0}" */
    PATIENCE_INVALID("train.patience"),
    /** "threads must be 1 or more, got {0}" */
    THREADS_INVALID("train.threads"),
    /** "precision must be float or double, got {0}" */
    PRECISION_INVALID("train.precision"),
    /** "the trace writes out the book's formulas of a sigmoid output layer; this model's output layer is {0}" */
    TRACE_OUTPUT("trace.output"),
    // issue 10: data checks and divergence
    /** "the model reads images of {0} (inputShape) but the data's images are {1}" */
    MISMATCH_SHAPE("mismatch.shape"),
    /** "field {0} is {1}, a grey level from 0 to 255, but line {2} has only 0 and 1 (pixels from 0 to 1): write every pixel either from 0 to 1 or as a whole number from 0 to 255" */
    CSV_GREY_AFTER_BINARY("csv.greyAfterBinary"),
    /** "field {0} is 1 on a line of only 0 and 1 (pixels from 0 to 1), but line {1} has grey levels from 0 to 255: write every pixel either from 0 to 1 or as a whole number from 0 to 255" */
    CSV_BINARY_AFTER_GREY("csv.binaryAfterGrey"),
    /** "the outputs of image {0} are not numbers ({1}): the network's parameters have diverged (NaN or infinite), so it predicts nothing" */
    CHECK_NOT_FINITE("check.notFinite"),
    /** "label {0} is declared but has no images: a network trained on these data would have an output that never sees its letter (remove it from the labels, or add images of it)" */
    DATA_LABEL_EMPTY("data.labelEmpty"),
    // issue 14: classroom-safe
    /** "the file name is empty" */
    FILE_NAME_EMPTY("file.nameEmpty"),
    /** "is not a regular file (a symbolic link, folder, device or FIFO): shikumi replaces regular files only, even with --force" */
    FILE_NOT_REGULAR("file.notRegular"),
    /** "holds more than {0} MB of data (unpacked): more than shikumi reads from one IDX file" */
    IDX_TOO_LARGE("idx.tooLarge"),
    /** "{0} need about {1} MB of memory and this Java has {2} MB (java -Xmx gives it more)" */
    SIZE_TOO_LARGE("size.tooLarge"),
    // issue 16: the library's own checks at the door
    /** "the image has {0} pixels, the model reads {1} ({2})" */
    IMAGE_LENGTH("image.length"),
    /** "the image has {0} rows of {1} pixels, the model reads {2} rows of {3} (# black, . white)" */
    IMAGE_ROWS("image.rows"),
    /** "the image has "{0}" in row {1}: pixels are # (black) or . (white)" */
    IMAGE_CHAR("image.char"),
    /** "is a folder: give the path of a file to write" */
    FILE_IS_DIRECTORY("file.isDirectory"),
    /** "the data have {0} pixel values ({1} images of {2}); a script holds at most {3}: export a subset of the images (a CSV or bitmap text file)" */
    EXPORT_DATA_TOO_LARGE("export.dataTooLarge"),
    // issue 12: roles
    /** "update rule "{0}" is not known (known: {1})" */
    UPDATE_UNKNOWN("update.unknown"),
    /** "{0} does not apply to the update rule {1} (its settings: {2})" */
    UPDATE_SETTING("update.setting"),
    /** "{0} must be from 0 to below 1, got {1}" */
    UPDATE_BETA("update.beta"),
    /** "ε must be a positive finite number, got {0}" */
    UPDATE_EPSILON("update.epsilon"),
    /** "{0} activations for {1} hidden layers" */
    MODEL_ACTIVATIONS("model.activations"),
    /** "PyTorch has no optimiser that takes the steps of the update rule {0}: export a run by one of {1}" */
    EXPORT_RULE_UNSUPPORTED("export.ruleUnsupported");

    private final String key;

    Msg(String key) {
        this.key = key;
    }

    /**
     * The key of this message in {@code messages*.properties}.
     *
     * @return the resource-bundle key, for example {@code "train.eta"}
     */
    public String key() {
        return key;
    }
}
