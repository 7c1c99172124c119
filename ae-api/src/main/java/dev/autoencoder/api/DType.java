package dev.autoencoder.api;

/** Element type of a tensor. F32 is the training default; F64 serves gradient checks and the oracle. */
public enum DType {
    /** IEEE 754 single precision. */
    F32(4),
    /** IEEE 754 double precision. */
    F64(8);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }
}
