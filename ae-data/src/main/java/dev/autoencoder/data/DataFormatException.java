package dev.autoencoder.data;

import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The content of a source is malformed: a wrong magic number, dimensions that do not match the
 * length, a ragged CSV row, a non-numeric cell, images of mixed sizes, a truncated gzip stream.
 * When the problem sits on one line of a text file, {@link #line()} gives it (1-based) and the
 * message names it too.
 */
public class DataFormatException extends DataException {
    private static final long serialVersionUID = 1L;

    /** The 1-based line of the problem, or 0 when it is not on one line. */
    private final long line;

    /** A format problem in {@code file} as a whole. */
    public DataFormatException(Path file, String problem) {
        this(String.valueOf(file), file, 0, problem, null);
    }

    /** A format problem in {@code file} detected through {@code cause}. */
    public DataFormatException(Path file, String problem, Throwable cause) {
        this(String.valueOf(file), file, 0, problem, cause);
    }

    /**
     * A format problem in a source on a given 1-based line (0 when the problem is not on one line).
     * {@code file} may be null when the source is not a file.
     */
    public DataFormatException(String source, Path file, long line, String problem, Throwable cause) {
        super(line > 0 ? source + ":" + line : source, file, problem, cause);
        this.line = line;
    }

    /** The 1-based line of a text source the problem is on, if it is on one line. */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }
}
