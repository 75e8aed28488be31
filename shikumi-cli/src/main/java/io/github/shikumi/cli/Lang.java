package io.github.shikumi.cli;

import picocli.CommandLine.Option;

/** The {@code --lang ja|en} option every command accepts (the value is read before parsing, see {@link Cli}). */
public final class Lang {
    /** Accepted values. */
    public enum Code { ja, en }

    @Option(names = "--lang", paramLabel = "ja|en", descriptionKey = "lang")
    Code lang;
}
