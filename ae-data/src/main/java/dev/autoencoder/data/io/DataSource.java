package dev.autoencoder.data.io;

import dev.autoencoder.data.DataException;
import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.DataNotFoundException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Something a text or binary loader can read from, more than once if needed: a file or a classpath
 * resource. Opening checks that the file exists and is a regular readable file, and decompresses
 * gzip transparently (recognised by its magic bytes, not by the file name). It also builds the
 * errors that name the source, so that every loader reports problems the same way.
 */
public final class DataSource {
    private static final int BUFFER_SIZE = 1 << 16;

    /** Opens a fresh raw (possibly compressed) stream over the source's bytes. */
    @FunctionalInterface
    public interface Opener {
        /** A new stream positioned at the first byte. */
        InputStream open() throws IOException;
    }

    private final String description;
    private final Path file;
    private final Opener opener;

    private DataSource(String description, Path file, Opener opener) {
        this.description = description;
        this.file = file;
        this.opener = opener;
    }

    /** A source reading {@code file} (plain or gzip). */
    public static DataSource file(Path file) {
        Objects.requireNonNull(file, "file");
        return new DataSource(file.toString(), file, () -> Files.newInputStream(requireReadableFile(file)));
    }

    /**
     * A source reading the classpath resource {@code name} relative to {@code anchor}'s package (or
     * absolute with a leading slash), for data shipped inside a jar.
     */
    public static DataSource resource(Class<?> anchor, String name) {
        String description = "classpath:" + name;
        return new DataSource(description, null, () -> {
            InputStream in = anchor.getResourceAsStream(name);
            if (in == null) {
                throw new DataNotFoundException(description, "no such resource next to " + anchor.getName());
            }
            return in;
        });
    }

    /**
     * Checks that {@code file} exists, is a regular file (not a directory) and is readable.
     *
     * @return {@code file}, for chaining
     * @throws DataNotFoundException when it is missing or a directory
     * @throws DataException when it cannot be read
     */
    public static Path requireReadableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataNotFoundException(file, "is a directory, expected a file");
        }
        if (!Files.exists(file)) {
            throw new DataNotFoundException(file, "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataNotFoundException(file, "is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new DataException(file, "file is not readable (check its permissions)");
        }
        return file;
    }

    /** Whether {@code in} starts with the gzip magic bytes; {@code in} must support mark/reset. */
    public static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    /**
     * Opens the source for reading, decompressing gzip when the bytes start with its magic number.
     * The caller closes the stream.
     *
     * @throws DataNotFoundException when the file or resource is missing
     * @throws DataException when it cannot be opened
     */
    public InputStream open() {
        try {
            BufferedInputStream raw = new BufferedInputStream(opener.open(), BUFFER_SIZE);
            try {
                return startsWithGzipMagic(raw) ? new GZIPInputStream(raw, BUFFER_SIZE) : raw;
            } catch (IOException e) {
                raw.close();
                throw e;
            }
        } catch (IOException e) {
            throw readError(e);
        }
    }

    /** The file or resource name used at the start of every error message. */
    public String description() {
        return description;
    }

    /** The file behind this source, when it is a file. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** A format error at a 1-based {@code line} of this source (0 when not on one line). */
    public DataFormatException formatError(long line, String problem) {
        return new DataFormatException(description, file, line, problem, null);
    }

    /**
     * Translates an I/O failure while reading this source into the matching data error: a truncated
     * or corrupt gzip stream is a format error, anything else a plain {@link DataException}.
     */
    public DataException readError(IOException e) {
        if (e instanceof EOFException || e instanceof ZipException) {
            return new DataFormatException(description, file, 0,
                    "truncated or corrupt data (" + e.getMessage() + ")", e);
        }
        return file == null
                ? DataException.ofSource(description, "cannot read: " + e.getMessage(), e)
                : new DataException(file, "cannot read: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return description;
    }
}
