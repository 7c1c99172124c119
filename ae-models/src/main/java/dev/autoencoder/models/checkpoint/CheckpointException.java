package dev.autoencoder.models.checkpoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint file could not be read or written. The message starts with the file's path and then says exactly
 * what is wrong, so that a user who passed the wrong file, or a damaged one, sees at once which file and why.
 */
public class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Transient because {@link Path} is not serializable (and nothing in the framework uses serialization). */
    private final transient Path file;

    /** A failure concerning {@code file}; the message becomes {@code "<file>: <problem>"}. */
    public CheckpointException(Path file, String problem) {
        super(Objects.requireNonNull(file, "file") + ": " + problem);
        this.file = file;
    }

    /** A failure concerning {@code file} caused by {@code cause}; the message becomes {@code "<file>: <problem>"}. */
    public CheckpointException(Path file, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + problem, cause);
        this.file = file;
    }

    /** The checkpoint file concerned, as the caller named it. */
    public Path file() {
        return file;
    }
}
