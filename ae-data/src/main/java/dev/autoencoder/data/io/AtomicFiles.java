package dev.autoencoder.data.io;

import dev.autoencoder.data.DataException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes a file all at once or not at all, the one implementation of that for the framework (PNGs, CSVs, data
 * recipes, checkpoints, downloads). The content goes to a hidden temporary file in the target's folder, which is
 * forced to disk, renamed over the target in one atomic move (a plain replacing move where the file system cannot
 * rename atomically), and then the folder itself is forced so that the rename survives a crash. A crash or an
 * exception never leaves a half-written file behind: on failure the temporary file is deleted and an existing
 * target stays as it was. Files get the default permissions of new files.
 */
public final class AtomicFiles {
    private static final int STREAM_BUFFER = 1 << 16;

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface ContentWriter {
        /** Writes the whole content to {@code out} (which the caller closes). */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a file to a channel, for writers of large binary files that fill byte buffers. */
    @FunctionalInterface
    public interface ChannelWriter {
        /** Writes the whole content to {@code out}, positioned at the file's start (the caller closes it). */
        void writeTo(FileChannel out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} with the bytes produced by {@code content}, creating missing parent folders.
     *
     * @return {@code target}
     * @throws DataException when the file cannot be written
     */
    public static Path write(Path target, ContentWriter content) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            replace(target, channel -> {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), STREAM_BUFFER);
                content.writeTo(out);
                out.flush();
            });
            return target;
        } catch (IOException e) {
            throw new DataException(target, "cannot write: " + e, e);
        }
    }

    /**
     * Replaces {@code target} (in an existing folder) by what {@code content} writes, atomically. I/O failures
     * propagate as they are, for the caller to report in its own terms; unchecked ones too.
     *
     * @throws IOException when the file cannot be written (nothing is changed then)
     */
    public static void replace(Path target, ChannelWriter content) throws IOException {
        replace(target, content, AtomicFiles::syncFolder);
    }

    /** {@link #replace(Path, ChannelWriter)} with the final folder sync given, so that tests can watch it. */
    static void replace(Path target, ChannelWriter content, Consumer<Path> folderSync) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        // a fresh name rather than Files.createTempFile, whose owner-only permissions the result would keep
        Path temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
                out.force(true);
            }
            moveIntoPlace(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            deleteAfterFailure(temp, e);
            throw e;
        }
        folderSync.accept(folder);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteAfterFailure(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Forces the folder's entry for the renamed file to disk, so that the rename survives a crash on POSIX file
     * systems. Best effort: where folders cannot be opened (Windows) the rename is as durable as it gets, and the
     * file itself is already complete on disk.
     *
     * @return whether the folder was forced
     */
    static boolean syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
