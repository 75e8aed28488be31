package io.github.shikumi.format;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bitmap text format (DESIGN.md): a label line, the image's rows ({@code #} black, {@code .} white),
 * a blank line. Comments start with "{@code # }"; an optional {@code # labels: A P L E} line fixes the
 * label order, otherwise labels are taken in order of first appearance. Errors name file and line.
 */
public final class BitmapText {
    private static final String LABELS_PREFIX = "# labels:";
    private static final String BOM = "\uFEFF";

    private BitmapText() {
    }

    /**
     * Parses bitmap text held in a string.
     *
     * @param name where the text came from (a bundled name or a file), for the dataset and the messages
     * @param text the whole bitmap text
     * @return the images with their labels
     * @throws ShikumiException naming {@code name} and the line when the text is not valid bitmap text (a
     *                          row of the wrong width or character, a missing or unknown label, fewer than
     *                          two labels, …)
     */
    public static Dataset parse(String name, String text) {
        try {
            return read(name, new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads bitmap text.
     *
     * @param name   where the text came from (a bundled name or a file), for the dataset and the messages
     * @param reader the text; read to its end, not closed
     * @return the images with their labels
     * @throws IOException      when reading fails
     * @throws ShikumiException naming {@code name} and the line when the text is not valid bitmap text
     */
    public static Dataset read(String name, Reader reader) throws IOException {
        BufferedReader in = new BufferedReader(reader);
        Map<String, Integer> labelIndex = new LinkedHashMap<>();
        boolean declared = false;
        boolean seenImage = false;
        int height = -1;
        int width = -1;
        List<double[]> images = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();

        String label = null; // label of the image being read
        int labelLine = 0;
        List<String> rows = new ArrayList<>();
        int lineNo = 0;
        String line;
        while (true) {
            line = in.readLine();
            lineNo++;
            if (lineNo == 1 && line != null && line.startsWith(BOM)) {
                line = line.substring(1); // a byte order mark, as Windows editors write
            }
            String l = line == null ? null : stripTrailing(line);
            boolean end = l == null || l.isEmpty();
            if (label != null && end) {
                // an image ends at a blank line or at the end of the file
                String where = name + ":" + labelLine;
                if (rows.isEmpty()) {
                    throw new ShikumiException(where, Msg.DATA_NO_ROWS, label);
                }
                if (height < 0) {
                    height = rows.size();
                } else if (rows.size() != height) {
                    throw new ShikumiException(where, Msg.DATA_ROW_COUNT, label, rows.size(), height);
                }
                double[] img = new double[height * width];
                for (int r = 0; r < height; r++) {
                    String row = rows.get(r);
                    for (int c = 0; c < width; c++) {
                        img[r * width + c] = row.charAt(c) == '#' ? 1.0 : 0.0;
                    }
                }
                images.add(img);
                targets.add(labelIndex.get(label));
                label = null;
                rows.clear();
            }
            if (line == null) {
                break;
            }
            if (end) {
                continue;
            }
            if (label == null && isComment(l)) {
                if (!seenImage && l.startsWith(LABELS_PREFIX)) {
                    declared = true;
                    for (String token : l.substring(LABELS_PREFIX.length()).trim().split("\\s+")) {
                        if (!token.isEmpty() && labelIndex.putIfAbsent(token, labelIndex.size()) != null) {
                            throw new ShikumiException(name + ":" + lineNo, Msg.DATA_LABELS_DUPLICATE, token);
                        }
                    }
                }
                continue;
            }
            String where = name + ":" + lineNo;
            if (label == null) {
                // a label line
                if (isPixelRow(l)) {
                    throw new ShikumiException(where, Msg.DATA_LABEL_MISSING);
                }
                String token = l.strip();
                if (token.chars().anyMatch(Character::isWhitespace)) {
                    throw new ShikumiException(where, Msg.DATA_LABEL_SPACE, token);
                }
                if (!labelIndex.containsKey(token)) {
                    if (declared) {
                        throw new ShikumiException(where, Msg.DATA_LABEL_UNKNOWN, token, labelIndex.keySet());
                    }
                    labelIndex.put(token, labelIndex.size());
                }
                label = token;
                labelLine = lineNo;
                seenImage = true;
                continue;
            }
            // a pixel row
            for (int c = 0; c < l.length(); c++) {
                char ch = l.charAt(c);
                if (ch != '#' && ch != '.') {
                    throw new ShikumiException(where, Msg.DATA_BAD_CHAR, String.valueOf(ch), c + 1);
                }
            }
            if (width < 0) {
                width = l.length();
            } else if (l.length() != width) {
                throw new ShikumiException(where, Msg.DATA_ROW_WIDTH, l.length(), width);
            }
            if (height > 0 && rows.size() == height) {
                throw new ShikumiException(name + ":" + labelLine, Msg.DATA_ROW_COUNT, label, rows.size() + 1, height);
            }
            rows.add(l);
        }
        if (images.isEmpty()) {
            throw new ShikumiException(name, Msg.DATA_EMPTY);
        }
        if (labelIndex.size() < 2) {
            throw new ShikumiException(name, Msg.DATA_ONE_LABEL, labelIndex.keySet());
        }
        int[] t = targets.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(name, new ArrayList<>(labelIndex.keySet()), height, width, images.toArray(new double[0][]), t);
    }

    /**
     * Writes a dataset as bitmap text, with a {@code # labels:} line; grey pixels at or above 0.5 print black.
     *
     * @param data the images
     * @return the bitmap text, which {@link #parse} reads back (exactly, for binary data)
     */
    public static String write(Dataset data) {
        StringBuilder sb = new StringBuilder();
        sb.append(LABELS_PREFIX).append(' ').append(String.join(" ", data.labels())).append('\n');
        for (int n = 0; n < data.size(); n++) {
            sb.append('\n').append(data.labelOf(n)).append('\n');
            appendRows(sb, data, n, '#', '.');
        }
        return sb.toString();
    }

    /**
     * Appends the rows of image {@code n} using the given characters for black and white.
     *
     * @param sb    where the rows go, each ended by a newline
     * @param data  the dataset
     * @param n     the image number, from 0
     * @param black the character of a pixel at or above 0.5
     * @param white the character of a pixel below 0.5
     */
    public static void appendRows(StringBuilder sb, Dataset data, int n, char black, char white) {
        for (int r = 0; r < data.height(); r++) {
            sb.append(row(data, n, r, black, white)).append('\n');
        }
    }

    /**
     * Row {@code r} of image {@code n} as text.
     *
     * @param data  the dataset
     * @param n     the image number, from 0
     * @param r     the row, from 0 (top)
     * @param black the character of a pixel at or above 0.5
     * @param white the character of a pixel below 0.5
     * @return the row's {@code width} characters, without a newline
     */
    public static String row(Dataset data, int n, int r, char black, char white) {
        StringBuilder sb = new StringBuilder(data.width());
        for (int c = 0; c < data.width(); c++) {
            sb.append(data.pixel(n, r * data.width() + c) >= 0.5 ? black : white);
        }
        return sb.toString();
    }

    private static boolean isComment(String l) {
        return l.startsWith("# ") || l.equals("# ") || l.startsWith("#\t");
    }

    private static boolean isPixelRow(String l) {
        return l.chars().allMatch(ch -> ch == '#' || ch == '.');
    }

    private static String stripTrailing(String s) {
        return s.stripTrailing();
    }
}
