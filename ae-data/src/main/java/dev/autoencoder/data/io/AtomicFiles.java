package dev.autoencoder.data.io;

import dev.autoencoder.data.DataException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the same folder,
 * which is then renamed over the target. The file gets the default permissions of new files. A crash or an exception never leaves a half-written PNG or
 * CSV behind.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface ContentWriter {
        /** Writes the whole content to {@code out} (which the caller closes). */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with the bytes produced by {@code content}, creating missing parent
     * folders.
     *
     * @return {@code target}
     * @throws DataException when the file cannot be written
     */
    public static Path write(Path target, ContentWriter content) {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(absolute.getParent());
            // a fresh name rather than Files.createTempFile, whose owner-only permissions the result would keep
            temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            moveIntoPlace(temp, absolute);
            return target;
        } catch (IOException e) {
            throw new DataException(target, "cannot write: " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Renames {@code temp} to {@code target}, atomically where the file system allows it. */
    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes {@code file} if it is still there; a failure to delete is not worth an error. */
    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the temporary file is hidden and harmless; the original error matters more
            }
        }
    }
}
