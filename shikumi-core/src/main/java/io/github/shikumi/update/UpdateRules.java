package io.github.shikumi.update;

import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The update rules by name, for every face (command line, web forms, model provenance): the one list of their
 * names and settings.
 */
public final class UpdateRules {
    /** Every rule's name and its settings besides η, with their defaults, in order. */
    private static final Map<String, Map<String, Double>> RULES = new LinkedHashMap<>();

    static {
        RULES.put("gd", Map.of());
        RULES.put("momentum", Map.of("momentum", 0.9));
        Map<String, Double> adam = new LinkedHashMap<>();
        adam.put("beta1", AdamUpdate.BETA1);
        adam.put("beta2", AdamUpdate.BETA2);
        adam.put("epsilon", AdamUpdate.EPSILON);
        RULES.put("adam", adam);
    }

    private UpdateRules() {
    }

    /**
     * The names, in order.
     *
     * @return "gd", "momentum", "adam"
     */
    public static List<String> names() {
        return List.copyOf(RULES.keySet());
    }

    /**
     * The settings a rule takes besides η, with their defaults.
     *
     * @param name a rule's name
     * @return its settings in order
     * @throws ShikumiException for {@code "optimizer"} when there is no rule of that name
     */
    public static Map<String, Double> settings(String name) {
        Map<String, Double> s = RULES.get(name);
        if (s == null) {
            throw new ShikumiException("optimizer", Msg.UPDATE_UNKNOWN, name, String.join(", ", RULES.keySet()));
        }
        return s;
    }

    /**
     * A rule by name.
     *
     * @param name     "gd", "momentum" or "adam"
     * @param eta      η
     * @param settings its other settings (absent ones take their defaults)
     * @return the rule
     * @throws ShikumiException naming {@code "optimizer"} for an unknown name, the setting that does not apply
     *         to this rule, or the value that is out of range
     */
    public static UpdateRule create(String name, double eta, Map<String, Double> settings) {
        Map<String, Double> known = settings(name);
        for (String k : settings.keySet()) {
            if (!known.containsKey(k)) {
                throw new ShikumiException(k, Msg.UPDATE_SETTING, k, name,
                        known.isEmpty() ? "eta" : "eta, " + String.join(", ", known.keySet()));
            }
        }
        Map<String, Double> s = new LinkedHashMap<>(known);
        s.putAll(settings);
        switch (name) {
            case "momentum":
                return new MomentumUpdate(eta, s.get("momentum"));
            case "adam":
                return new AdamUpdate(eta, s.get("beta1"), s.get("beta2"), s.get("epsilon"));
            default:
                return new PlainUpdate(eta);
        }
    }

    static double checkEta(double eta) {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new ShikumiException("eta", Msg.ETA_INVALID, String.valueOf(eta));
        }
        return eta;
    }
}
