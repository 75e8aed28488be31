package io.github.shikumi.xlsx;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import io.github.shikumi.train.History;
import java.util.Locale;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The Results sheet: for every image (all of them, also beyond the BP sheet's formula limit), the outputs
 * z_k, the predicted label and whether it is correct, before and after training, like the book's
 * "未学習 / 学習済み" sheets. Values, not formulas.
 */
final class ResultsSheet {
    /** Images taller than this are not drawn as text in the pixels column. */
    static final int MAX_DRAWN_HEIGHT = 12;
    static final int HEADER_ROW = 5;

    private ResultsSheet() {
    }

    static void write(Workbook wb, Styles st, Locale locale, Dataset data, History history) {
        Sheet sheet = wb.createSheet(Text.SHEET_RESULTS.format(locale));
        int k = data.labels().size();
        boolean draw = data.height() <= MAX_DRAWN_HEIGHT;
        int before = draw ? 3 : 2;
        int after = before + k + 2;
        put(sheet, 0, 0, Text.RESULTS_TITLE.format(locale), st.title);
        put(sheet, 2, 0, Text.RESULTS_ACCURACY.format(locale), st.label);
        put(sheet, 3, 0, "E", st.label);
        put(sheet, HEADER_ROW - 1, before, Text.RESULTS_BEFORE.format(locale), st.heading);
        put(sheet, HEADER_ROW - 1, after, Text.RESULTS_AFTER.format(locale, history.iterations()), st.heading);
        put(sheet, 2, before, history.accuracy(0), st.percent);
        put(sheet, 2, after, history.accuracy(history.iterations()), st.percent);
        put(sheet, 3, before, history.e(0), st.value);
        put(sheet, 3, after, history.e(history.iterations()), st.value);

        put(sheet, HEADER_ROW, 0, Text.RESULTS_IMAGE.format(locale), st.header);
        put(sheet, HEADER_ROW, 1, Text.BP_LABEL.format(locale), st.header);
        if (draw) {
            put(sheet, HEADER_ROW, 2, Text.BP_PIXELS.format(locale), st.header);
        }
        for (int side = 0; side < 2; side++) {
            int c0 = side == 0 ? before : after;
            for (int j = 0; j < k; j++) {
                put(sheet, HEADER_ROW, c0 + j, "z[" + (j + 1) + "] " + data.labels().get(j), st.header);
            }
            put(sheet, HEADER_ROW, c0 + k, Text.RESULTS_PREDICTED.format(locale), st.header);
            put(sheet, HEADER_ROW, c0 + k + 1, Text.RESULTS_CORRECT.format(locale), st.header);
        }
        String yes = Text.RESULTS_YES.format(locale);
        String no = Text.RESULTS_NO.format(locale);
        Network[] nets = {history.initial(), history.trained()};
        for (int n = 0; n < data.size(); n++) {
            int r = HEADER_ROW + 1 + n;
            put(sheet, r, 0, n + 1, st.value);
            put(sheet, r, 1, data.labelOf(n), st.label);
            if (draw) {
                put(sheet, r, 2, picture(data, n), st.wrap);
                sheet.getRow(r).setHeightInPoints(data.height() * 13.5f + 3);
            }
            double[] x = data.image(n);
            for (int side = 0; side < 2; side++) {
                int c0 = side == 0 ? before : after;
                double[] z = nets[side].outputs(x);
                for (int j = 0; j < k; j++) {
                    put(sheet, r, c0 + j, z[j], st.value);
                }
                int predicted = Network.argmax(z);
                put(sheet, r, c0 + k, data.labels().get(predicted), st.label);
                put(sheet, r, c0 + k + 1, predicted == data.target(n) ? yes : no, st.value);
            }
        }
        sheet.setColumnWidth(0, 12 * 256);
        if (draw) {
            sheet.setColumnWidth(2, (data.width() + 3) * 256);
        }
        for (int c = before; c < after + k + 2; c++) {
            sheet.setColumnWidth(c, 13 * 256);
        }
        sheet.createFreezePane(before, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW + data.size(), 0, after + k + 1));
    }

    /** The image as text, one line per row: # black, . white (the bitmap text format). */
    static String picture(Dataset data, int n) {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < data.height(); y++) {
            if (y > 0) {
                sb.append('\n');
            }
            for (int x = 0; x < data.width(); x++) {
                sb.append(data.pixel(n, y * data.width() + x) >= 0.5 ? '#' : '.');
            }
        }
        return sb.toString();
    }

    private static void put(Sheet sheet, int r, int c, Object v, CellStyle style) {
        Row row = sheet.getRow(r);
        if (row == null) {
            row = sheet.createRow(r);
        }
        Cell cell = row.createCell(c);
        if (v instanceof Number) {
            cell.setCellValue(((Number) v).doubleValue());
        } else {
            cell.setCellValue(String.valueOf(v));
        }
        cell.setCellStyle(style);
    }
}
