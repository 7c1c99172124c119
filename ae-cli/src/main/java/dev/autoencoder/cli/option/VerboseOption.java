package dev.autoencoder.cli.option;

import picocli.CommandLine.Option;

/**
 * {@code --verbose}, shared by every command. Its effect is process-wide and decided before parsing (logging is set
 * up before the first logger exists), so the parsed value itself is not consulted.
 */
public final class VerboseOption {
    @Option(names = "--verbose", description = "Show INFO logging, and the stack trace of an error.")
    private boolean verbose;
}
