package dev.autoencoder.models.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds raw safetensors-like byte sequences for the tests, valid or not. */
final class MalformedFiles {
    private MalformedFiles() {
    }

    /** The header length, {@code header} padded with spaces to a multiple of 8 bytes, then {@code data}. */
    static byte[] withHeader(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        return withHeaderBytes(padded, json, " ".repeat(padded - json.length).getBytes(StandardCharsets.US_ASCII),
                data);
    }

    /** {@link #withHeader(String, byte[])} with {@code dataBytes} zero bytes of data. */
    static byte[] withHeader(String header, int dataBytes) {
        return withHeader(header, new byte[dataBytes]);
    }

    /** {@code length} as 8 little-endian bytes followed by the given parts, whatever they are. */
    static byte[] withHeaderBytes(long length, byte[]... parts) {
        int total = Long.BYTES;
        for (byte[] part : parts) {
            total += part.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN).putLong(length);
        for (byte[] part : parts) {
            buffer.put(part);
        }
        return buffer.array();
    }
}
