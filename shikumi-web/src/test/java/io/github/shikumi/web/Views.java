package io.github.shikumi.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The registry of the page's views (app/views.json), as the page reads it: the tests go through its list. */
final class Views {
    private Views() {
    }

    static JsonNode registry() {
        try (InputStream in = Views.class.getResourceAsStream("/io/github/shikumi/web/app/views.json")) {
            return new ObjectMapper().readTree(in).get("views");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every view's id, in order. */
    static List<String> all() {
        List<String> ids = new ArrayList<>();
        registry().forEach(v -> ids.add(v.get("id").asText()));
        return ids;
    }

    /** The workbench's views of the book's data: with a tab, not a course screen, not the large image data. */
    static List<String> workbench() {
        List<String> ids = new ArrayList<>();
        registry().forEach(v -> {
            if (v.path("tab").asBoolean(true) && !v.path("course").asBoolean() && !v.path("imageData").asBoolean()) {
                ids.add(v.get("id").asText());
            }
        });
        return ids;
    }

    /** The views with a tab, in the tabs' order. */
    static List<String> tabs() {
        List<String> ids = new ArrayList<>();
        registry().forEach(v -> {
            if (v.path("tab").asBoolean(true)) {
                ids.add(v.get("id").asText());
            }
        });
        return ids;
    }
}
