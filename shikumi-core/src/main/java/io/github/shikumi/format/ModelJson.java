package io.github.shikumi.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model JSON, format {@code shikumi-model/1} (DESIGN.md): labels, input shape, activation and per layer
 * {@code weights[j][i]} (w_ji) and {@code thresholds[j]} (θ_j). Doubles are written in their shortest
 * exact form, so write → read gives identical doubles. A gradient is written in the same shape with
 * {@code "E"} beside {@code "layers"}. An optional {@code "output": "softmax"} after {@code "activation"}
 * marks a softmax output layer with cross-entropy ({@link Output}); without it the output layer is the book's
 * sigmoid. {@code "activation"} names the hidden layers' unit function ({@link Activation}: "sigmoid", the
 * book's, "tanh", "relu", "identity"): one name for every hidden layer, or an array of one name per hidden
 * layer when they differ (files written before activations were a choice say "sigmoid" and load unchanged).
 * An optional {@code "provenance"} object records how the model
 * was made (data, seed, η, iterations); readers ignore what they do not know there.
 */
public final class ModelJson {
    /** The value of the {@code "format"} field of every model file this version reads and writes. */
    public static final String FORMAT = "shikumi-model/1";
    /** The book's activation, and the one of a network without hidden layers. */
    public static final String ACTIVATION = "sigmoid";
    /** Optional field: the output layer and loss ({@link Output}); absent means the book's sigmoid. */
    public static final String OUTPUT = "output";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private ModelJson() {
    }

