package dev.autoencoder.data.transform;

import dev.autoencoder.data.SampleShapes;
import java.util.random.RandomGenerator;

/**
 * Masking noise: each value independently becomes {@code fill} (usually 0) with probability
 * {@code p}, the corruption of the original denoising autoencoder.
 *
 * @param p the probability of masking a value, in [0, 1]
 * @param fill the value a masked entry takes
 */
public record MaskingNoise(double p, float fill) implements Corruption {

    /** Checks the probability. */
    public MaskingNoise {
        Probabilities.check(p);
    }

    /** Masking to 0 with probability {@code p}. */
    public static MaskingNoise of(double p) {
        return new MaskingNoise(p, 0f);
    }

    @Override
    public void corruptSample(float[] values, int offset, int[] sampleShape, RandomGenerator rng) {
        int end = offset + SampleShapes.size(sampleShape);
        for (int i = offset; i < end; i++) {
            if (rng.nextDouble() < p) {
                values[i] = fill;
            }
        }
    }
}
