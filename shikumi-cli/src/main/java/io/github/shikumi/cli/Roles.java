package io.github.shikumi.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.shikumi.model.Activation;
import io.github.shikumi.model.Network;
import io.github.shikumi.text.Msg;
import io.github.shikumi.text.ShikumiException;
import io.github.shikumi.update.UpdateRule;
import io.github.shikumi.update.UpdateRules;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's view of the roles of issue 12: activations of the hidden layers ({@link Activation}) and
 * update rules ({@link UpdateRules}), their names always asked of the role or the registry.
 */
final class Roles {
    private Roles() {
    }

    /** The activations' names for picocli's help ({@code ${COMPLETION-CANDIDATES}}). */
    static final class ActivationNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>();
            for (Activation a : Activation.values()) {
                names.add(a.id());
            }
            return names.iterator();
        }
    }

    /** The update rules' names for picocli's help. */
    static final class RuleNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return UpdateRules.names().iterator();
        }
    }

    /**
     * The activations of {@code --activation}: none given, σ for every hidden layer (the book's); one name, that
     * activation for every hidden layer; else one name per hidden layer.
     *
     * @throws ShikumiException for {@code --activation} and an unknown name
     * @throws UsageError when there is neither one name nor one per hidden layer
     */
    static List<Activation> activations(List<String> names, int hiddenLayers, picocli.CommandLine.Model.CommandSpec spec, Text t) {
        if (names == null || names.isEmpty()) {
            return Collections.nCopies(hiddenLayers, Activation.SIGMOID);
        }
        List<Activation> acts = new ArrayList<>();
        for (String name : names) {
            Activation a = Activation.of(name.strip().toLowerCase(Locale.ROOT));
            if (a == null) {
                throw new ShikumiException("--activation", Msg.MODEL_ACTIVATION, name, Activation.names());
            }
            acts.add(a);
        }
        if (acts.size() == 1) {
            return Collections.nCopies(hiddenLayers, acts.get(0));
        }
        if (acts.size() != hiddenLayers) {
            throw new UsageError(spec.commandLine(), t.get("usage.activationCount", "--activation", acts.size(), hiddenLayers,
                    Activation.names()));
        }
        return acts;
    }

    /** "hidden layers: tanh, relu" when some hidden layer is not the book's σ; nothing for the book's network. */
    static void activationLine(PrintWriter w, Text t, Network net) {
        List<Activation> acts = net.activations();
        if (acts.stream().allMatch(a -> a == Activation.SIGMOID)) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Activation a : acts) {
            names.add(a.id());
        }
        w.println(t.get("train.activations", String.join(", ", names)));
    }

    /** "η = 0.1, μ = 0.9": the rule's settings, each by its symbol ({@code setting.NAME} in text.properties) or name. */
    static String settingsText(Text t, UpdateRule rule) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : rule.settings().entrySet()) {
            String key = "setting." + e.getKey();
            String symbol = t.has(key) ? t.get(key) : e.getKey();
            Object v = e.getValue();
            parts.add(symbol + " = " + (v instanceof Number ? Fmt.sig(((Number) v).doubleValue()) : String.valueOf(v)));
        }
        return String.join(t.get("setting.separator"), parts);
    }

    /** {@code "optimizer": {"name": "adam", "eta": …, "beta1": …, …}}: the rule and all its settings. */
    static ObjectNode putRule(ObjectNode root, UpdateRule rule) {
        ObjectNode o = root.putObject("optimizer");
        o.put("name", rule.name());
        putSettings(o, rule);
        return o;
    }

    /** The rule's settings as fields of {@code o}. */
    static void putSettings(ObjectNode o, UpdateRule rule) {
        for (Map.Entry<String, Object> e : rule.settings().entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number) {
                o.put(e.getKey(), ((Number) v).doubleValue());
            } else {
                o.put(e.getKey(), String.valueOf(v));
            }
        }
    }
}
