package dev.autoencoder.cli;

import dev.autoencoder.api.TensorException;
import dev.autoencoder.data.DataException;
import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.train.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into exit codes and one line on stderr. Bad usage, bad input files, damaged or incompatible
 * checkpoints, unknown backends, a diverged training run and I/O errors exit with 2; anything else is a bug and
 * exits with 1. The stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    /** Exit code of bad usage or bad input. */
    static final int BAD_INPUT = 2;
    /** Exit code of an internal error. */
    static final int INTERNAL_ERROR = 1;

    private static final List<Class<? extends Throwable>> USER_ERRORS = List.of(DataException.class,
            CheckpointException.class, TensorException.class, TrainingDivergedException.class,
            IllegalArgumentException.class, IOException.class, UncheckedIOException.class);

    private final boolean verbose;

    ErrorHandler(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        report(cl.getErr(), name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')", ex);
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        String name = cl.getCommandSpec().qualifiedName();
        for (Throwable t = ex; t != null; t = t.getCause()) {
            Throwable candidate = t;
            if (USER_ERRORS.stream().anyMatch(type -> type.isInstance(candidate))) {
                report(cl.getErr(), name + ": " + describe(candidate), ex);
                return BAD_INPUT;
            }
        }
        report(cl.getErr(), name + ": internal error: " + oneLine(String.valueOf(ex))
                + (verbose ? "" : " (run with --verbose for the stack trace)"), ex);
        return INTERNAL_ERROR;
    }

    private void report(PrintWriter err, String line, Throwable cause) {
        err.println(line);
        if (verbose) {
            cause.printStackTrace(err);
        }
        err.flush();
    }

    /** The problem in words: the exception's message, completed where the JDK's is only a path. */
    static String describe(Throwable t) {
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : oneLine(t.getMessage());
        String detail = t instanceof NoSuchFileException ? ": no such file or folder" : t instanceof FileAlreadyExistsException
                ? ": already exists" : t instanceof AccessDeniedException ? ": permission denied" : "";
        return (t instanceof TrainingDivergedException ? "training diverged: " : "") + message + detail;
    }

    /** {@code text} on one line: line breaks and the indentation after them become "; ". */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
