package dev.autoencoder.data.idx;

import java.nio.file.Path;

/**
 * The content of one integral IDX file (typically labels): its header and every element.
 *
 * @param file the file it was read from
 * @param header its type and dimensions
 * @param values {@code header.elementCount()} values
 */
public record IdxIntArray(Path file, IdxHeader header, int[] values) {
}
