package io.github.shikumi.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * picocli's parse errors (unknown option, missing value, a value of the wrong type, …) in the user's language,
 * as one line: {@code shikumi: <what> (see: shikumi train --help)}. Our own {@link UsageError}s are printed as
 * they are, without the hint: they name what to change. An exception picocli may add later falls back to its
 * own English text.
 */
final class ParseErrors {
    private ParseErrors() {
    }

    /** The one line printed on stderr for {@code ex}. */
    static String line(ParameterException ex, Text t) {
        if (ex instanceof UsageError) {
            return "shikumi: " + oneLine(ex.getMessage());
        }
        String hint = t.get("hint.help", ex.getCommandLine().getCommandSpec().qualifiedName());
        return "shikumi: " + message(ex, t) + " " + hint;
    }

    static String message(ParameterException ex, Text t) {
        if (ex instanceof UnmatchedArgumentException) {
            return unmatched((UnmatchedArgumentException) ex, t);
        }
        if (ex instanceof MissingParameterException) {
            return missing((MissingParameterException) ex, t);
        }
        if (ex instanceof OverwrittenOptionException) {
            return t.get("usage.twice", name(((OverwrittenOptionException) ex).getOverwritten()));
        }
        if (ex.getClass() == ParameterException.class && ex.getArgSpec() != null && ex.getValue() != null) {
            // picocli's "Invalid value for option '--eta': 'abc' is not a double"
            return t.get("usage.invalidValue", name(ex.getArgSpec()), ex.getValue(), expected(ex.getArgSpec(), t));
        }
        return t.get("usage.other", oneLine(ex.getMessage()));
    }

    private static String unmatched(UnmatchedArgumentException ex, Text t) {
        List<String> args = ex.getUnmatched();
        if (ex.isUnknownOption()) {
            // "--ETA 1": picocli lists the value too; name the options only
            List<String> options = args.stream().filter(a -> a.startsWith("-")).collect(Collectors.toList());
            return t.get("usage.unknownOption", String.join(", ", options.isEmpty() ? args : options));
        }
        boolean hasSubcommands = !ex.getCommandLine().getSubcommands().isEmpty();
        return t.get(hasSubcommands ? "usage.unknownCommand" : "usage.unmatched", String.join(" ", args));
    }

    private static String missing(MissingParameterException ex, Text t) {
        List<ArgSpec> specs = ex.getMissing() == null ? List.of() : ex.getMissing();
        String names = specs.stream().map(ParseErrors::name).collect(Collectors.joining(", "));
        // picocli has one exception type for three cases; its (always English) text tells them apart
        String text = String.valueOf(ex.getMessage());
        if (text.startsWith("Missing required option")) {
            return t.get("usage.missingOptions", names);
        }
        if (specs.isEmpty() || !specs.get(0).isOption()) {
            return t.get("usage.missingParameter", names);
        }
        // "Missing required parameter for option '--eta' (η)", "Expected parameter for option '--eta' but found '--json'"
        return t.get("usage.missingValue", names, specs.get(0).paramLabel());
    }

    /** What the option takes: a whole number, a number, true or false, one of ja, en. */
    private static String expected(ArgSpec spec, Text t) {
        Class<?> type = spec.type().isArray() ? spec.type().getComponentType() : spec.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return t.get("usage.type.integer");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return t.get("usage.type.number");
        }
        if (type == boolean.class || type == Boolean.class) {
            return t.get("usage.type.boolean");
        }
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                values.add(String.valueOf(c));
            }
            return t.get("usage.type.oneOf", String.join(", ", values));
        }
        return t.get("usage.type.other");
    }

    /** An option by its longest name ("--eta"), a positional parameter by its label ("NAME|FILE"). */
    private static String name(ArgSpec spec) {
        return spec.isOption() ? ((OptionSpec) spec).longestName() : spec.paramLabel();
    }

    private static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\s+", " ").trim();
    }
}
