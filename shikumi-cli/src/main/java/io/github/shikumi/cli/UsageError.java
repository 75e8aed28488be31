package io.github.shikumi.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A usage error whose message is already in the user's language (an option that does not apply, a value out of
 * range): printed as it is on one line, exit 2. picocli's own parse errors are translated by {@link ParseErrors}.
 */
final class UsageError extends ParameterException {
    private static final long serialVersionUID = 1L;

    UsageError(CommandLine commandLine, String message) {
        super(commandLine, message);
    }
}
