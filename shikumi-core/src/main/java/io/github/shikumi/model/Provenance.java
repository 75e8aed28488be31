package io.github.shikumi.model;

import io.github.shikumi.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * How a model was made (the {@code "provenance"} of its JSON), built here and only here, always in one key
 * order ({@link #ORDER}, then any other keys alphabetically), so that the same run writes the same bytes on
 * every JVM (a {@code Map.of} iterates in an order that varies between JVMs). A trained model records the
 * shikumi version, the data's name and content hash, its initialisation and seed, the optimiser with all
 * its settings, and the iterations or epochs run.
 */
public final class Provenance {
    /** The keys in the order they are written. */
    public static final List<String> ORDER = List.of("shikumi", "data", "dataHash", "init", "seed", "from",
            "optimizer", "eta", "momentum", "batch", "epochs", "iterations", "shuffleSeed", "validation", "patience",
            "precision");

    private static final String VERSION = readVersion();

    private Provenance() {
    }

    /**
     * The shikumi version that is running (from the build), e.g. "0.1.0-SNAPSHOT".
     *
     * @return the version from {@code shikumi.properties}, or {@code "dev"} when the build wrote none
     */
    public static String version() {
        return VERSION;
    }

    /**
     * The same entries in the canonical order: {@link #ORDER}, then the other keys sorted. Unmodifiable.
     *
     * @param entries provenance entries in any order
     * @return an unmodifiable copy of {@code entries} that iterates in the canonical order
     */
    public static Map<String, Object> canonical(Map<String, ?> entries) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : ORDER) {
            if (entries.containsKey(key)) {
                out.put(key, entries.get(key));
            }
        }
        List<String> rest = new ArrayList<>(entries.keySet());
        rest.removeAll(ORDER);
        Collections.sort(rest);
        for (String key : rest) {
            out.put(key, entries.get(key));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * A start drawn from a seed: {@code init} names the distribution.
     *
     * @param init the name of the distribution the parameters were drawn from
     * @param seed the seed of the random numbers
     * @return the canonical entries {@code "init"} and {@code "seed"}
     */
    public static Map<String, Object> initial(String init, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("init", init);
        m.put("seed", seed);
        return canonical(m);
    }

    /**
     * A trained model: the start's entries (its initialisation and seed) with the version, the data, the
     * optimiser's name and settings, and the run's length ({@code "iterations"} or {@code "epochs"} with its
     * count) put over them.
     *
     * @param start     the network training began from; its provenance gives the initialisation and seed
     * @param data      the training data; gives {@code "data"} (its name) and {@code "dataHash"}
     * @param optimizer the optimiser's name, for {@code "optimizer"}
     * @param settings  the optimiser's settings (η, momentum, batch size, …), put in under their own keys
     * @param runKey    {@code "iterations"} or {@code "epochs"}
     * @param runLength how many iterations or epochs were run
     * @return the canonical provenance of the trained model
     */
    public static Map<String, Object> trained(Network start, Dataset data, String optimizer,
                                              Map<String, ?> settings, String runKey, int runLength) {
        Map<String, Object> m = new LinkedHashMap<>(start.provenance());
        m.put("shikumi", VERSION);
        m.put("data", data.name());
        m.put("dataHash", data.contentHash());
        m.put("optimizer", optimizer);
        m.putAll(settings);
        m.put(runKey, runLength);
        return canonical(m);
    }

    private static String readVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("/io/github/shikumi/shikumi.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