    /**
     * Reads a model file (UTF-8 JSON, see the class comment).
     *
     * @param path the model file
     * @return the network, with its provenance
     * @throws ShikumiException naming {@code path} when the file does not exist ({@link Msg#FILE_NOT_FOUND}) or
     *                          cannot be read ({@link Msg#FILE_UNREADABLE}); as {@link #parse} when its
     *                          content is not a valid model
     */
    public static Network read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ShikumiException(path.toString(), Msg.FILE_NOT_FOUND);
        } catch (IOException e) {
            throw new ShikumiException(path.toString(), Msg.FILE_UNREADABLE, String.valueOf(e.getMessage()));
        }
        return parse(path.toString(), text);
    }

    /**
     * Parses model JSON; {@code name} (a file name) prefixes every message.
     *
     * @param name where the JSON came from (a file name), for the messages
     * @param json the model JSON
     * @return the network, with its provenance
     * @throws ShikumiException naming {@code name}, or {@code name: field} for the field at fault, when the JSON
     *                          is malformed, the format is not {@link #FORMAT}, or a field is missing, of the
     *                          wrong type or size, or not finite
     */
    public static Network parse(String name, String json) {
        JsonNode root = tree(name, json);
        Reader r = new Reader(name);
        String format = r.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new ShikumiException(name + ": format", Msg.MODEL_FORMAT, format, FORMAT);
        }
        JsonNode activationNode = root.get("activation");
        if (activationNode == null) {
            throw new ShikumiException(name, Msg.MODEL_FIELD_MISSING, "activation");
        }
        if (!activationNode.isTextual() && !activationNode.isArray()) {
            throw new ShikumiException(name + ": activation", Msg.MODEL_FIELD_TYPE, "activation",
                    "a string or an array of strings");
        }
        Output output = Output.SIGMOID; // absent: the book's sigmoid output, so older files keep loading
        if (root.has(OUTPUT)) {
            output = Output.of(r.text(root, OUTPUT));
            if (output == null) {
                throw new ShikumiException(name + ": " + OUTPUT, Msg.MODEL_OUTPUT, root.get(OUTPUT).asText(),
                        Output.SIGMOID.id() + ", " + Output.SOFTMAX.id());
            }
        }
        List<String> labels = new ArrayList<>();
        JsonNode labelsNode = r.array(root, "labels", "labels");
        for (int k = 0; k < labelsNode.size(); k++) {
            JsonNode l = labelsNode.get(k);
            if (!l.isTextual() || l.asText().isEmpty()) {
                throw new ShikumiException(name + ": labels[" + k + "]", Msg.MODEL_FIELD_TYPE, "labels[" + k + "]", "a string");
            }
            labels.add(l.asText());
        }
        JsonNode shape = r.array(root, "inputShape", "inputShape");
        if (shape.size() != 2 || !positiveWhole(shape.get(0)) || !positiveWhole(shape.get(1))
                || (long) shape.get(0).asInt() * shape.get(1).asInt() > Integer.MAX_VALUE) {
            throw new ShikumiException(name + ": inputShape", Msg.MODEL_FIELD_TYPE, "inputShape", "[height, width]");
        }
        int h = shape.get(0).asInt();
        int w = shape.get(1).asInt();
        JsonNode layers = r.array(root, "layers", "layers");
        if (layers.size() < 1) {
            throw new ShikumiException(name + ": layers", Msg.MODEL_ROWS, 0, "1+");
        }
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = h * w;
        List<double[][]> weights = new ArrayList<>();
        List<double[]> thresholds = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            String at = "layers[" + l + "]";
            JsonNode layer = layers.get(l);
            if (!layer.isObject()) {
                throw new ShikumiException(name + ": " + at, Msg.MODEL_FIELD_TYPE, at, "an object");
            }
            double[] th = r.numbers(r.array(layer, "thresholds", at + ".thresholds"), at + ".thresholds", -1);
            JsonNode wNode = r.array(layer, "weights", at + ".weights");
            if (wNode.size() != th.length) {
                throw new ShikumiException(name + ": " + at + ".weights", Msg.MODEL_ROWS, wNode.size(), th.length);
            }
            double[][] wl = new double[th.length][];
            for (int j = 0; j < th.length; j++) {
                String rowAt = at + ".weights[" + j + "]";
                JsonNode row = wNode.get(j);
                if (!row.isArray()) {
                    throw new ShikumiException(name + ": " + rowAt, Msg.MODEL_FIELD_TYPE, rowAt, "an array of numbers");
                }
                wl[j] = r.numbers(row, rowAt, sizes[l]);
            }
            sizes[l + 1] = th.length;
            weights.add(wl);
            thresholds.add(th);
        }
        if (sizes[sizes.length - 1] != labels.size()) {
            throw new ShikumiException(name + ": labels", Msg.MODEL_LABELS, sizes[sizes.length - 1], labels.size());
        }
        ParamLayout layout = new ParamLayout(sizes);
        List<Activation> activations = activations(name, activationNode, layout.layers() - 1);
        double[] params = new double[layout.count()];
        for (int l = 0; l < layout.layers(); l++) {
            for (int j = 0; j < layout.units(l); j++) {
                System.arraycopy(weights.get(l)[j], 0, params, layout.weight(l, j, 0), layout.fanIn(l));
                params[layout.threshold(l, j)] = thresholds.get(l)[j];
            }
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        JsonNode prov = root.get("provenance");
        if (prov != null && prov.isObject()) {
            prov.fields().forEachRemaining(f -> provenance.put(f.getKey(), MAPPER.convertValue(f.getValue(), Object.class)));
        }
        return new Network(layout, labels, h, w, params, provenance, output, activations);
    }

    /**
     * The activations of a file's {@code "activation"} field: one name for every hidden layer, or an array of one
     * name per hidden layer (also for other formats that carry a model, such as the PyTorch state).
     *
     * @param name   the file's name for messages
     * @param node   the field's value
     * @param hidden the number of hidden layers
     * @return one activation per hidden layer
     * @throws ShikumiException naming {@code activation} (or its element) for an unknown name or a wrong count
     */
    public static List<Activation> activations(String name, JsonNode node, int hidden) {
        List<Activation> out = new ArrayList<>();
        if (node.isTextual()) {
            Activation a = activation(name + ": activation", node);
            for (int l = 0; l < hidden; l++) {
                out.add(a);
            }
            return out;
        }
        if (node.size() != hidden) {
            throw new ShikumiException(name + ": activation", Msg.MODEL_ACTIVATIONS, node.size(), hidden);
        }
        for (int l = 0; l < hidden; l++) {
            out.add(activation(name + ": activation[" + l + "]", node.get(l)));
        }
        return out;
    }

    private static Activation activation(String where, JsonNode v) {
        Activation a = v.isTextual() ? Activation.of(v.asText()) : null;
        if (a == null) {
            throw new ShikumiException(where, Msg.MODEL_ACTIVATION, v.isTextual() ? v.asText() : v.toString(),
                    Activation.names());
        }
        return a;
    }

    /**
     * The model as JSON text (ends with a newline).
     *
     * @param net the network
     * @return the model file's text
     */
    public static String write(Network net) {
        return write(net, net.params(), null);
    }

    /**
     * Writes the model file, completely or not at all: to a temporary file beside it, then an atomic move
     * (an existing file is replaced).
     *
     * @param net  the network
     * @param path the file; its folder must exist
     * @throws ShikumiException when the folder is missing or the file cannot be written
     */
    public static void write(Network net, Path path) {
        AtomicFiles.write(path, write(net));
    }

    /**
     * Writes the model as JSON (UTF-8) to a stream, which stays open.
     *
     * @param net the network
     * @param out the stream
     * @throws java.io.UncheckedIOException when the stream fails
     */
    public static void write(Network net, java.io.OutputStream out) {
        try {
            out.write(write(net).getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A gradient ∂E in the model's shape, with {@code "E"} beside {@code "layers"}.
     *
     * @param net      the network whose shape, labels and activations frame the gradient
     * @param e        E at the network's parameters
     * @param gradient ∂E/∂p in the layout's order: ∂E/∂w in place of the weights, ∂E/∂θ in place of the thresholds
     * @return the JSON text
     */
    public static String writeGradient(Network net, double e, double[] gradient) {
        return write(net, gradient, e);
    }

    private static String write(Network net, double[] values, Double e) {
        ParamLayout lay = net.layout();
        StringWriter out = new StringWriter();
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.setPrettyPrinter(pp);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeArrayFieldStart("labels");
            for (String l : net.labels()) {
                g.writeString(l);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("inputShape");
            g.writeNumber(net.height());
            g.writeNumber(net.width());
            g.writeEndArray();
            List<Activation> acts = net.activations();
            if (acts.stream().distinct().count() <= 1) {
                g.writeStringField("activation", acts.isEmpty() ? ACTIVATION : acts.get(0).id());
            } else {
                g.writeArrayFieldStart("activation");
                for (Activation a : acts) {
                    g.writeString(a.id());
                }
                g.writeEndArray();
            }
            if (net.output() != Output.SIGMOID) {
                g.writeStringField(OUTPUT, net.output().id());
            }
            if (e != null) {
                g.writeFieldName("E");
                g.writeRawValue(number(e));
            }
            g.writeArrayFieldStart("layers");
            for (int l = 0; l < lay.layers(); l++) {
                g.writeStartObject();
                g.writeFieldName("weights");
                StringBuilder rows = new StringBuilder("[");
                for (int j = 0; j < lay.units(l); j++) {
                    rows.append(j == 0 ? "\n        [" : ",\n        [");
                    for (int i = 0; i < lay.fanIn(l); i++) {
                        rows.append(i == 0 ? "" : ", ").append(number(values[lay.weight(l, j, i)]));
                    }
                    rows.append(']');
                }
                rows.append("\n      ]");
                g.writeRawValue(rows.toString());
                g.writeFieldName("thresholds");
                StringBuilder th = new StringBuilder("[");
                for (int j = 0; j < lay.units(l); j++) {
                    th.append(j == 0 ? "" : ", ").append(number(values[lay.threshold(l, j)]));
                }
                g.writeRawValue(th.append(']').toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (e == null && !net.provenance().isEmpty()) {
                g.writeFieldName("provenance");
                MAPPER.writeValue(g, net.provenance());
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toString() + "\n";
    }

    /** A whole number from 1 to Integer.MAX_VALUE (2 and 2.0, not 1.5, "2" or 0). */
    private static boolean positiveWhole(JsonNode v) {
        return v.isNumber() && v.canConvertToInt() && v.canConvertToExactIntegral() && v.asInt() >= 1;
    }

    /** Shortest text that parses back to exactly {@code v}. */
    private static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new ShikumiException("model", Msg.MODEL_NOT_FINITE, String.valueOf(v));
        }
        return Double.toString(v);
    }

    /**
     * Parses JSON text; syntax errors become one line with file, line and column.
     *
     * @param name where the JSON came from (a file name), for the messages
     * @param json the JSON text
     * @return its root object
     * @throws ShikumiException {@link Msg#JSON_MALFORMED}, naming {@code name:line:column} (or {@code name}),
     *                          when the text is not one JSON object
     */
    public static JsonNode tree(String name, String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ShikumiException(name, Msg.JSON_MALFORMED, "expected an object {...}");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? name : name + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            String msg = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
            throw new ShikumiException(where, Msg.JSON_MALFORMED, msg);
        }
    }

    /** Field access that reports missing or mistyped fields by their path. */
    private static final class Reader {
        private final String name;

        Reader(String name) {
            this.name = name;
        }

        String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null) {
                throw new ShikumiException(name, Msg.MODEL_FIELD_MISSING, field);
            }
            if (!v.isTextual()) {
                throw new ShikumiException(name + ": " + field, Msg.MODEL_FIELD_TYPE, field, "a string");
            }
            return v.asText();
        }

        JsonNode array(JsonNode node, String field, String path) {
            JsonNode v = node.get(field);
            if (v == null) {
                throw new ShikumiException(name, Msg.MODEL_FIELD_MISSING, path);
            }
            if (!v.isArray()) {
                throw new ShikumiException(name + ": " + path, Msg.MODEL_FIELD_TYPE, path, "an array");
            }
            return v;
        }

        /** An array of finite numbers; of exactly {@code expected} values unless it is −1. */
        double[] numbers(JsonNode arr, String path, int expected) {
            if (expected >= 0 && arr.size() != expected) {
                throw new ShikumiException(name + ": " + path, Msg.MODEL_ROW_LENGTH, arr.size(), expected);
            }
            double[] out = new double[arr.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode v = arr.get(i);
                if (!v.isNumber()) {
                    throw new ShikumiException(name + ": " + path + "[" + i + "]", Msg.MODEL_FIELD_TYPE, path + "[" + i + "]", "a number");
                }
                out[i] = v.doubleValue();
                if (!Double.isFinite(out[i])) {
                    throw new ShikumiException(name + ": " + path + "[" + i + "]", Msg.MODEL_NOT_FINITE, v.asText());
                }
            }
            return out;
        }
    }

}
