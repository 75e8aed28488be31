package io.github.shikumi.format;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV datasets: one image per line, {@code label,p1,...,pN}, pixels in [0, 1] row-major. An optional
 * first line starting with {@code label} is a header. The shape comes from {@code --shape HxW}, or is
 * square when N is a square number. Lines starting with {@code #} are comments. Labels are taken in order
 * of first appearance unless a {@code # labels: A P L E} line before the first image fixes them, as in the
 * bitmap text format; {@link #write} writes that line when the order of first appearance would not give
 * the dataset's labels back.
 */
public final class CsvData {
    private static final String LABELS_PREFIX = "# labels:";

    private CsvData() {
    }

    public static Dataset read(String name, Reader reader, int[] shape) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        List<double[]> images = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        int pixels = shape == null ? -1 : shape[0] * shape[1];
        int[] hw = shape;
        boolean declared = false;
        boolean first = true;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte order mark, as Excel's "CSV UTF-8" writes
            }
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.startsWith("#")) {
                if (images.isEmpty() && l.startsWith(LABELS_PREFIX)) {
                    declared = true;
                    for (String token : l.substring(LABELS_PREFIX.length()).trim().split("\\s+")) {
                        if (!token.isEmpty() && labelIndex.putIfAbsent(token, labelIndex.size()) != null) {
                            throw new ShikumiException(name + ":" + lineNo, Msg.DATA_LABELS_DUPLICATE, token);
                        }
                    }
                }
                continue;
            }
            boolean header = first && l.toLowerCase(java.util.Locale.ROOT).startsWith("label");
            first = false;
            if (header) {
                continue;
            }
            String where = name + ":" + lineNo;
            String[] f = l.split(",", -1);
            if (pixels < 0) {
                int n = f.length - 1;
                int side = (int) Math.round(Math.sqrt(n));
                if (n < 1 || side * side != n) {
                    throw new ShikumiException(where, Msg.CSV_SHAPE_NEEDED, n);
                }
                pixels = n;
                hw = new int[] {side, side};
            }
            if (f.length != pixels + 1) {
                throw new ShikumiException(where, Msg.CSV_FIELD_COUNT, f.length, pixels + 1, pixels);
            }
            String label = f[0].strip();
            if (label.isEmpty() || label.chars().anyMatch(Character::isWhitespace)) {
                throw new ShikumiException(where, Msg.DATA_LABEL_SPACE, label);
            }
            double[] img = new double[pixels];
            for (int i = 0; i < pixels; i++) {
                String v = f[i + 1].strip();
                double x;
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new ShikumiException(where, Msg.CSV_NOT_A_NUMBER, i + 2, v);
                }
                if (!(x >= 0.0 && x <= 1.0)) {
                    throw new ShikumiException(where, Msg.CSV_OUT_OF_RANGE, i + 2, v);
                }
                img[i] = x + 0.0; // −0 reads as 0, so that a written and re-read dataset is equal
            }
            if (!labelIndex.containsKey(label)) {
                if (declared) {
                    throw new ShikumiException(where, Msg.DATA_LABEL_UNKNOWN, label, labelIndex.keySet());
                }
                labelIndex.put(label, labelIndex.size());
            }
            images.add(img);
            targets.add(labelIndex.get(label));
        }
        if (images.isEmpty()) {
            throw new ShikumiException(name, Msg.DATA_EMPTY);
        }
        if (labelIndex.size() < 2) {
            throw new ShikumiException(name, Msg.DATA_ONE_LABEL, labelIndex.keySet());
        }
        int[] t = targets.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(name, new ArrayList<>(labelIndex.keySet()), hw[0], hw[1], images.toArray(new double[0][]), t);
    }

    /**
     * Writes {@code label,p1,...,pN} lines with a header, preceded by a {@code # labels:} line when the labels'
     * order of first appearance differs from the dataset's labels (so that reading gives them back).
     */
    public static String write(Dataset data) {
        StringBuilder sb = new StringBuilder();
        if (!firstAppearance(data).equals(data.labels())) {
            sb.append(LABELS_PREFIX).append(' ').append(String.join(" ", data.labels())).append('\n');
        }
        sb.append("label");
        for (int i = 1; i <= data.pixels(); i++) {
            sb.append(",p").append(i);
        }
        sb.append('\n');
        for (int n = 0; n < data.size(); n++) {
            sb.append(data.labelOf(n));
            for (int i = 0; i < data.pixels(); i++) {
                double v = data.pixel(n, i);
                sb.append(',').append(v == Math.rint(v) ? String.valueOf((int) v) : String.valueOf(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static List<String> firstAppearance(Dataset data) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int n = 0; n < data.size(); n++) {
            seen.putIfAbsent(data.labelOf(n), n);
        }
        return new ArrayList<>(seen.keySet());
    }
}
