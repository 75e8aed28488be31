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
 * CSV datasets: one image per line, {@code label,p1,...,pN}, row-major. The scale of the pixels is decided by
 * the file as a whole: when every pixel is from 0 to 1 they are read as they are; when any pixel is above 1 the
 * file holds grey levels (as the CSV versions of MNIST): every pixel must then be a whole number from 0 to 255,
 * read as v / 255, and a file that mixes the two scales is refused, naming the line (and field) where the
 * second scale shows: a fraction such as 0.5, or a line of only 0 and 1 (a black-and-white image from 0 to 1,
 * which as grey levels would be near-white), beside a grey level above 1. An optional
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

    /**
     * Reads CSV data (see the class comment for the format).
     *
     * @param name   where the text came from (a file name), for the dataset and the messages
     * @param reader the text; read to its end, not closed
     * @param shape  {@code {height, width}}, or null for a square shape from the number of pixels
     * @return the images with their labels
     * @throws IOException      when reading fails
     * @throws ShikumiException naming {@code name} and the line when the text is not valid CSV data (a wrong
     *                          field count, a field that is not a number or out of range, no shape for a
     *                          non-square pixel count, grey levels mixed with 0/1 pixels, …)
     */
    public static Dataset read(String name, Reader reader, int[] shape) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        List<double[]> images = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        int pixels = shape == null ? -1 : shape[0] * shape[1];
        int[] hw = shape;
        boolean declared = false;
        boolean first = true;
        int greyLine = 0; // the first line with a value above 1: the file holds grey levels 0…255
        int greyField = 0;
        String greyValue = null;
        int binaryLine = 0; // the first line of only 0 and 1 with a 1 in it: pixels from 0 to 1, black and white
        int binaryField = 0;
        String fraction = null; // the first value strictly between 0 and 1, and where
        int fractionField = 0;
        int fractionLine = 0;
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
            int firstOne = 0; // field of this line's first 1
            boolean onlyZeroOne = true;
            for (int i = 0; i < pixels; i++) {
                String v = f[i + 1].strip();
                double x;
                try {
                    x = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new ShikumiException(where, Msg.CSV_NOT_A_NUMBER, i + 2, v);
                }
                if (!(x >= 0.0 && (x <= 1.0 || x == Math.rint(x)))) {
                    throw new ShikumiException(where, Msg.CSV_OUT_OF_RANGE, i + 2, v);
                }
                if (x > 1.0) {
                    if (x > 255.0) {
                        throw new ShikumiException(where, Msg.CSV_GREY_RANGE, i + 2, v);
                    }
                    if (greyLine == 0) {
                        greyLine = lineNo;
                        greyField = i + 2;
                        greyValue = v;
                    }
                    onlyZeroOne = false;
                } else if (x > 0.0 && x < 1.0) {
                    onlyZeroOne = false;
                    if (fraction == null) {
                        fraction = v;
                        fractionField = i + 2;
                        fractionLine = lineNo;
                    }
                } else if (x == 1.0 && firstOne == 0) {
                    firstOne = i + 2;
                }
                img[i] = x + 0.0; // −0 reads as 0, so that a written and re-read dataset is equal
            }
            if (onlyZeroOne && firstOne > 0 && binaryLine == 0) {
                binaryLine = lineNo;
                binaryField = firstOne;
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
        if (greyLine > 0) {
            if (fraction != null) {
                throw new ShikumiException(name + ":" + fractionLine, Msg.CSV_MIXED, fractionField, fraction, String.valueOf(greyLine));
            }
            if (binaryLine > 0 && binaryLine < greyLine) { // e.g. 0/1 images with a stray 2: not grey levels
                throw new ShikumiException(name + ":" + greyLine + ":" + greyField, Msg.CSV_GREY_AFTER_BINARY, greyField,
                        greyValue, String.valueOf(binaryLine));
            }
            if (binaryLine > 0) {
                throw new ShikumiException(name + ":" + binaryLine + ":" + binaryField, Msg.CSV_BINARY_AFTER_GREY,
                        binaryField, String.valueOf(greyLine));
            }
            for (double[] img : images) {
                for (int i = 0; i < img.length; i++) {
                    img[i] /= 255.0; // grey level 0…255 → 0…1
                }
            }
        }
        int[] t = targets.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(name, new ArrayList<>(labelIndex.keySet()), hw[0], hw[1], images.toArray(new double[0][]), t);
    }

    /**
     * Writes {@code label,p1,...,pN} lines with a header, preceded by a {@code # labels:} line when the labels'
     * order of first appearance differs from the dataset's labels (so that reading gives them back).
     *
     * @param data the images
     * @return the CSV text, one line per image
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
