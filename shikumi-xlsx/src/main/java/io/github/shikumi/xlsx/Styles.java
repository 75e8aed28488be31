package io.github.shikumi.xlsx;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The workbook's few cell styles. Inputs (η, the iteration count, parameters, pixels, targets) are pale
 * yellow with blue digits, the spreadsheet convention for "type here"; formulas are plain.
 */
final class Styles {
    static final byte[] INPUT_FILL = {(byte) 0xFF, (byte) 0xF2, (byte) 0xCC};
    static final byte[] INPUT_FONT = {0x1F, 0x4E, (byte) 0xA0};
    static final byte[] HEADER_FILL = {(byte) 0xE7, (byte) 0xE6, (byte) 0xE6};

    final XSSFCellStyle title;
    final XSSFCellStyle heading;
    final XSSFCellStyle header;
    final XSSFCellStyle label;
    final XSSFCellStyle subLabel;
    final XSSFCellStyle input;
    final XSSFCellStyle pixel;
    final XSSFCellStyle formula;
    final XSSFCellStyle total;
    final XSSFCellStyle value;
    final XSSFCellStyle percent;
    final XSSFCellStyle mono;
    final XSSFCellStyle wrap;
    /** A formula cell an exercise leaves for the learner: empty, light yellow, framed. */
    final XSSFCellStyle exercise;

    Styles(XSSFWorkbook wb) {
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        XSSFFont big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        XSSFFont blue = wb.createFont();
        blue.setColor(new XSSFColor(INPUT_FONT, null));
        XSSFFont grey = wb.createFont();
        grey.setItalic(true);
        grey.setColor(new XSSFColor(new byte[] {0x59, 0x59, 0x59}, null));
        XSSFFont courier = wb.createFont();
        courier.setFontName("Courier New");

        title = wb.createCellStyle();
        title.setFont(big);
        heading = wb.createCellStyle();
        heading.setFont(bold);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(new XSSFColor(HEADER_FILL, null));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setBorderBottom(BorderStyle.THIN);
        label = wb.createCellStyle();
        label.setFont(bold);
        subLabel = wb.createCellStyle();
        subLabel.setFont(grey);

        input = wb.createCellStyle();
        input.setFont(blue);
        input.setFillForegroundColor(new XSSFColor(INPUT_FILL, null));
        input.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        thinBorder(input);

        pixel = wb.createCellStyle();
        pixel.cloneStyleFrom(input);
        pixel.setAlignment(HorizontalAlignment.CENTER);

        formula = wb.createCellStyle();
        total = wb.createCellStyle();
        total.setFont(bold);
        thinBorder(total);
        value = wb.createCellStyle();
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        mono = wb.createCellStyle();
        mono.setFont(courier);
        wrap = wb.createCellStyle();
        wrap.setFont(courier);
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        exercise = wb.createCellStyle();
        exercise.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xFF, (byte) 0xF2, (byte) 0xCC}, null));
        exercise.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        thinBorder(exercise);
    }

    private static void thinBorder(XSSFCellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        XSSFColor line = new XSSFColor(new byte[] {(byte) 0xBF, (byte) 0xBF, (byte) 0xBF}, null);
        s.setTopBorderColor(line);
        s.setBottomBorderColor(line);
        s.setLeftBorderColor(line);
        s.setRightBorderColor(line);
    }
}
