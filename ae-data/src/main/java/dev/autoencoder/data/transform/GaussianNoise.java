package dev.autoencoder.data.transform;

import dev.autoencoder.data.SampleShapes;
import java.util.random.RandomGenerator;

/**
 * Additive Gaussian noise {@code x + sigma * N(0, 1)}, optionally clamped (to [0, 1] for inputs of
 * a sigmoid decoder).
 *
 * @param sigma the standard deviation of the noise, at least 0
 * @param min the smallest value kept after adding noise
 * @param max the largest value kept after adding noise
 */
public record GaussianNoise(double sigma, float min, float max) implements Corruption {

    /** Checks sigma and the clamp range. */
    public GaussianNoise {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and at least 0, got " + sigma);
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("clamp range [" + min + ", " + max + "] is empty");
        }
    }

    /** Unclamped noise of standard deviation {@code sigma}. */
    public static GaussianNoise of(double sigma) {
        return new GaussianNoise(sigma, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
    }

    /** Noise of standard deviation {@code sigma} with results clamped to {@code [min, max]}. */
    public static GaussianNoise clamped(double sigma, float min, float max) {
        return new GaussianNoise(sigma, min, max);
    }

    @Override
    public void corruptSample(float[] values, int offset, int[] sampleShape, RandomGenerator rng) {
        int end = offset + SampleShapes.size(sampleShape);
        for (int i = offset; i < end; i++) {
            float noisy = (float) (values[i] + sigma * rng.nextGaussian());
            values[i] = Math.min(max, Math.max(min, noisy));
        }
    }
}
