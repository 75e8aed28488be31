package io.github.shikumi.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request's JSON object, with typed access to its fields that names the field in every refusal.
 * Validation happens here, at the door; the handlers get checked values.
 */
final class Body {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final JsonNode root;

    private Body(JsonNode root) {
        this.root = root;
    }

    /** An empty body reads as {@code {}}, so every field takes its default. */
    static Body parse(String text) {
        if (text == null || text.isBlank()) {
            return new Body(JsonNodeFactory.instance.objectNode());
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiException.badRequest(WebMsg.BODY_MALFORMED, reason(e) + where);
        }
        if (!(node instanceof ObjectNode)) {
            throw ApiException.badRequest(WebMsg.BODY_NOT_OBJECT);
        }
        return new Body(node);
    }

    /**
     * Jackson's reason without the library's class and feature names (which mean nothing to a learner) and
     * with the input it quotes cut short and escaped (see {@link Texts}).
     */
    static String reason(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.startsWith("Trailing token")) {
            return "more text after the JSON value";
        }
        m = m.replaceAll("\\s*\\(bound as [^)]*\\)", "")
                .replaceAll(":?\\s*not allowed as per `[^`]*`", "")
                .replaceAll("\\s*\\(for [^)]*\\)", "")
                .replaceAll("`[A-Za-z_$][\\w$]*(\\.[\\w$]+)+`", "")
                .replaceAll("\\s+", " ").trim();
        return Texts.clean(m.length() > 200 ? m.substring(0, 200) + "…" : m);
    }

    boolean has(String field) {
        JsonNode v = root.get(field);
        return v != null && !v.isNull();
    }

    JsonNode node(String field) {
        return root.get(field);
    }

    /** An integer field in [min, max], or {@code fallback} when absent. */
    long integer(String field, long fallback, long min, long max) {
        if (!has(field)) {
            return fallback;
        }
        return integer(field, min, max);
    }

    long integer(String field, long min, long max) {
        JsonNode v = required(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, field, WebMsg.TYPE_INTEGER);
        }
        long x = v.longValue();
        if (x < min || x > max) {
            throw ApiException.badRequest(WebMsg.FIELD_RANGE, field, x, min, max);
        }
        return x;
    }

    /** A finite number in (exclusiveMin, max], or {@code fallback} when absent. */
    double positive(String field, double fallback, double max) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = required(field);
        if (!v.isNumber()) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, field, WebMsg.TYPE_NUMBER);
        }
        double x = v.doubleValue();
        if (!(x > 0) || x > max) {
            throw ApiException.badRequest(WebMsg.FIELD_RANGE, field, v.asText(), "> 0", max);
        }
        return x;
    }

    /** A boolean field, or {@code fallback} when absent. */
    boolean bool(String field, boolean fallback) {
        if (!has(field)) {
            return fallback;
        }
        JsonNode v = required(field);
        if (!v.isBoolean()) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, field, WebMsg.TYPE_BOOLEAN);
        }
        return v.booleanValue();
    }

    String text(String field, int maxLength) {
        JsonNode v = required(field);
        if (!v.isTextual()) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, field, WebMsg.TYPE_STRING);
        }
        if (v.asText().length() > maxLength) {
            throw ApiException.badRequest(WebMsg.FIELD_RANGE, field + ".length", v.asText().length(), 0, maxLength);
        }
        return v.asText();
    }

    String text(String field, String fallback, int maxLength) {
        return has(field) ? text(field, maxLength) : fallback;
    }

    /**
     * Pixels: an array of exactly {@code count} numbers, each 0 or 1 when {@code binary}, else from 0 to 1.
     */
    double[] pixels(String field, int count, String shape, boolean binary) {
        JsonNode v = required(field);
        if (!v.isArray()) {
            throw ApiException.badRequest(WebMsg.FIELD_TYPE, field, WebMsg.TYPE_NUMBERS);
        }
        if (v.size() != count) {
            throw ApiException.badRequest(WebMsg.PIXELS_COUNT, v.size(), count, shape);
        }
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            JsonNode p = v.get(i);
            if (!p.isNumber()) {
                throw ApiException.badRequest(WebMsg.FIELD_TYPE, field + "[" + i + "]", WebMsg.TYPE_NUMBER);
            }
            x[i] = p.doubleValue();
            boolean ok = binary ? x[i] == 0.0 || x[i] == 1.0 : x[i] >= 0.0 && x[i] <= 1.0;
            if (!ok) {
                throw ApiException.badRequest(WebMsg.PIXEL_VALUE, i, p.asText(), binary ? WebMsg.VALUE_BINARY : WebMsg.VALUE_UNIT);
            }
        }
        return x;
    }

    private JsonNode required(String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.badRequest(WebMsg.FIELD_MISSING, field);
        }
        return v;
    }
}
