package dev.autoencoder.models.train;

import java.util.Arrays;

/**
 * Training samples as plain arrays: inputs and the targets to reconstruct (the same array for plain
 * autoencoders; clean images when the inputs are degraded copies, for super-resolution or inpainting).
 *
 * @param inputs      row-major inputs, {@code size * sampleSize} values
 * @param targets     row-major targets of the same size
 * @param sampleShape one sample's shape, e.g. {@code [784]} or {@code [1, 32, 32]}
 */
public record TrainingData(float[] inputs, float[] targets, int[] sampleShape) {
    public TrainingData {
        sampleShape = sampleShape.clone();
        int per = Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
        if (per == 0 || inputs.length % per != 0 || targets.length != inputs.length) {
            throw new IllegalArgumentException("inputs (" + inputs.length + " values) and targets (" + targets.length
                    + ") must hold whole samples of shape " + Arrays.toString(sampleShape));
        }
    }

    /** Data whose targets are its inputs. */
    public static TrainingData autoencoding(float[] samples, int... sampleShape) {
        return new TrainingData(samples, samples, sampleShape);
    }

    /** Whether the targets are the inputs themselves (an autoencoder's data), so that a batch is uploaded once. */
    public boolean targetsAreInputs() {
        return targets == inputs;
    }

    /** Values per sample. */
    public int sampleSize() {
        return Arrays.stream(sampleShape).reduce(1, (a, b) -> a * b);
    }

    /** Number of samples. */
    public int size() {
        return inputs.length / sampleSize();
    }

    @Override
    public int[] sampleShape() {
        return sampleShape.clone();
    }
}
