package dev.autoencoder.data.idx;

import java.util.Arrays;

/**
 * The header of an IDX file: the element type and the dimensions, the first of which counts the
 * items (images or labels).
 *
 * @param type the element type
 * @param dims the dimensions, outermost first (a copy is kept)
 */
public record IdxHeader(IdxType type, int[] dims) {

    /** Keeps a private copy of the dimensions. */
    public IdxHeader {
        dims = dims.clone();
    }

    /** The dimensions, outermost first (a copy). */
    @Override
    public int[] dims() {
        return dims.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** The first dimension: the number of items. */
    public int count() {
        return dims[0];
    }

    /** Number of elements: the product of all dimensions. */
    public long elementCount() {
        long n = 1;
        for (int d : dims) {
            n *= d;
        }
        return n;
    }

    /** Size of the header in bytes: the 4-byte magic number plus 4 bytes per dimension. */
    public int headerBytes() {
        return 4 + 4 * dims.length;
    }

    /** Size of the data that must follow the header, in bytes. */
    public long dataBytes() {
        return elementCount() * type.bytes();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdxHeader h && h.type == type && Arrays.equals(h.dims, dims);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return type + Arrays.toString(dims);
    }
}
