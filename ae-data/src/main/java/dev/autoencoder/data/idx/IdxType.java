package dev.autoencoder.data.idx;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The element types an IDX file can hold, identified by the third byte of its magic number. Values
 * are stored big-endian. Decoding converts a run of elements to {@code float} or {@code int}.
 */
public enum IdxType {
    /** 0x08: unsigned byte, 0..255 (MNIST pixels and labels). */
    UNSIGNED_BYTE(0x08, 1),
    /** 0x09: signed byte. */
    SIGNED_BYTE(0x09, 1),
    /** 0x0B: signed 16-bit integer. */
    SHORT(0x0B, 2),
    /** 0x0C: signed 32-bit integer. */
    INT(0x0C, 4),
    /** 0x0D: 32-bit IEEE float. */
    FLOAT(0x0D, 4),
    /** 0x0E: 64-bit IEEE double. */
    DOUBLE(0x0E, 8);

    private final int code;
    private final int bytes;

    IdxType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The type with magic-number code {@code code}, if there is one. */
    public static Optional<IdxType> ofCode(int code) {
        for (IdxType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The code in the third byte of the magic number. */
    public int code() {
        return code;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** Whether values are integers (and so may serve as labels). */
    public boolean isIntegral() {
        return this != FLOAT && this != DOUBLE;
    }

    /** Decodes {@code count} big-endian elements from {@code src} into {@code dst[offset...]}. */
    void decodeFloats(ByteBuffer src, float[] dst, int offset, int count) {
        int end = offset + count;
        switch (this) {
            case UNSIGNED_BYTE -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.get() & 0xFF;
                }
            }
            case SIGNED_BYTE -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.get();
                }
            }
            case SHORT -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.getShort();
                }
            }
            case INT -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.getInt();
                }
            }
            case FLOAT -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.getFloat();
                }
            }
            case DOUBLE -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = (float) src.getDouble();
                }
            }
        }
    }

    /**
     * Decodes {@code count} big-endian integral elements from {@code src} into {@code dst[offset...]}.
     *
     * @throws IllegalStateException for {@link #FLOAT} and {@link #DOUBLE}
     */
    void decodeInts(ByteBuffer src, int[] dst, int offset, int count) {
        int end = offset + count;
        switch (this) {
            case UNSIGNED_BYTE -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.get() & 0xFF;
                }
            }
            case SIGNED_BYTE -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.get();
                }
            }
            case SHORT -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.getShort();
                }
            }
            case INT -> {
                for (int i = offset; i < end; i++) {
                    dst[i] = src.getInt();
                }
            }
            case FLOAT, DOUBLE -> throw new IllegalStateException(this + " elements are not integers");
        }
    }
}
