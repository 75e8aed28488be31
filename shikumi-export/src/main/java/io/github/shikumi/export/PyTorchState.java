package io.github.shikumi.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.shikumi.format.ModelJson;
import io.github.shikumi.model.Network;
import io.github.shikumi.model.Output;
import io.github.shikumi.model.ParamLayout;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's trained state back into shikumi: the JSON file that a {@link PyTorchScript} saves
 * ({@value #FORMAT}: labels, input shape, output layer, provenance and the {@code state_dict} as nested lists).
 * The state_dict's tensors are read in order, a weight matrix then its vector, one pair per layer: the script's
 * {@code layers.L.w} / {@code layers.L.theta} (the book's θ), or {@code nn.Linear}'s {@code NAME.weight} /
 * {@code NAME.bias} of any MLP (its hidden layers' activations in an optional {@code "activation"} field, as in model
 * JSON; sigmoid when absent) (then θ = −b, exact in floating point). Every double is taken
 * as written, so a state that only copied shikumi's numbers reads back bit for bit.
 */
public final class PyTorchState {
    /** The format of the state file. */
    public static final String FORMAT = "shikumi-pytorch-state/1";

    private PyTorchState() {
    }

    /**
     * Reads a state file.
     *
     * @param path the JSON file
     * @return the network
     * @throws ShikumiException when the file is missing or malformed, or its tensors do not make a network of
     *         its input shape and labels (the message names the file and the tensor)
     */
    public static Network read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ShikumiException(path.toString(), Msg.FILE_NOT_FOUND);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ShikumiException(path.toString(), Msg.JSON_MALFORMED, "not UTF-8 text (a binary file, not a state file in JSON)");
        } catch (IOException e) {
            throw new ShikumiException(path.toString(), Msg.FILE_UNREADABLE, String.valueOf(e.getMessage()));
        }
        return parse(path.toString(), text);
    }

    /**
     * Parses a state file's text.
     *
     * @param name the file's name, for messages
     * @param json the text
     * @return the network
     * @throws ShikumiException as {@link #read(Path)}
     */
    public static Network parse(String name, String json) {
        JsonNode root = ModelJson.tree(name, json);
        if (!root.isObject()) {
            throw new ShikumiException(name, Msg.MODEL_FIELD_TYPE, "(root)", "an object");
        }
        String format = root.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new ShikumiException(name + ": format", Msg.MODEL_FORMAT, format, FORMAT);
        }
        List<String> labels = new ArrayList<>();
        JsonNode ls = field(name, root, "labels");
        for (JsonNode l : ls) {
            if (!l.isTextual()) {
                throw new ShikumiException(name + ": labels", Msg.MODEL_FIELD_TYPE, "labels", "an array of strings");
            }
            labels.add(l.asText());
        }
        JsonNode shape = field(name, root, "inputShape");
        if (!shape.isArray() || shape.size() != 2 || !shape.get(0).canConvertToInt() || !shape.get(1).canConvertToInt()
                || shape.get(0).asInt() < 1 || shape.get(1).asInt() < 1) {
            throw new ShikumiException(name + ": inputShape", Msg.MODEL_FIELD_TYPE, "inputShape", "[height, width]");
        }
        int h = shape.get(0).asInt();
        int w = shape.get(1).asInt();
        Output output = outputOf(name, root.path("output").asText(Output.SIGMOID.id()));
        JsonNode dict = field(name, root, "state_dict");
        if (!dict.isObject()) {
            throw new ShikumiException(name + ": state_dict", Msg.MODEL_FIELD_TYPE, "state_dict", "an object");
        }
        List<double[][]> weights = new ArrayList<>();
        List<double[]> thetas = new ArrayList<>();
        int fanIn = h * w;
        Iterator<Map.Entry<String, JsonNode>> it = dict.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> wEntry = it.next();
            String wAt = name + ": state_dict[\"" + wEntry.getKey() + "\"]";
            if (!wEntry.getKey().endsWith(".w") && !wEntry.getKey().endsWith(".weight")) {
                throw new ShikumiException(wAt, Msg.MODEL_FIELD_TYPE, wEntry.getKey(), "a weight matrix (NAME.w or NAME.weight)");
            }
            if (!it.hasNext()) {
                throw new ShikumiException(wAt, Msg.MODEL_FIELD_MISSING, "its thresholds or bias after it");
            }
            Map.Entry<String, JsonNode> tEntry = it.next();
            String tAt = name + ": state_dict[\"" + tEntry.getKey() + "\"]";
            boolean bias = tEntry.getKey().endsWith(".bias");
            if (!bias && !tEntry.getKey().endsWith(".theta")) {
                throw new ShikumiException(tAt, Msg.MODEL_FIELD_TYPE, tEntry.getKey(), "a vector (NAME.theta or NAME.bias)");
            }
            double[] t = vector(tAt, tEntry.getValue());
            JsonNode rows = wEntry.getValue();
            if (!rows.isArray() || rows.size() != t.length) {
                throw new ShikumiException(wAt, Msg.MODEL_ROWS, rows.isArray() ? rows.size() : 0, t.length);
            }
            double[][] wl = new double[t.length][];
            for (int j = 0; j < t.length; j++) {
                wl[j] = vector(wAt + "[" + j + "]", rows.get(j));
                if (wl[j].length != fanIn) {
                    throw new ShikumiException(wAt + "[" + j + "]", Msg.MODEL_ROW_LENGTH, wl[j].length, fanIn);
                }
                if (bias) {
                    t[j] = -t[j]; // θ_j = −b_j: nn.Linear adds its bias, the book subtracts its threshold
                }
            }
            weights.add(wl);
            thetas.add(t);
            fanIn = t.length;
        }
        if (weights.isEmpty()) {
            throw new ShikumiException(name + ": state_dict", Msg.MODEL_ROWS, 0, "1+");
        }
        int[] sizes = new int[weights.size() + 1];
        sizes[0] = h * w;
        for (int l = 0; l < weights.size(); l++) {
            sizes[l + 1] = thetas.get(l).length;
        }
        ParamLayout layout = new ParamLayout(sizes);
        double[] params = new double[layout.count()];
        for (int l = 0; l < layout.layers(); l++) {
            for (int j = 0; j < sizes[l + 1]; j++) {
                for (int i = 0; i < sizes[l]; i++) {
                    params[layout.weight(l, j, i)] = weights.get(l)[j][i];
                }
                params[layout.threshold(l, j)] = thetas.get(l)[j];
            }
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        JsonNode prov = root.path("provenance");
        if (prov.isObject()) {
            prov.fields().forEachRemaining(e -> provenance.put(e.getKey(), e.getValue().isIntegralNumber() ? (Object) e.getValue().asLong()
                    : e.getValue().isNumber() ? (Object) e.getValue().asDouble() : e.getValue().asText()));
        }
        java.util.List<io.github.shikumi.model.Activation> activations = root.has("activation")
                ? io.github.shikumi.format.ModelJson.activations(name, root.get("activation"), layout.layers() - 1)
                : java.util.Collections.nCopies(layout.layers() - 1, io.github.shikumi.model.Activation.SIGMOID);
        return new Network(layout, labels, h, w, params, provenance, output, activations);
    }

    private static JsonNode field(String name, JsonNode root, String key) {
        JsonNode n = root.get(key);
        if (n == null) {
            throw new ShikumiException(name, Msg.MODEL_FIELD_MISSING, key);
        }
        return n;
    }

    private static Output outputOf(String name, String id) {
        for (Output o : Output.values()) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        throw new ShikumiException(name + ": output", Msg.MODEL_OUTPUT, id, Output.SIGMOID.id() + ", " + Output.SOFTMAX.id());
    }

    private static double[] vector(String at, JsonNode node) {
        if (!node.isArray()) {
            throw new ShikumiException(at, Msg.MODEL_FIELD_TYPE, at.substring(at.indexOf(": ") + 2), "an array of numbers");
        }
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = node.get(i);
            if (!x.isNumber()) {
                throw new ShikumiException(at + "[" + i + "]", Msg.MODEL_FIELD_TYPE, at.substring(at.indexOf(": ") + 2) + "[" + i + "]", "a number");
            }
            v[i] = x.doubleValue();
            if (!Double.isFinite(v[i])) {
                throw new ShikumiException(at + "[" + i + "]", Msg.MODEL_NOT_FINITE, x.asText());
            }
        }
        return v;
    }
}
