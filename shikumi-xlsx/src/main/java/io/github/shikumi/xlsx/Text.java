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
    ERROR_SOFTMAX_ZERO("error.softmaxZero"),
    // issue 15: the exercise and its check; the macro-enabled workbook
    MACRO_COMMENT_RESET("macro.commentReset"),
    XLSM_STEP1("xlsm.step1"),
    XLSM_STEP2("xlsm.step2"),
    XLSM_STEP3("xlsm.step3"),
    XLSM_INITIAL("xlsm.initial"),
    CHECK_NO_FILE("check.noFile"),
    CHECK_UNREADABLE("check.unreadable"),
    CHECK_TOO_LARGE("check.tooLarge"),
    CHECK_NOT_XLSX("check.notXlsx"),
    CHECK_NOT_OURS("check.notOurs"),
    CHECK_NO_SHEET("check.noSheet"),
    CHECK_MOVED("check.moved"),
    CHECK_INPUT_EMPTY("check.inputEmpty"),
    CHECK_INPUT_TEXT("check.inputText"),
    CHECK_INPUT_ERROR("check.inputError"),
    CHECK_CIRCULAR("check.circular"),
    CHECK_TARGETS("check.targets"),
    CHECK_PIXEL("check.pixel"),
    CHECK_WHAT_IMAGE("check.whatImage"),
    CHECK_WHAT_UPDATED("check.whatUpdated"),
    CHECK_IMAGES("check.images"),
    CHECK_HINT_EMPTY("check.hint.empty"),
    CHECK_HINT_FORMULA("check.hint.formula"),
    CHECK_HINT_ERROR("check.hint.error"),
    CHECK_HINT_TEXT("check.hint.text"),
    CHECK_HINT_TYPED("check.hint.typed"),
    CHECK_HINT_SIGN("check.hint.sign"),
    CHECK_HINT_SIGN_TZ("check.hint.signTz"),
    CHECK_HINT_THETA_ADDED("check.hint.thetaAdded"),
    CHECK_HINT_THETA_TERM("check.hint.thetaTerm"),
    CHECK_HINT_IMAGE("check.hint.image"),
    CHECK_HINT_UNIT("check.hint.unit"),
    CHECK_HINT_INPUT("check.hint.input"),
    CHECK_HINT_EXPONENT("check.hint.exponent"),
    CHECK_HINT_NO_SIGMOID("check.hint.noSigmoid"),
    CHECK_HINT_NO_HALF("check.hint.noHalf"),
    CHECK_HINT_NO_DERIVATIVE("check.hint.noDerivative"),
    CHECK_HINT_SUM_RANGE("check.hint.sumRange"),
    CHECK_HINT_ONE_IMAGE("check.hint.oneImage"),
    CHECK_HINT_UPDATE_SIGN("check.hint.updateSign"),
    CHECK_HINT_NO_ETA("check.hint.noEta"),
    CHECK_HINT_NO_STEP("check.hint.noStep");

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
