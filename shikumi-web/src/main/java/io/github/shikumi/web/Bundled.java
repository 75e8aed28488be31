package io.github.shikumi.web;

import io.github.shikumi.data.Dataset;
import io.github.shikumi.format.Datasets;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The bundled datasets of core, loaded once and shared read-only by every session. */
final class Bundled {
    /** The held-out set that results are also measured on, when the session's data have its labels and shape. */
    static final String TEST_SET = "aple-test";

    private static final Map<String, Optional<Dataset>> CACHE = new ConcurrentHashMap<>();

    private Bundled() {
    }

    /** The bundled dataset {@code name}, or 400 naming the bundled ones. */
    static Dataset get(String name) {
        if (!Datasets.BUNDLED.contains(name)) {
            throw new ShikumiException(name, Msg.DATA_UNKNOWN_NAME, name, String.join(", ", available()));
        }
        return load(name).orElseThrow(
                () -> new ShikumiException(name, Msg.DATA_UNKNOWN_NAME, name, String.join(", ", available())));
    }

    /** The bundled names that this build ships. */
    static List<String> available() {
        List<String> names = new ArrayList<>();
        for (String n : Datasets.BUNDLED) {
            if (load(n).isPresent()) {
                names.add(n);
            }
        }
        return names;
    }

    /** The held-out test set, if it fits data of these labels and this shape. */
    static Optional<Dataset> testSetFor(Dataset data) {
        return load(TEST_SET).filter(t -> t.labels().equals(data.labels()) && t.height() == data.height()
                && t.width() == data.width());
    }

    private static Optional<Dataset> load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return Optional.of(Datasets.bundled(n));
            } catch (IllegalStateException missing) {
                return Optional.empty();
            }
        });
    }
}
