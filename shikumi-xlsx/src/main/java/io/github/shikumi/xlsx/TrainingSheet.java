package io.github.shikumi.xlsx;

import io.github.shikumi.train.History;
import java.util.Locale;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The Training sheet: E and training accuracy at every iteration of the run (values), and a line chart of E. */
final class TrainingSheet {
    static final int HEADER_ROW = 2;

    private TrainingSheet() {
    }

    static void write(XSSFWorkbook wb, Styles st, Locale locale, History history, double eta) {
        XSSFSheet sheet = wb.createSheet(Text.SHEET_TRAINING.format(locale));
        XSSFRow title = sheet.createRow(0);
        title.createCell(0).setCellValue(Text.TRAINING_TITLE.format(locale, eta, history.iterations()));
        title.getCell(0).setCellStyle(st.title);
        XSSFRow header = sheet.createRow(HEADER_ROW);
        String[] names = {Text.TRAINING_ITERATION.format(locale), "E", Text.TRAINING_ACCURACY.format(locale)};
        for (int c = 0; c < names.length; c++) {
            header.createCell(c).setCellValue(names[c]);
            header.getCell(c).setCellStyle(st.header);
        }
        int n = history.iterations();
        for (int k = 0; k <= n; k++) {
            XSSFRow row = sheet.createRow(HEADER_ROW + 1 + k);
            row.createCell(0).setCellValue(k);
            row.createCell(1).setCellValue(history.e(k));
            row.createCell(2).setCellValue(history.accuracy(k));
            row.getCell(2).setCellStyle(st.percent);
        }
        sheet.setColumnWidth(0, 12 * 256);
        sheet.setColumnWidth(1, 22 * 256);
        sheet.setColumnWidth(2, 22 * 256);
        sheet.createFreezePane(0, HEADER_ROW + 1);
        chart(sheet, locale, n);
    }

    private static void chart(XSSFSheet sheet, Locale locale, int n) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 4, HEADER_ROW, 16, HEADER_ROW + 24));
        chart.setTitleText(Text.TRAINING_CHART.format(locale));
        chart.setTitleOverlay(false);
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        bottom.setTitle(Text.TRAINING_ITERATION.format(locale));
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setTitle("E");
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        int first = HEADER_ROW + 1;
        XDDFDataSource<Double> xs = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, first + n, 0, 0));
        XDDFNumericalDataSource<Double> ys = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(first, first + n, 1, 1));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
        data.setVaryColors(false);
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(xs, ys);
        series.setTitle("E", null);
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.NONE);
        chart.plot(data);
    }
}
