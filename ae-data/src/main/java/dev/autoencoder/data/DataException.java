package dev.autoencoder.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Base of every error raised when data cannot be read, found or trusted. The message always starts
 * with the source (a file path or a resource name) followed by the problem, so that one line on
 * stderr tells the user which file to fix and why. Nothing is returned half-loaded: a loader either
 * returns a complete dataset or throws one of these.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file or resource name the message starts with. */
    private final String source;
    /** The file, when the source is one (not serialised: Path is not serialisable). */
    private final transient Path file;

    /** An error about {@code file}; the message becomes {@code "<file>: <problem>"}. */
    public DataException(Path file, String problem) {
        this(file, problem, null);
    }

    /** An error about {@code file} caused by {@code cause} (usually an {@link java.io.IOException}). */
    public DataException(Path file, String problem, Throwable cause) {
        this(String.valueOf(Objects.requireNonNull(file, "file")), file, problem, cause);
    }

    /**
     * An error about a source that is not necessarily a file (a classpath resource, a URL), or that
     * is a file when {@code file} is non-null.
     */
    protected DataException(String source, Path file, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.file = file;
    }

    /** An error about a named source that is not a file, such as a bundled resource or a URL. */
    public static DataException ofSource(String source, String problem, Throwable cause) {
        return new DataException(source, null, problem, cause);
    }

    /** The file or resource the error is about, as printed at the start of the message. */
    public String source() {
        return source;
    }

    /** The file the error is about, when the source is a file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
