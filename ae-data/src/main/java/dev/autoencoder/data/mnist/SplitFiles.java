package dev.autoencoder.data.mnist;

import java.nio.file.Path;

/**
 * The images file and the labels file of one part of an MNIST-like dataset.
 *
 * @param images the IDX images file (plain or gzip)
 * @param labels the IDX labels file (plain or gzip)
 */
public record SplitFiles(Path images, Path labels) {
}
