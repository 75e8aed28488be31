package io.github.shikumi.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class link: when the server listens beyond this computer ({@code --host 0.0.0.0} or a network address),
 * the addresses the students open, each with its QR code (ZXing encodes; drawn here as an SVG of its modules),
 * so the teacher can show the page and the class scans it. Nothing when the server is reachable from this
 * computer only.
 */
final class Classroom {
    /** Modules of light border around the code, as the QR standard asks (4). */
    static final int QUIET_ZONE = 4;
    /** Screen pixels per module at full size (a phone across a classroom reads a code of about 300 pixels). */
    static final int PIXELS = 8;

    private Classroom() {
    }

    /** {@code addresses}: [{url, svg}] for the server listening on {@code host}, port {@code port}. */
    static Map<String, Object> links(String host, int port) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String address : Guards.reachable(host)) {
            String url = "http://" + address + ":" + port + "/";
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", url);
            m.put("svg", svg(url));
            list.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("addresses", list);
        return m;
    }

    /**
     * The QR code of {@code text} as SVG: one unit per module, dark modules as runs of a row in one path, a
     * white background with the quiet zone; it scales without blurring ({@code crispEdges}).
     */
    static String svg(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, QUIET_ZONE, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for " + text.length() + " characters", e);
        }
        int w = m.getWidth();
        int h = m.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                if (!m.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && m.get(x, y)) {
                    x++;
                }
                path.append('M').append(start).append(' ').append(y).append('h').append(x - start).append("v1h-")
                        .append(x - start).append('z');
            }
        }
        // PIXELS per module at full size: every module the same whole number of pixels, as cameras read best
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w * PIXELS
                + "\" height=\"" + h * PIXELS + "\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"" + w
                + "\" height=\"" + h
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
