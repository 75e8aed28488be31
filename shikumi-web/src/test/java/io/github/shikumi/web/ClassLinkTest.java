package io.github.shikumi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;

/**
 * The class link (issue 14): a server that listens on every network lists the addresses students open, and
 * each QR code, read back by ZXing's decoder from the SVG's modules and from a screenshot of the page in
 * Chromium, says exactly that address; a server on this computer only offers no link.
 */
class ClassLinkTest {

    /** The dark modules of the server's SVG (runs "Mx yhNv1h-Nz"), as a matrix. */
    private static BitMatrix modules(String svg) {
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(size.find()).as(svg).isTrue();
        BitMatrix m = new BitMatrix(Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)));
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
        while (run.find()) {
            m.setRegion(Integer.parseInt(run.group(1)), Integer.parseInt(run.group(2)), Integer.parseInt(run.group(3)), 1);
        }
        return m;
    }

    /**
     * The text of the QR code in {@code img}: found by ZXing's detector, as a camera would, or else read as a pure
     * code (the image holds nothing but the code and its quiet zone). The detector alone misses about 1 clean code
     * in 200 (20 of the URLs of ports 30000–33999 on this machine's address, drawn exactly, 8 pixels a module:
     * NotFound, Format and Checksum exceptions, where the pure read gives every one back): with it alone this
     * test failed now and then, as the server's port is random.
     */
    private static String decode(BufferedImage img) throws Exception {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        LuminanceSource src = new RGBLuminanceSource(img.getWidth(), img.getHeight(), px);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(src));
        try {
            return new QRCodeReader().decode(bitmap).getText();
        } catch (com.google.zxing.ReaderException e) {
            return new QRCodeReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE,
                    Boolean.TRUE)).getText();
        }
    }

    /** The matrix drawn 8 pixels per module, black on white. */
    private static BufferedImage image(BitMatrix m) {
        int scale = 8;
        BufferedImage img = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xffffff);
            }
        }
        return img;
    }

    @Test
    void a_server_on_every_network_links_each_address_with_a_qr_code_that_says_it() throws Exception {
        List<String> reachable = Guards.reachable("0.0.0.0");
        assumeFalse(reachable.isEmpty(), "skipped: this machine has no network address besides loopback");
        try (TestServer server = new TestServer(WebConfig.defaults().withHost("0.0.0.0"))) {
            JsonNode c = server.get("/api/classroom").json();
            List<String> urls = new ArrayList<>();
            c.get("addresses").forEach(a -> urls.add(a.get("url").asText()));
            int port = Integer.parseInt(server.base.replaceAll(".*:", ""));
            assertThat(urls).isEqualTo(reachable.stream().map(a -> "http://" + a + ":" + port + "/").toList());
            for (JsonNode a : c.get("addresses")) {
                BitMatrix m = modules(a.get("svg").asText());
                // a quiet zone of 4 light modules on every side, as the standard asks
                for (int i = 0; i < m.getWidth(); i++) {
                    for (int d = 0; d < Classroom.QUIET_ZONE; d++) {
                        assertThat(m.get(i, d) || m.get(d, i) || m.get(i, m.getHeight() - 1 - d)
                                || m.get(m.getWidth() - 1 - d, i)).isFalse();
                    }
                }
                assertThat(decode(image(m))).isEqualTo(a.get("url").asText());
            }
        }
        try (TestServer local = new TestServer()) {
            assertThat(local.get("/api/classroom").json().get("addresses")).isEmpty();
        }
    }

    @Test
    void the_page_shows_the_class_link_and_a_phone_camera_could_read_it() throws Exception {
        Browser.assumeInstalled();
        assumeFalse(Guards.reachable("0.0.0.0").isEmpty(), "skipped: no network address besides loopback");
        try (TestServer server = new TestServer(WebConfig.defaults().withHost("0.0.0.0"));
             Browser browser = new Browser(1280, 900)) {
            String url = server.get("/api/classroom").json().at("/addresses/0/url").asText();
            browser.open(server.base + "/#/start?lang=en");
            browser.until(d -> browser.find("#class-link").isDisplayed());
            assertThat(browser.text("#class-link")).isEqualTo("Class link");
            browser.click("#class-link");
            browser.until(d -> browser.find("#class-panel").isDisplayed());
            assertThat(browser.text("#class-panel figcaption")).isEqualTo(url);
            byte[] png = browser.find("#class-panel .qr svg").getScreenshotAs(OutputType.BYTES);
            java.nio.file.Files.write(browser.screenshot("class-link").resolveSibling("class-link-code.png"), png);
            assertThat(decode(ImageIO.read(new ByteArrayInputStream(png)))).isEqualTo(url);
            browser.click("#lang-toggle");
            browser.until(d -> browser.text("#class-panel h2").equals("スマートフォンやパソコンでワークベンチを開きましょう"));
            browser.click("#class-close");
            browser.until(d -> !browser.find("#class-panel").isDisplayed());
            assertThat(browser.consoleProblems()).isEmpty();
        }
        try (TestServer local = new TestServer(); Browser browser = new Browser(1280, 900)) {
            browser.open(local.base + "/#/start?lang=en");
            browser.until(d -> "true".equals(browser.js("return document.body.dataset.ready")));
            assertThat(browser.find("#class-link").isDisplayed()).isFalse();
        }
    }
}
