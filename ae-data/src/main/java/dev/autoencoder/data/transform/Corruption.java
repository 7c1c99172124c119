package dev.autoencoder.data.transform;

import dev.autoencoder.data.Dataset;
import dev.autoencoder.data.SampleShapes;
import dev.autoencoder.data.Samples;
import java.util.random.RandomGenerator;

/**
 * A random degradation of samples, the input side of a denoising or inpainting autoencoder
 * (Gaussian noise, masking, salt-and-pepper, occlusion). Randomness comes only from the
 * {@link RandomGenerator} the caller passes, so the same seed gives the same corruption.
 *
 * <p>To corrupt afresh every epoch, call {@link #corruptInPlace} on each batch's copy of the
 * features; to make a fixed corrupted copy (a test set, a figure), call {@link #apply}.
 */
public interface Corruption {

    /** Corrupts the sample of shape {@code sampleShape} at {@code values[offset...]} in place. */
    void corruptSample(float[] values, int offset, int[] sampleShape, RandomGenerator rng);

    /**
     * Corrupts, in place, every sample in {@code samples}, a row-major array of whole samples of
     * shape {@code sampleShape} (such as a batch's features).
     */
    default void corruptInPlace(float[] samples, int[] sampleShape, RandomGenerator rng) {
        int size = SampleShapes.size(sampleShape);
        if (samples.length % size != 0) {
            throw new IllegalArgumentException(samples.length + " values are not whole samples of " + size);
        }
        for (int offset = 0; offset < samples.length; offset += size) {
            corruptSample(samples, offset, sampleShape, rng);
        }
    }

    /** A new dataset with a corrupted copy of every sample of {@code input}; labels and name are kept. */
    default Dataset apply(Samples input, RandomGenerator rng) {
        float[] values = input.features();
        int[] shape = input.sampleShape();
        corruptInPlace(values, shape, rng);
        return new Dataset(input.name(), values, shape, input.hasLabels() ? input.labels() : null, input.classNames());
    }
}
