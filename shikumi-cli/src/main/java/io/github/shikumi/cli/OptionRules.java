package io.github.shikumi.cli;

import io.github.shikumi.update.UpdateRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every option applies or is refused: each command states, in one chain at the start of {@code call()} and before
 * any work, which option needs which condition. An option the user gave whose condition does not hold is a usage
 * error ({@link UsageError}: one line, exit 2); options left at their defaults are never refused.
 *
 * <pre>{@code
 * OptionRules.of(spec, t)
 *         .needs("--momentum", miniBatch, "usage.needsMiniBatch")
 *         .notWith("--hidden", "--layers")
 *         .needsOneOf("--force", "--out");
 * }</pre>
 */
final class OptionRules {
    private final CommandSpec spec;
    private final Text t;

    private OptionRules(CommandSpec spec, Text t) {
        this.spec = spec;
        this.t = t;
    }

    static OptionRules of(CommandSpec spec, Text t) {
        return new OptionRules(spec, t);
    }

    /** Whether {@code option} was given on the command line (not merely left at its default). */
    boolean given(String option) {
        ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /**
     * {@code option}, if given, needs {@code condition}; else refused with the text of {@code key}, whose {0} is
     * the option and {1}, {2}, … are {@code more}.
     */
    OptionRules needs(String option, boolean condition, String key, Object... more) {
        if (given(option) && !condition) {
            Object[] args = new Object[more.length + 1];
            args[0] = option;
            System.arraycopy(more, 0, args, 1, more.length);
            throw new UsageError(spec.commandLine(), t.get(key, args));
        }
        return this;
    }

    /** {@code option}, if given, needs one of {@code others} ("--force needs --csv or --chart"). */
    OptionRules needsOneOf(String option, String... others) {
        boolean any = false;
        for (String o : others) {
            any |= given(o);
        }
        return needs(option, any, "usage.needsOption", or(others));
    }

    /** {@code option} and {@code other} cannot both be given ("--hidden cannot be used with --layers"). */
    OptionRules notWith(String option, String other) {
        return needs(option, !given(other), "usage.notWith", other);
    }

    /**
     * The settings of the update rules besides η ({@code --momentum}, {@code --beta1}, …: the option of each setting
     * is {@code --} and its name), if given, need the rule {@code rule} to take them ({@link UpdateRules#settings}).
     *
     * @throws io.github.shikumi.text.ShikumiException for {@code optimizer} when there is no rule of that name
     */
    OptionRules ruleSettings(String rule) {
        Map<String, Double> applies = UpdateRules.settings(rule);
        for (String other : UpdateRules.names()) {
            for (String setting : UpdateRules.settings(other).keySet()) {
                needs("--" + setting, applies.containsKey(setting), "usage.ruleSetting", rule, takers(setting));
            }
        }
        return this;
    }

    /** The settings of {@code rule} given on the command line, by their names in {@link UpdateRules#settings}. */
    Map<String, Double> ruleValues(String rule) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String setting : UpdateRules.settings(rule).keySet()) {
            if (given("--" + setting)) {
                values.put(setting, spec.findOption("--" + setting).getValue());
            }
        }
        return values;
    }

    /** "momentum", "gd or momentum": the rules that take {@code setting}. */
    private String takers(String setting) {
        List<String> names = new ArrayList<>();
        for (String rule : UpdateRules.names()) {
            if (UpdateRules.settings(rule).containsKey(setting)) {
                names.add(rule);
            }
        }
        return or(names.toArray(new String[0]));
    }

    /** {@code --shape}, if given, needs CSV data: bundled sets, bitmap text and IDX files carry their own shape. */
    OptionRules shapeFor(String data) {
        return needs("--shape", ShapeOption.appliesTo(data), "usage.needsCsv");
    }

    /**
     * The value of {@code option} (given or its default) must satisfy {@code valid}; else refused with the text
     * of {@code key}: {0} the option, {1} the value as typed.
     */
    OptionRules value(String option, boolean valid, String key) {
        if (!valid) {
            throw new UsageError(spec.commandLine(), t.get(key, option, typed(option)));
        }
        return this;
    }

    /** The value of {@code option} as the user typed it (the last one), else its default as text. */
    private String typed(String option) {
        ParseResult parsed = spec.commandLine().getParseResult();
        OptionSpec o = parsed != null && parsed.hasMatchedOption(option) ? parsed.matchedOption(option) : spec.findOption(option);
        List<String> values = o == null ? List.of() : o.stringValues();
        return values.isEmpty() ? String.valueOf(o == null ? null : o.defaultValue()) : values.get(values.size() - 1);
    }

    /** "--csv or --chart", "--a, --b or --c", in the user's language. */
    private String or(String... names) {
        if (names.length == 1) {
            return names[0];
        }
        List<String> head = new ArrayList<>(List.of(names).subList(0, names.length - 1));
        return t.get("usage.or", String.join(", ", head), names[names.length - 1]);
    }
}
