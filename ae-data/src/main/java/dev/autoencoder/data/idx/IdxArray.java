package dev.autoencoder.data.idx;

import java.nio.file.Path;

/**
 * The content of one IDX file read as floats: its header and every element in row-major order.
 *
 * @param file the file it was read from
 * @param header its type and dimensions
 * @param values {@code header.elementCount()} values, converted to {@code float}
 */
public record IdxArray(Path file, IdxHeader header, float[] values) {
}
