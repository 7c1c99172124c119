/**
 * Compression with autoencoders: {@link dev.autoencoder.models.codec.Compressor} encodes samples into a
 * {@link dev.autoencoder.models.codec.CodeFile} (ae's own validated file format with a checksum, codes in float16
 * or float32) and decodes it with the model that wrote it.
 */
package dev.autoencoder.models.codec;
