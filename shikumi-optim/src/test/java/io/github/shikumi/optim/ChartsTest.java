package io.github.shikumi.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {
    @TempDir
    Path dir;

    private final Dataset d = TestData.zeroOne(6);
    private final List<Comparison.Entry> entries = Comparison.run(Network.initial(d, 1, 3), d,
            Optimizers.byNames(List.of("gd", "cg"), 0.05), 40, Comparison.Listener.NONE);

    @Test
    void png_is_an_image_with_every_curve_drawn_in_its_colour() throws Exception {
        XYChart chart = Charts.comparison(entries, "zero-one", Locale.ENGLISH);
        byte[] png = Charts.encode(chart, "png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(560);
        for (String name : List.of("gd: gradient descent", "cg: conjugate gradient (Hipparchus)")) {
            XYSeries s = series(chart, name);
            assertThat(pixelsOf(img, s.getLineColor())).as(name + " drawn").isGreaterThan(50);
        }
        assertThat(chart.getTitle()).isEqualTo("E per iteration: zero-one");
    }

    @Test
    void svg_is_an_svg_document_with_a_line_per_step_of_each_curve() throws Exception {
        XYChart chart = Charts.comparison(entries, "zero-one", Locale.ENGLISH);
        byte[] svg = Charts.encode(chart, "svg");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getDocumentElement().getAttribute("width")).isEqualTo("800px");
        NodeList lines = doc.getElementsByTagName("line");
        for (Comparison.Entry e : entries) {
            XYSeries s = series(chart, e.optimizer() + ": " + ChartText.of(Locale.ENGLISH).optimizer(e.optimizer()));
            Color c = s.getLineColor();
            String rgb = "stroke:rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            int count = 0;
            for (int i = 0; i < lines.getLength(); i++) {
                if (((Element) lines.item(i)).getAttribute("style").contains(rgb)) {
                    count++;
                }
            }
            // one segment between each two points drawn, plus the legend's sample line
            assertThat(count).as(e.optimizer()).isEqualTo(s.getXData().length);
            assertThat(s.getXData().length).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void on_a_log_scale_a_curve_reaching_E_0_ends_at_its_last_positive_E_and_says_so_in_the_legend() {
        Comparison.Entry reachesZero = new Comparison.Entry("cg", 3, 0, 1, 3, 30, 4, 0.1, false,
                new double[] {3, 0.01, 0, 0}, new double[0]);
        XYChart chart = Charts.comparison(List.of(reachesZero), "test", Locale.ENGLISH);
        XYSeries s = chart.getSeriesMap().get("cg: conjugate gradient (Hipparchus) (E = 0 from iteration 2)");
        assertThat(s).isNotNull();
        assertThat(s.getYData()).containsExactly(3.0, 0.01);
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(Charts.encode(chart, "png")).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void e_within_one_decade_is_drawn_on_a_linear_scale_where_every_tick_has_a_label() {
        Comparison.Entry stuck = new Comparison.Entry("gd", 64, 47, 0.25, 2, 3, 3, 0.1, false,
                new double[] {64, 48, 47}, new double[0]);
        XYChart chart = Charts.comparison(List.of(stuck), "test", Locale.ENGLISH);
        assertThat(chart.getStyler().isYAxisLogarithmic()).isFalse();
        assertThat(chart.getYAxisTitle()).isEqualTo("E");
        assertThat(series(chart, "gd").getYData()).containsExactly(64.0, 48.0, 47.0);
    }

    @Test
    void write_picks_the_format_by_extension_and_leaves_no_temporary_file() throws Exception {
        XYChart chart = Charts.comparison(entries, "zero-one", Locale.ENGLISH);
        Charts.write(chart, dir.resolve("e.png"));
        Charts.write(chart, dir.resolve("e.SVG"));
        assertThat(Files.readAllBytes(dir.resolve("e.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(dir.resolve("e.SVG"))).contains("<svg");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("e.png", "e.SVG");
        }
        assertThatThrownBy(() -> Charts.write(chart, dir.resolve("e.gif"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gif");
        assertThat(dir.resolve("e.gif")).doesNotExist();
    }

    @Test
    void sweep_chart_has_a_line_per_hidden_size_over_eta() {
        List<Sweep.Row> rows = List.of(
                new Sweep.Row(0.05, 1, 10, 0, 0.0, 9, Double.NaN), new Sweep.Row(1, 1, 10, 1, 0.1, 8, 400),
                new Sweep.Row(0.05, 3, 10, 9, 0.9, 1, 80), new Sweep.Row(1, 3, 10, 2, 0.2, 5, 300));
        XYChart chart = Charts.sweep(rows, "aple", Locale.ENGLISH);
        assertThat(chart.getSeriesMap()).containsOnlyKeys("1 hidden", "3 hidden");
        XYSeries three = chart.getSeriesMap().get("3 hidden");
        assertThat(three.getXData()).containsExactly(0.05, 1.0);
        assertThat(three.getYData()).containsExactly(0.9, 0.2);
        assertThat(Charts.encode(chart, "png")).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void japanese_labels_are_used_when_the_font_can_draw_them_else_english() {
        XYChart chart = Charts.comparison(entries, "zero-one", Locale.JAPANESE);
        boolean canDraw = chart.getStyler().getChartTitleFont().canDisplayUpTo("反復回数種の割合") == -1;
        assertThat(chart.getXAxisTitle()).isEqualTo(canDraw ? "反復回数" : "iteration");
    }

    private static XYSeries series(XYChart chart, String prefix) {
        return chart.getSeriesMap().entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no series " + prefix + " in " + chart.getSeriesMap().keySet()))
                .getValue();
    }

    /** Pixels of colour c (which XChart draws translucent) as it looks over the white background. */
    private static int pixelsOf(BufferedImage img, Color translucent) {
        double a = translucent.getAlpha() / 255.0;
        Color c = new Color((int) Math.round(translucent.getRed() * a + 255 * (1 - a)),
                (int) Math.round(translucent.getGreen() * a + 255 * (1 - a)),
                (int) Math.round(translucent.getBlue() * a + 255 * (1 - a)));
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = new Color(img.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) < 8 && Math.abs(p.getGreen() - c.getGreen()) < 8
                        && Math.abs(p.getBlue() - c.getBlue()) < 8) {
                    n++;
                }
            }
        }
        return n;
    }
}
