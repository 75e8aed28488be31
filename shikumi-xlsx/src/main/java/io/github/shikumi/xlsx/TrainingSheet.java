package io.github.shikumi.xlsx;

import io.github.shikumi.train.History;
import java.util.Locale;
import javax.xml.namespace.QName;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
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
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.xmlbeans.XmlCursor;

/** The Training sheet: E and training accuracy at every iteration of the run (values), and a line chart of E. */
final class TrainingSheet {
    static final int HEADER_ROW = 2;
    private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static final String DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";

    private TrainingSheet() {
    }

    static void write(SXSSFWorkbook wb, Styles st, Locale locale, History history, double eta) {
        Sheet sheet = wb.createSheet(Text.SHEET_TRAINING.format(locale));
        Row title = sheet.createRow(0);
        title.createCell(0).setCellValue(Text.TRAINING_TITLE.format(locale, eta, history.iterations()));
        title.getCell(0).setCellStyle(st.title);
        Row header = sheet.createRow(HEADER_ROW);
        String[] names = {Text.TRAINING_ITERATION.format(locale), "E", Text.TRAINING_ACCURACY.format(locale)};
        for (int c = 0; c < names.length; c++) {
            header.createCell(c).setCellValue(names[c]);
            header.getCell(c).setCellStyle(st.header);
        }
        int n = history.iterations();
        for (int k = 0; k <= n; k++) {
            Row row = sheet.createRow(HEADER_ROW + 1 + k);
            row.createCell(0).setCellValue(k);
            row.createCell(1).setCellValue(history.e(k));
            row.createCell(2).setCellValue(history.accuracy(k));
            row.getCell(2).setCellStyle(st.percent);
        }
        sheet.setColumnWidth(0, 12 * 256);
        sheet.setColumnWidth(1, 22 * 256);
        sheet.setColumnWidth(2, 22 * 256);
        sheet.createFreezePane(0, HEADER_ROW + 1);
        chart(wb.getXSSFWorkbook().getSheet(sheet.getSheetName()), locale, history);
    }

    /**
     * The chart lives in the sheet's drawing, which the streaming workbook keeps in its underlying XSSF sheet;
     * the data come from the history (the cells are streamed), with references to the sheet's cells.
     */
    private static void chart(XSSFSheet sheet, Locale locale, History history) {
        int n = history.iterations();
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
        Double[] k = new Double[n + 1];
        Double[] e = new Double[n + 1];
        for (int i = 0; i <= n; i++) {
            k[i] = (double) i;
            e[i] = history.e(i);
        }
        String name = sheet.getSheetName();
        XDDFDataSource<Double> xs = XDDFDataSourcesFactory.fromArray(k,
                new CellRangeAddress(first, first + n, 0, 0).formatAsString(name, true));
        XDDFNumericalDataSource<Double> ys = XDDFDataSourcesFactory.fromArray(e,
                new CellRangeAddress(first, first + n, 1, 1).formatAsString(name, true));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
        data.setVaryColors(false);
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(xs, ys);
        series.setTitle("E", null);
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.NONE);
        XDDFLineProperties line = new XDDFLineProperties(
                new XDDFSolidFillProperties(XDDFColor.from(new byte[] {0x1F, 0x4E, (byte) 0xA0})));
        line.setWidth(2.0);
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line);
        series.setShapeProperties(shape);
        chart.plot(data);
        // POI marks the chart's texts with the JVM's default language (a:rPr lang): use the workbook's, so that
        // the bytes do not depend on the machine's locale
        String lang = "ja".equals(locale.getLanguage()) ? "ja" : "en";
        try (XmlCursor c = chart.getCTChartSpace().newCursor()) {
            c.selectPath("declare namespace a='" + DRAWING_NS + "' .//a:rPr");
            while (c.toNextSelection()) {
                c.setAttributeText(new QName("lang"), lang);
            }
        }
        // a label every tenth or so of the run (a category axis labels every point otherwise)
        int skip = Math.max(1, niceStep(n / 10));
        // (c:tickLblSkip and c:tickMarkSkip close the c:catAx element POI writes; poi-ooxml-lite has no typed
        // setter for them, so they are appended with an XmlCursor)
        try (XmlCursor c = chart.getCTChart().getPlotArea().getCatAxArray(0).newCursor()) {
            c.toEndToken();
            for (String element : new String[] {"tickLblSkip", "tickMarkSkip"}) {
                c.beginElement(new QName(CHART_NS, element, "c"));
                c.insertAttributeWithValue("val", String.valueOf(skip));
                c.toEndToken();
                c.toNextToken();
            }
        }
    }

    /** 1, 2, 5, 10, 20, 50, … : the nice step at or above {@code x}. */
    static int niceStep(int x) {
        int step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (step * m >= x) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }
}
