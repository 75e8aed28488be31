package io.github.shikumi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.check.Confusion;
import io.github.shikumi.data.Dataset;
import io.github.shikumi.model.Network;
import java.io.UncheckedIOException;

/** JSON output of the commands (Jackson): full-precision doubles, pretty-printed. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode numbers(double[] values) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /** Puts {@code "network": {"sizes": [...], "parameters": N}} into {@code root}; returns it for more fields. */
    static ObjectNode putNetwork(ObjectNode root, Network net) {
        ObjectNode n = root.putObject("network");
        ArrayNode sizes = n.putArray("sizes");
        for (int s : net.layout().sizes()) {
            sizes.add(s);
        }
        n.put("parameters", net.layout().count());
        ArrayNode acts = n.putArray("activations"); // one per hidden layer
        for (io.github.shikumi.model.Activation a : net.activations()) {
            acts.add(a.id());
        }
        return n;
    }

    /** Puts {@code "data": {"name", "images", "height", "width", "labels": [...]}} into {@code root}; returns it for more fields. */
    static ObjectNode putData(ObjectNode root, Dataset d) {
        ObjectNode data = root.putObject("data");
        data.put("name", d.name());
        data.put("images", d.size());
        data.put("height", d.height());
        data.put("width", d.width());
        ArrayNode labels = data.putArray("labels");
        d.labels().forEach(labels::add);
        return data;
    }

    /** The confusion matrix, one row per actual label, one count per predicted label. */
    static ArrayNode confusion(Confusion c) {
        ArrayNode matrix = MAPPER.createArrayNode();
        for (int a = 0; a < c.labels().size(); a++) {
            ArrayNode row = matrix.addArray();
            for (int p = 0; p < c.labels().size(); p++) {
                row.add(c.count(a, p));
            }
        }
        return matrix;
    }

    static String text(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
