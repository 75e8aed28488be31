package io.github.shikumi.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code --lang ja|en} option every command accepts: declared on the root command and inherited by every
 * subcommand (picocli's {@code ScopeType.INHERIT}); the value is read before parsing, see {@link Cli}.
 */
public final class Lang {
    /** Accepted values. */
    public enum Code { ja, en }

    @Option(names = "--lang", paramLabel = "ja|en", descriptionKey = "lang", scope = ScopeType.INHERIT)
    Code lang;
}
