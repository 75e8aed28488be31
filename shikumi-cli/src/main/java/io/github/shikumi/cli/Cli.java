package io.github.shikumi.cli;

import io.github.shikumi.text.ShikumiException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import picocli.CommandLine;

/**
 * Builds the {@code shikumi} command line and runs it. Exit codes: 0 ok, 1 the job failed,
 * 2 bad input or usage. Errors are one line on stderr, never a stack trace
 * (set SHIKUMI_DEBUG=1 to see one for an internal error).
 */
public final class Cli {
    public static final String HELP_BUNDLE = "io.github.shikumi.cli.help";

    private Cli() {
    }

    /** Runs the command line with the given streams (UTF-8) and returns the exit code. */
    public static int run(String[] args, OutputStream stdout, OutputStream stderr) {
        Locale locale = languageOf(args);
        // every byte to the terminal goes through TerminalSafe: a label cannot carry an escape sequence to it
        PrintWriter out = new PrintWriter(new TerminalSafe(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)), true);
        PrintWriter err = new PrintWriter(new TerminalSafe(new OutputStreamWriter(stderr, StandardCharsets.UTF_8)), true);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(locale); // picocli reads help bundles in the default locale
            CommandLine cl = commandLine(locale, err, args);
            cl.setOut(out);
            cl.setErr(err);
            return cl.execute(args);
        } finally {
            Locale.setDefault(saved);
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(Locale locale, PrintWriter err, String[] args) {
        Text text = Text.of(locale);
        CommandLine cl = new CommandLine(new ShikumiCommand());
        String named = commandNamed(args);
        for (java.util.Map.Entry<String, Class<?>> c : ShikumiCommand.COMMANDS.entrySet()) {
            if (named == null || named.equals(c.getKey())) {
                cl.addSubcommand(c.getKey(), c.getValue()); // the job's own command only, when the line names one
            }
        }
        cl.setResourceBundle(ResourceBundle.getBundle(HELP_BUNDLE, locale));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(ParseErrors.line(ex, text)); // one line, in the user's language
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof ShikumiException) {
                ShikumiException e = (ShikumiException) ex;
                err.println("shikumi: " + e.message(locale, optionFor(e.where())));
                return 2;
            }
            if (System.getenv("SHIKUMI_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            String what = (ex.getClass().getSimpleName() + ": " + ex.getMessage()).replaceAll("\\s+", " ").trim();
            err.println("shikumi: " + text.get("error.internal", what)); // one line, like every error
            return 1;
        });
        return cl;
    }

    /** Fields of core's settings that are options of the same name here: the library's {@code eta} is {@code --eta}. */
    private static final Set<String> OPTION_FIELDS = Set.of("eta", "iterations", "hidden", "momentum", "batch", "epochs",
            "validation", "patience", "threads", "shape", "image", "layers", "output", "precision", "seed", "optimizer", "beta1", "beta2", "epsilon", "activation");

    /** How the CLI names where a problem is: its option for a library field, else the file or location as it is. */
    static String optionFor(String where) {
        return OPTION_FIELDS.contains(where) ? "--" + where : where;
    }

    /**
     * The subcommand a command line names before anything else but {@code --lang}: its first word when it is one
     * of {@link ShikumiCommand#COMMANDS}; else null (help, the version, an unknown command, a mistyped option: then
     * every command is registered, for the root's help and picocli's suggestions).
     */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang")) {
                i++;
            } else if (!args[i].startsWith("--lang=")) {
                return ShikumiCommand.COMMANDS.containsKey(args[i]) ? args[i] : null;
            }
        }
        return null;
    }

    /** The language asked for by {@code --lang ja|en} (or {@code --lang=ja}), else the system's. */
    static Locale languageOf(String[] args) {
        String lang = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--lang") && i + 1 < args.length) {
                lang = args[i + 1];
            } else if (args[i].startsWith("--lang=")) {
                lang = args[i].substring("--lang=".length());
            }
        }
        if (lang == null) {
            lang = Locale.getDefault().getLanguage();
        }
        return "ja".equalsIgnoreCase(lang) ? Locale.JAPANESE : Locale.ENGLISH;
    }
}
