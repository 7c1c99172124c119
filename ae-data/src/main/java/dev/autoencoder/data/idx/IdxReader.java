package dev.autoencoder.data.idx;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.io.DataSource;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files (the format of MNIST, Fashion-MNIST, EMNIST, KMNIST), plain or gzip-compressed.
 * Before allocating anything it validates the magic number, the element type and the dimensions
 * against the length of the data (for gzip, against the uncompressed length recorded in the
 * trailer, confirmed by decompressing when in doubt); while reading it detects truncation and
 * trailing bytes. Any problem is a {@link DataFormatException} naming the file.
 */
public final class IdxReader {
    private static final int BUFFER_SIZE = 1 << 16;
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int GZIP_MIN_SIZE = 18;

    private interface ChunkDecoder<A> {
        void decode(IdxType type, ByteBuffer src, A dst, int offset, int count);
    }

    private record Content<A>(IdxHeader header, A values) {
    }

    /** Reads and validates only the header of {@code file} (cheap even for a large file). */
    public IdxHeader readHeader(Path file) {
        DataSource.requireReadableFile(file);
        try (InputStream in = openDecompressed(file)) {
            return parseHeader(file, in);
        } catch (IOException e) {
            throw DataSource.file(file).readError(e);
        }
    }

    /** Reads a whole IDX file of any element type as floats. */
    public IdxArray readFloats(Path file) {
        Content<float[]> content = read(file, false, float[]::new, IdxType::decodeFloats);
        return new IdxArray(file, content.header(), content.values());
    }

    /**
     * Reads a whole IDX file of an integral element type as ints (labels).
     *
     * @throws DataFormatException when the elements are floating-point
     */
    public IdxIntArray readInts(Path file) {
        Content<int[]> content = read(file, true, int[]::new, IdxType::decodeInts);
        return new IdxIntArray(file, content.header(), content.values());
    }

    private <A> Content<A> read(Path file, boolean integral, IntFunction<A> allocate, ChunkDecoder<A> decoder) {
        DataSource.requireReadableFile(file);
        try (InputStream in = openDecompressed(file)) {
            IdxHeader header = parseHeader(file, in);
            if (integral && !header.type().isIntegral()) {
                throw new DataFormatException(file, "holds " + header.type() + " elements where integers are expected");
            }
            checkDataLength(file, header);
            A values = allocate.apply((int) header.elementCount());
            readData(file, in, header, values, decoder);
            if (in.read() >= 0) {
                throw new DataFormatException(file, "has bytes after the data that its dimensions "
                        + Arrays.toString(header.dims()) + " describe");
            }
            return new Content<>(header, values);
        } catch (IOException e) {
            throw DataSource.file(file).readError(e);
        }
    }

    private static <A> void readData(Path file, InputStream in, IdxHeader header, A values, ChunkDecoder<A> decoder)
            throws IOException {
        IdxType type = header.type();
        int perChunk = BUFFER_SIZE / type.bytes();
        byte[] chunk = new byte[perChunk * type.bytes()];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        int total = (int) header.elementCount();
        for (int done = 0; done < total; ) {
            int count = Math.min(perChunk, total - done);
            int wanted = count * type.bytes();
            int got = in.readNBytes(chunk, 0, wanted);
            if (got < wanted) {
                long have = (long) done * type.bytes() + got;
                throw new DataFormatException(file, "ends after " + have + " of the " + header.dataBytes()
                        + " data bytes that its dimensions " + Arrays.toString(header.dims()) + " need");
            }
            buffer.clear();
            decoder.decode(type, buffer, values, done, count);
            done += count;
        }
    }

    private static IdxHeader parseHeader(Path file, InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new DataFormatException(file, "is too short to hold an IDX header (4-byte magic number)", e);
        }
        if ((magic >>> 16) != 0) {
            throw new DataFormatException(file, String.format(
                    "is not an IDX file: magic number 0x%08X does not start with two zero bytes", magic));
        }
        int typeCode = (magic >>> 8) & 0xFF;
        IdxType type = IdxType.ofCode(typeCode).orElseThrow(() -> new DataFormatException(file, String.format(
                "has an unknown IDX element type 0x%02X in magic number 0x%08X (known: 08, 09, 0B, 0C, 0D, 0E)",
                typeCode, magic)));
        int rank = magic & 0xFF;
        if (rank == 0) {
            throw new DataFormatException(file, String.format("IDX magic number 0x%08X declares no dimensions", magic));
        }
        int[] dims = new int[rank];
        long elements = 1;
        for (int i = 0; i < rank; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw new DataFormatException(file, "ends inside the IDX header (" + rank + " dimensions declared, "
                        + i + " present)", e);
            }
            if (dims[i] <= 0) {
                throw new DataFormatException(file, "declares dimension " + i + " as " + Integer.toUnsignedString(dims[i])
                        + (dims[i] == 0 ? " (empty)" : " (more than 2^31-1)"));
            }
            elements = Math.min((long) MAX_ELEMENTS + 1, elements * dims[i]);
        }
        if (elements > MAX_ELEMENTS) {
            throw new DataFormatException(file, "declares dimensions " + Arrays.toString(dims)
                    + ", more elements than one Java array can hold");
        }
        return new IdxHeader(type, dims);
    }

    /** Checks, before allocating, that the file holds exactly the data the header declares. */
    private static void checkDataLength(Path file, IdxHeader header) throws IOException {
        long expectedTotal = header.headerBytes() + header.dataBytes();
        long actualTotal;
        if (isGzip(file)) {
            long size = Files.size(file);
            boolean trailerAgrees = size >= GZIP_MIN_SIZE && gzipTrailerSize(file) == (expectedTotal & 0xFFFF_FFFFL);
            if (trailerAgrees) {
                return;
            }
            actualTotal = decompressedLength(file);
        } else {
            actualTotal = Files.size(file);
        }
        long actualData = actualTotal - header.headerBytes();
        if (actualData < header.dataBytes()) {
            throw new DataFormatException(file, "dimensions " + Arrays.toString(header.dims()) + " of " + header.type()
                    + " need " + header.dataBytes() + " data bytes but the file has only " + actualData
                    + " (truncated, or a wrong header)");
        }
        if (actualData > header.dataBytes()) {
            throw new DataFormatException(file, "has " + actualData + " data bytes but its dimensions "
                    + Arrays.toString(header.dims()) + " of " + header.type() + " describe " + header.dataBytes());
        }
    }

    private static InputStream openDecompressed(Path file) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
        try {
            return DataSource.startsWithGzipMagic(raw) ? new GZIPInputStream(raw, BUFFER_SIZE) : raw;
        } catch (IOException e) {
            raw.close();
            throw e;
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 2)) {
            return DataSource.startsWithGzipMagic(in);
        }
    }

    /** The uncompressed size modulo 2^32 that the last four bytes of a gzip file record. */
    private static long gzipTrailerSize(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(trailer, channel.size() - 4);
            return trailer.getInt(0) & 0xFFFF_FFFFL;
        }
    }

    private static long decompressedLength(Path file) throws IOException {
        try (InputStream in = openDecompressed(file)) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
