package dev.autoencoder.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.DataFormatException;
import dev.autoencoder.data.IdxTestFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private final IdxReader reader = new IdxReader();

    @Test
    void readsEveryElementTypeBigEndian() throws IOException {
        ByteBuffer shorts = ByteBuffer.allocate(6).putShort((short) -2).putShort((short) 300).putShort((short) 7);
        assertArrayEquals(new float[] {-2, 300, 7}, readFloats(0x0B, shorts.array(), 3));
        ByteBuffer ints = ByteBuffer.allocate(8).putInt(-100_000).putInt(123_456);
        assertArrayEquals(new float[] {-100_000, 123_456}, readFloats(0x0C, ints.array(), 2));
        ByteBuffer floats = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-0.25f);
        assertArrayEquals(new float[] {1.5f, -0.25f}, readFloats(0x0D, floats.array(), 2));
        ByteBuffer doubles = ByteBuffer.allocate(16).putDouble(2.5).putDouble(-8);
        assertArrayEquals(new float[] {2.5f, -8f}, readFloats(0x0E, doubles.array(), 2));
        assertArrayEquals(new float[] {-1, 127}, readFloats(0x09, new byte[] {-1, 127}, 2));
        assertArrayEquals(new float[] {255, 127}, readFloats(0x08, new byte[] {-1, 127}, 2));
    }

    @Test
    void readsGzipAndPlainAlike() throws IOException {
        byte[] content = IdxTestFiles.images(5, 3, 4);
        Path plain = IdxTestFiles.write(dir.resolve("images-idx3-ubyte"), content);
        Path gzip = IdxTestFiles.write(dir.resolve("images-idx3-ubyte.gz"), IdxTestFiles.gzip(content));
        IdxArray fromPlain = reader.readFloats(plain);
        IdxArray fromGzip = reader.readFloats(gzip);
        assertEquals(new IdxHeader(IdxType.UNSIGNED_BYTE, new int[] {5, 3, 4}), fromGzip.header());
        assertArrayEquals(fromPlain.values(), fromGzip.values());
        assertEquals((4 * 7 + 11) % 256, fromGzip.values()[4 * 12 + 11]);
        assertEquals(fromGzip.header(), reader.readHeader(gzip));
    }

    @Test
    void readsIntegralFilesAsInts() throws IOException {
        Path labels = IdxTestFiles.write(dir.resolve("labels.gz"), IdxTestFiles.gzip(IdxTestFiles.labels(7, 3)));
        assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2, 0}, reader.readInts(labels).values());
    }

    @Test
    void refusesFloatsWhereIntegersAreExpected() throws IOException {
        Path floats = IdxTestFiles.write(dir.resolve("floats"), IdxTestFiles.bytes(0x0D, new int[] {1}, new byte[4]));
        DataFormatException e = assertThrows(DataFormatException.class, () -> reader.readInts(floats));
        assertEquals(floats, e.file().orElseThrow());
    }

    @Test
    void acceptsAConcatenatedGzipWhoseTrailerDisagrees() throws IOException {
        byte[] content = IdxTestFiles.images(4, 2, 2);
        byte[] first = IdxTestFiles.gzip(Arrays.copyOfRange(content, 0, 10));
        byte[] second = IdxTestFiles.gzip(Arrays.copyOfRange(content, 10, content.length));
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        Path file = IdxTestFiles.write(dir.resolve("multi.gz"), both);
        assertEquals(16, reader.readFloats(file).values().length);
    }

    private float[] readFloats(int typeCode, byte[] payload, int n) throws IOException {
        Path file = IdxTestFiles.write(dir.resolve("t" + typeCode), IdxTestFiles.bytes(typeCode, new int[] {n}, payload));
        return reader.readFloats(file).values();
    }
}
