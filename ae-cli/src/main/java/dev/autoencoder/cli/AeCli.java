package dev.autoencoder.cli;

import dev.autoencoder.cli.option.Choices;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The {@code ae} command line, ready to run in this process: {@link Main} uses it, and so can tests and programs
 * that embed the command (with their own writers).
 */
public final class AeCli {
    /** The option that shows INFO logging and stack traces. */
    public static final String VERBOSE = "--verbose";

    private AeCli() {
    }

    /** Runs {@code ae args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(verboseRequested(args), out, err).execute(args);
    }

    /** The configured command line: error handling, writers, help layout. */
    public static CommandLine commandLine(boolean verbose, PrintWriter out, PrintWriter err) {
        ErrorHandler errors = new ErrorHandler(verbose);
        CommandLine commandLine = new CommandLine(new AeCommand())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setUsageHelpAutoWidth(true);
        Choices.register(commandLine);
        return commandLine;
    }

    /** Whether {@code args} ask for {@value #VERBOSE} (before any {@code --} end of options). */
    public static boolean verboseRequested(String[] args) {
        return Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(VERBOSE::equals);
    }
}
