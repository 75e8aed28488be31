package io.github.shikumi.xlsx;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Every text the workbook shows (sheet names, headings, instructions) and every message of this module,
 * as keys into {@code io/github/shikumi/xlsx/workbook*.properties} (en, ja). One test checks that every key
 * exists in both languages with the same placeholders.
 */
public enum Text {
    SHEET_BP("sheet.bp"),
    SHEET_TRAINING("sheet.training"),
    SHEET_RESULTS("sheet.results"),
    SHEET_MACRO("sheet.macro"),
    BP_TITLE("bp.title"),
    BP_INFO("bp.info"),
    BP_ETA("bp.eta"),
    BP_ITERATIONS("bp.iterations"),
    BP_E("bp.E"),
    BP_LEGEND_INPUT("bp.legendInput"),
    BP_LEGEND_FORMULA("bp.legendFormula"),
    BP_NOTE_ALL("bp.noteAll"),
    BP_NOTE_FIRST("bp.noteFirst"),
    BP_PARAMS("bp.params"),
    BP_GRADIENT("bp.gradient"),
    BP_UPDATED("bp.updated"),
    BP_COLUMN("bp.column"),
    BP_PIXEL_ROW("bp.pixelRow"),
    BP_FROM("bp.from"),
    BP_TABLE("bp.table"),
    BP_IMAGE("bp.image"),
    BP_PIXELS("bp.pixels"),
    BP_LABEL("bp.label"),
    TRAINING_TITLE("training.title"),
    TRAINING_ITERATION("training.iteration"),
    TRAINING_ACCURACY("training.accuracy"),
    TRAINING_CHART("training.chart"),
    RESULTS_TITLE("results.title"),
    RESULTS_BEFORE("results.before"),
    RESULTS_AFTER("results.after"),
    RESULTS_IMAGE("results.image"),
    RESULTS_PREDICTED("results.predicted"),
    RESULTS_CORRECT("results.correct"),
    RESULTS_YES("results.yes"),
    RESULTS_NO("results.no"),
    RESULTS_ACCURACY("results.accuracy"),
    MACRO_TITLE("macro.title"),
    MACRO_STEP1("macro.step1"),
    MACRO_STEP2("macro.step2"),
    MACRO_STEP3("macro.step3"),
    MACRO_STEP4("macro.step4"),
    MACRO_NOTE_SUBSET("macro.noteSubset"),
    MACRO_CODE("macro.code"),
    MACRO_COMMENT_LOOP("macro.commentLoop"),
    MACRO_COMMENT_COPY("macro.commentCopy"),
    MACRO_DONE("macro.done"),
    ERROR_TOO_LARGE("error.tooLarge"),
    // issue 10: xlsx softmax
    BP_E_SOFTMAX("bp.E.softmax"),
    BP_PARAMS_SOFTMAX("bp.params.softmax"),
    BP_TABLE_SOFTMAX("bp.table.softmax"),
    ERROR_FORMULA_TOO_LONG("error.formulaTooLong"),
    ERROR_EXP_OVERFLOW("error.expOverflow"),
    ERROR_SOFTMAX_ZERO("error.softmaxZero");

    static final String BUNDLE = "io.github.shikumi.xlsx.workbook";

    private final String key;

    Text(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The bundle for a locale: Japanese for any {@code ja} locale, English otherwise. */
    static ResourceBundle bundle(Locale locale) {
        Locale l = "ja".equals(locale.getLanguage()) ? Locale.JAPANESE : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** This text in the language of {@code locale}, with its placeholders filled. */
    public String format(Locale locale, Object... args) {
        return new MessageFormat(bundle(locale).getString(key), locale).format(args);
    }
}
