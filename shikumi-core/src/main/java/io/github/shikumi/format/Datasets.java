package io.github.shikumi.format;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bundled datasets, and loading a dataset by name or file. */
public final class Datasets {
    /** Names of the bundled datasets, addressable everywhere a dataset is asked for. */
    public static final List<String> BUNDLED = List.of("aple", "aple-test", "zero-one");

    private Datasets() {
    }

    /**
     * A bundled dataset by name ({@link #BUNDLED}).
     *
     * @param name one of {@link #BUNDLED}
     * @return the dataset, read from the jar
     * @throws ShikumiException {@link Msg#DATA_UNKNOWN_NAME}, naming {@code name}, when no bundled dataset has it
     */
    public static Dataset bundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new ShikumiException(name, Msg.DATA_UNKNOWN_NAME, name, String.join(", ", BUNDLED));
        }
        String resource = "/io/github/shikumi/data/" + name + ".txt";
        try (InputStream in = Datasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled dataset missing from the jar: " + resource);
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return BitmapText.read(name, r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled text of a dataset, as shipped.
     *
     * @param name one of {@link #BUNDLED}
     * @return the dataset as bitmap text ({@link BitmapText#write})
     * @throws ShikumiException {@link Msg#DATA_UNKNOWN_NAME}, naming {@code name}, when no bundled dataset has it
     */
    public static String bundledText(String name) {
        return BitmapText.write(bundled(name));
    }

    /**
     * A dataset by bundled name, or from a file: {@code *.csv} as CSV ({@code label,p1,...,pN},
     * shape from {@code shape} or square), {@code idx:DIR} or {@code idx:IMAGES,LABELS} as IDX ({@link Idx}:
     * a folder's test set when it has one, else its training set), anything else as bitmap text.
     *
     * @param spec  a bundled name, {@code idx:…}, or a file name
     * @param shape {@code {height, width}} for CSV files, or null
     * @return the dataset
     * @throws ShikumiException naming {@code spec} when it is neither a bundled name nor a regular file
     *                          ({@link Msg#DATA_UNKNOWN_NAME}) or the file cannot be read
     *                          ({@link Msg#FILE_UNREADABLE}); or naming the file and line when its content
     *                          is not valid
     */
    public static Dataset load(String spec, int[] shape) {
        if (BUNDLED.contains(spec)) {
            return bundled(spec);
        }
        if (spec.startsWith(Idx.PREFIX)) {
            Idx.Split split = Idx.open(spec); // idx:DIR gives its test set (t10k-*) when it has one
            return split.test() != null ? split.test() : split.train();
        }
        Path path = Path.of(spec);
        if (!Files.isRegularFile(path)) {
            throw new ShikumiException(spec, Msg.DATA_UNKNOWN_NAME, spec, String.join(", ", BUNDLED));
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String name = path.toString();
            if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                return CsvData.read(name, r, shape);
            }
            return BitmapText.read(name, r);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ShikumiException(spec, Msg.FILE_UNREADABLE, "not UTF-8 text");
        } catch (IOException e) {
            throw new ShikumiException(spec, Msg.FILE_UNREADABLE, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Parses "5x4" (or "5×4") into {height, width}.
     *
     * @param text the shape, height first: two positive integers separated by x, X or ×
     * @return {@code {height, width}}
     * @throws ShikumiException {@link Msg#SHAPE_SYNTAX}, naming {@code shape}, when the text is not such a shape
     */
    public static int[] parseShape(String text) {
        String[] parts = text.trim().split("[x×X]");
        try {
            if (parts.length == 2) {
                int h = Integer.parseInt(parts[0].trim());
                int w = Integer.parseInt(parts[1].trim());
                if (h > 0 && w > 0) {
                    return new int[] {h, w};
                }
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new ShikumiException("shape", Msg.SHAPE_SYNTAX, text);
    }
}
