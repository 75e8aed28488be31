package io.github.shikumi.optim;

import io.github.shikumi.format.AtomicFiles;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of comparisons and sweeps (XChart), written as PNG or SVG by the file's extension. Files are
 * written completely or not at all (core's {@link AtomicFiles}).
 */
public final class Charts {
    /** The file types a chart can be written as. */
    public static final List<String> EXTENSIONS = List.of("png", "svg");

    private static final int WIDTH = 800;
    private static final int HEIGHT = 560;
    /** E is drawn on a log scale when its largest value is more than this many times its smallest above 0. */
    public static final double LOG_SPAN = 20;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // charts are drawn off-screen, also without a display
        }
    }

    private Charts() {
    }

    /**
     * E against iteration, one line per optimiser. E is on a log scale when it spans more than
     * {@value #LOG_SPAN}× (else the log axis would show no tick); a log scale cannot show E = 0 (a
     * network whose sigmoids saturate to exactly 0 and 1 reaches it in double precision), so there such
     * a line ends at its last E above 0 and its legend says from which iteration E was 0.
     *
     * @param subject what was compared, for the title ("aple, 20-3-4, seed 1")
     */
    public static XYChart comparison(List<Comparison.Entry> entries, String subject, Locale locale) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).build();
        ChartText t = ChartText.of(locale).drawableWith(chart.getStyler().getChartTitleFont());
        double max = entries.stream().flatMapToDouble(e -> Arrays.stream(e.eCurve())).filter(Double::isFinite).max().orElse(1);
        double minPositive = entries.stream().flatMapToDouble(e -> Arrays.stream(e.eCurve())).filter(v -> v > 0).min().orElse(1);
        boolean log = max > LOG_SPAN * minPositive;
        chart.setTitle(t.get("chart.compare.title", subject));
        chart.setXAxisTitle(t.get("chart.iteration"));
        chart.setYAxisTitle(t.get(log ? "chart.eLog" : "chart.e"));
        style(chart);
        chart.getStyler().setYAxisLogarithmic(log);
        for (Comparison.Entry e : entries) {
            double[] curve = e.eCurve();
            int n = 0;
            while (n < curve.length && (curve[n] > 0 || !log) && Double.isFinite(curve[n])) {
                n++; // a diverged run's line ends before its NaN or infinite E
            }
            double[] x = new double[n];
            for (int k = 0; k < n; k++) {
                x[k] = k;
            }
            String name = e.optimizer() + ": " + t.optimizer(e.optimizer());
            if (n < curve.length && curve[n] == 0) {
                name += " " + t.get("chart.zeroFrom", n);
            }
            if (n == 0) {
                continue; // E was 0 from the start: nothing to draw on a log scale
            }
            XYSeries s = chart.addSeries(name, x, Arrays.copyOf(curve, n));
            s.setMarker(SeriesMarkers.NONE);
        }
        if (!entries.isEmpty() && entries.get(0).startE() > 0) {
            // XChart puts a tick at every k-th data point when all x values are equally spaced, which crowds
            // the iteration axis (0 20 40 … 500); one invisible point at x = 0.5 makes it choose round
            // steps by its tick-spacing hint instead.
            XYSeries spacer = chart.addSeries(" ", new double[] {0.5}, new double[] {entries.get(0).startE()});
            spacer.setMarker(SeriesMarkers.NONE);
            spacer.setLineColor(new Color(0, 0, 0, 0));
            spacer.setShowInLegend(false);
        }
        return chart;
    }

    /** Share of seeds reaching 100 % training accuracy against η (log scale), one line per hidden size. */
    public static XYChart sweep(List<Sweep.Row> rows, String subject, Locale locale) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).build();
        ChartText t = ChartText.of(locale).drawableWith(chart.getStyler().getChartTitleFont());
        chart.setTitle(t.get("chart.sweep.title", subject));
        chart.setXAxisTitle(t.get("chart.eta"));
        chart.setYAxisTitle(t.get("chart.share"));
        style(chart);
        chart.getStyler().setXAxisLogarithmic(rows.stream().allMatch(r -> r.eta() > 0));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        rows.stream().mapToInt(Sweep.Row::hidden).distinct().forEach(h -> {
            List<Sweep.Row> line = rows.stream().filter(r -> r.hidden() == h)
                    .sorted(java.util.Comparator.comparingDouble(Sweep.Row::eta)).toList();
            double[] x = line.stream().mapToDouble(Sweep.Row::eta).toArray();
            double[] y = line.stream().mapToDouble(Sweep.Row::share).toArray();
            chart.addSeries(t.get("chart.hidden", h), x, y);
        });
        return chart;
    }

    private static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setXAxisTickMarkSpacingHint(100);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setMarkerSize(6);
    }

    /** The chart as PNG or SVG bytes, by {@code extension} ("png" or "svg"). */
    public static byte[] encode(XYChart chart, String extension) {
        try {
            switch (extension.toLowerCase(Locale.ROOT)) {
                case "png":
                    return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
                case "svg":
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
                    return out.toByteArray();
                default:
                    throw new IllegalArgumentException("chart type " + extension + ", expected one of " + EXTENSIONS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The extension of a chart file name, lower case ("png", "svg"), or "" when it has none. */
    public static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Writes the chart to {@code file} as PNG or SVG by its extension, atomically. */
    public static void write(XYChart chart, Path file) {
        AtomicFiles.write(file, encode(chart, extension(file)));
    }
}
