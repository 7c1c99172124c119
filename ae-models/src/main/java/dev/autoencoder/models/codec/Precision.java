package dev.autoencoder.models.codec;

import java.util.Locale;

/** How codes are stored in a code file. */
public enum Precision {
    /** IEEE 754 half precision: 2 bytes per value, about 3 significant digits. */
    FLOAT16(2),
    /** IEEE 754 single precision: 4 bytes per value, exact. */
    FLOAT32(4);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per stored value (also the value's tag in the file). */
    public int bytes() {
        return bytes;
    }

    /** The precision stored with tag {@code bytes}, if any. */
    static Precision ofBytes(int bytes) {
        for (Precision p : values()) {
            if (p.bytes == bytes) {
                return p;
            }
        }
        return null;
    }

    /** The option value: {@code float16}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
