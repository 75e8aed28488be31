package io.github.shikumi.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The Macro sheet: the VBA macro that repeats the book's step "copy Updated over Params" as often as the
 * BP sheet's {@code iterations} cell says, with how to paste it into Excel. A .xlsx file cannot carry a
 * macro, so it is text to copy.
 */
final class MacroSheet {
    private MacroSheet() {
    }

    /** The macro's lines (the comments in the workbook's language; English comments stay ASCII for the VBA editor). */
    static List<String> code(Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add("Sub ShikumiTrain()");
        lines.add("    ' " + Text.MACRO_COMMENT_LOOP.format(locale));
        lines.add("    Dim n As Long, i As Long");
        lines.add("    n = ThisWorkbook.Names(\"iterations\").RefersToRange.Value");
        lines.add("    Application.ScreenUpdating = False");
        lines.add("    For i = 1 To n");
        lines.add("        ' " + Text.MACRO_COMMENT_COPY.format(locale));
        lines.add("        ThisWorkbook.Names(\"Params\").RefersToRange.Value = _");
        lines.add("            ThisWorkbook.Names(\"Updated\").RefersToRange.Value");
        lines.add("        Application.Calculate");
        lines.add("    Next i");
        lines.add("    Application.ScreenUpdating = True");
        lines.add("    MsgBox \"" + Text.MACRO_DONE.format(locale) + "\" & ThisWorkbook.Names(\"E\").RefersToRange.Value");
        lines.add("End Sub");
        return lines;
    }

    /**
     * The macro a .xlsm carries in its VBA project: first the parameters reset to the Initial block (the
     * starting point kept on this sheet), then the book's loop. No message box at the end, so that it also runs
     * unattended (LibreOffice headless); E on the BP sheet shows the result.
     */
    static List<String> xlsmCode(Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add("Sub ShikumiTrain()");
        lines.add("    ' " + Text.MACRO_COMMENT_LOOP.format(locale));
        lines.add("    Dim n As Long, i As Long");
        lines.add("    n = ThisWorkbook.Names(\"iterations\").RefersToRange.Value");
        lines.add("    ' " + Text.MACRO_COMMENT_RESET.format(locale));
        lines.add("    ThisWorkbook.Names(\"Params\").RefersToRange.Value = _");
        lines.add("        ThisWorkbook.Names(\"Initial\").RefersToRange.Value");
        lines.add("    Application.Calculate");
        lines.add("    Application.ScreenUpdating = False");
        lines.add("    For i = 1 To n");
        lines.add("        ' " + Text.MACRO_COMMENT_COPY.format(locale));
        lines.add("        ThisWorkbook.Names(\"Params\").RefersToRange.Value = _");
        lines.add("            ThisWorkbook.Names(\"Updated\").RefersToRange.Value");
        lines.add("        Application.Calculate");
        lines.add("    Next i");
        lines.add("    Application.ScreenUpdating = True");
        lines.add("End Sub");
        // the VBA editor's code page (Windows-31J for Japanese) has no U+2212 minus sign: comments take ASCII '-'
        lines.replaceAll(l -> l.replace('−', '-'));
        return lines;
    }

    /** The Macro sheet of a .xlsm: how to run the macro it carries, its code, and the Initial block it resets to. */
    static void writeXlsm(Workbook wb, Styles st, Locale locale, int iterations, boolean subset, BpLayout at,
                          io.github.shikumi.model.Network model) {
        Sheet sheet = wb.createSheet(Text.SHEET_MACRO.format(locale));
        int r = 0;
        put(sheet, r++, Text.MACRO_TITLE.format(locale, iterations), st.title);
        r++;
        for (Text step : new Text[] {Text.XLSM_STEP1, Text.XLSM_STEP2, Text.XLSM_STEP3}) {
            put(sheet, r++, step.format(locale, iterations), st.value);
        }
        if (subset) {
            put(sheet, r++, Text.MACRO_NOTE_SUBSET.format(locale), st.heading);
        }
        r++;
        put(sheet, r++, Text.MACRO_CODE.format(locale), st.heading);
        for (String line : xlsmCode(locale)) {
            put(sheet, r++, line, st.mono);
        }
        r++;
        put(sheet, r++, Text.XLSM_INITIAL.format(locale), st.heading);
        int top = r;
        for (int p = 0; p < at.lay.count(); p++) {
            int row = top + at.blockRow(p);
            org.apache.poi.ss.usermodel.Row x = sheet.getRow(row);
            if (x == null) {
                x = sheet.createRow(row);
            }
            Cell c = x.createCell(at.blockColumn(p));
            c.setCellValue(model.param(p));
            c.setCellStyle(st.input);
        }
        org.apache.poi.ss.usermodel.Name n = wb.createName();
        n.setNameName("Initial");
        n.setRefersToFormula("'" + sheet.getSheetName().replace("'", "''") + "'!"
                + A1.absRange(top, at.num0, top + at.blockRows - 1, at.num0 + at.thetaColumn));
        sheet.setColumnWidth(0, 100 * 256);
    }

    static void write(Workbook wb, Styles st, Locale locale, int iterations, boolean subset) {
        Sheet sheet = wb.createSheet(Text.SHEET_MACRO.format(locale));
        int r = 0;
        put(sheet, r++, Text.MACRO_TITLE.format(locale, iterations), st.title);
        r++;
        for (Text step : new Text[] {Text.MACRO_STEP1, Text.MACRO_STEP2, Text.MACRO_STEP3, Text.MACRO_STEP4}) {
            put(sheet, r++, step.format(locale, iterations), st.value);
        }
        if (subset) {
            put(sheet, r++, Text.MACRO_NOTE_SUBSET.format(locale), st.heading);
        }
        r++;
        put(sheet, r++, Text.MACRO_CODE.format(locale), st.heading);
        for (String line : code(locale)) {
            put(sheet, r++, line, st.mono);
        }
        sheet.setColumnWidth(0, 100 * 256);
    }

    private static void put(Sheet sheet, int r, String text, org.apache.poi.ss.usermodel.CellStyle style) {
        Cell cell = sheet.createRow(r).createCell(0);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }
}
